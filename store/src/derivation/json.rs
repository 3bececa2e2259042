//! JSON as the reference's `nix derivation show` prints it (format version 4): store paths
//! as base names, fixed outputs as an SRI hash and a method, keys sorted.

use super::{Derivation, DerivationError, DerivationOutput, STRUCTURED_ATTRS_VAR};
use crate::store_path::{FileIngestionMethod, StorePath};
use serde_json::{Map, Value, json};

/// The derivation JSON format version the reference prints.
pub const FORMAT_VERSION: u64 = 4;

/// The method names of the JSON format.
fn method_name(method: FileIngestionMethod) -> &'static str {
    match method {
        FileIngestionMethod::Flat => "flat",
        FileIngestionMethod::Recursive => "nar",
        FileIngestionMethod::Text => "text",
    }
}

fn output_json(output: &DerivationOutput) -> Value {
    match output {
        DerivationOutput::InputAddressed(path) => json!({ "path": path.base_name() }),
        DerivationOutput::Fixed { method, hash, .. } => {
            json!({ "hash": hash.to_sri(), "method": method_name(*method) })
        }
        DerivationOutput::Floating { method, algo } => {
            json!({ "hashAlgo": algo.name(), "method": method_name(*method) })
        }
        DerivationOutput::Deferred => json!({}),
        DerivationOutput::Impure { method, algo } => {
            json!({ "hashAlgo": algo.name(), "impure": true, "method": method_name(*method) })
        }
    }
}

impl Derivation {
    /// The JSON object of one derivation stored at `drv_path` (its name is taken from the
    /// path, as the reference does). Structured attributes appear parsed, as
    /// `structuredAttrs`, instead of the `__json` env var.
    pub fn to_json(&self, drv_path: &StorePath) -> Result<Value, DerivationError> {
        let name = drv_path.name().strip_suffix(".drv").unwrap_or(drv_path.name());
        let outputs: Map<String, Value> =
            self.outputs.iter().map(|(name, output)| (name.clone(), output_json(output))).collect();
        let drvs: Map<String, Value> = self
            .input_drvs
            .iter()
            .map(|(path, outputs)| {
                (path.base_name().to_owned(), json!({ "dynamicOutputs": {}, "outputs": outputs }))
            })
            .collect();
        let srcs: Vec<&str> = self.input_srcs.iter().map(StorePath::base_name).collect();
        let env: Map<String, Value> = self
            .env
            .iter()
            .filter(|(key, _)| *key != STRUCTURED_ATTRS_VAR)
            .map(|(key, value)| (key.clone(), Value::from(value.as_str())))
            .collect();
        let mut obj = json!({
            "args": self.args,
            "builder": self.builder,
            "env": env,
            "inputs": { "drvs": drvs, "srcs": srcs },
            "name": name,
            "outputs": outputs,
            "system": self.system,
            "version": FORMAT_VERSION,
        });
        if let (Some(attrs), Value::Object(obj)) = (self.structured_attrs()?, &mut obj) {
            obj.insert("structuredAttrs".into(), Value::Object(attrs));
        }
        Ok(obj)
    }
}

/// `nix derivation show`'s document for the given derivations.
pub fn show<'a>(
    drvs: impl IntoIterator<Item = (&'a StorePath, &'a Derivation)>,
) -> Result<Value, DerivationError> {
    let derivations = drvs
        .into_iter()
        .map(|(path, drv)| Ok((path.base_name().to_owned(), drv.to_json(path)?)))
        .collect::<Result<Map<String, Value>, DerivationError>>()?;
    Ok(json!({ "derivations": derivations, "version": FORMAT_VERSION }))
}

/// The text `nix derivation show` prints: compact JSON and a newline.
pub fn show_text<'a>(
    drvs: impl IntoIterator<Item = (&'a StorePath, &'a Derivation)>,
) -> Result<String, DerivationError> {
    Ok(format!("{}\n", show(drvs)?))
}
