//! What `derivationStrict` collects from a derivation's attributes (the environment or
//! the structured attributes' JSON, `args`, outputs, the fixed-output hash, and the
//! string context of it all), the reference's checks on it, and the store derivation
//! built from it.

use crate::builtins::util::{element, list, string, string_without_context};
use crate::error::EvalError;
use crate::value::{ContextElement, NixString, StringContext, Value};
use crate::vm::Ctx;
use ferrix_store::derivation::{Derivation, DerivationError, DerivationOutput, STRUCTURED_ATTRS_VAR};
use ferrix_store::store_path::FileIngestionMethod;
use ferrix_store::{Hash, HashAlgo, StorePath};
use std::collections::{BTreeMap, BTreeSet};

/// The attributes seen so far.
#[derive(Default)]
pub(super) struct Spec {
    pub name: String,
    /// `file:line:col` of the `name` attribute.
    pub name_at: Option<String>,
    pub structured: bool,
    pub ignore_nulls: bool,
    env: BTreeMap<String, String>,
    /// Structured attributes: each name with its JSON text, in order.
    json: Vec<(String, Vec<u8>)>,
    args: Vec<String>,
    builder: String,
    system: String,
    output_hash: Option<String>,
    output_hash_algo: Option<HashAlgo>,
    mode: Option<FileIngestionMethod>,
    /// The outputs in the order given; `None`: just `out`.
    outputs: Option<Vec<String>>,
    context: StringContext,
}

/// A derivation made: its `.drv` path and output paths, as strings with their contexts.
pub(super) struct Made {
    pub drv_path: NixString,
    pub outputs: Vec<(String, NixString)>,
}

/// Whether `key` is an attribute that, set to true, asks for an experimental kind of
/// derivation.
pub(super) fn is_flag(key: &str) -> bool {
    key == "__contentAddressed" || key == "__impure"
}

/// The error for a flag of [`is_flag`] set to true: Ferrix, as the reference by
/// default, has those experimental features disabled.
pub(super) fn experimental_flag(key: &str) -> EvalError {
    let feature = if key == "__impure" { "impure-derivations" } else { "ca-derivations" };
    experimental(feature, "")
}

fn experimental(feature: &str, why: &str) -> EvalError {
    EvalError::eval(
        format!(
            "experimental Nix feature '{feature}' is disabled{why}; add '--extra-experimental-features {feature}' to enable it"
        ),
        None,
    )
}

impl Spec {
    /// The frame of every error while the derivation is evaluated.
    pub fn derivation_frame(&self) -> String {
        let at = self.name_at.as_deref().unwrap_or("«none»");
        format!("while evaluating derivation '{}'\n  whose name attribute is located at {at}", self.name)
    }

    /// An attribute's value as an environment variable.
    pub fn env_value(&mut self, key: &str, s: &NixString) -> Result<(), EvalError> {
        self.context = self.context.union(&s.context);
        let value = s.lossy().into_owned();
        match key {
            "builder" => self.builder = value.clone(),
            "system" => self.system = value.clone(),
            "outputHash" => self.output_hash = Some(value.clone()),
            "outputHashAlgo" => self.output_hash_algo = HashAlgo::from_name(&value),
            "outputHashMode" => self.mode = Some(self.hash_mode(&value)?),
            "outputs" => self.set_outputs(value.split_ascii_whitespace().map(str::to_owned))?,
            _ => {}
        }
        self.env.insert(key.to_owned(), value);
        Ok(())
    }

    /// An attribute's value as a structured attribute: its JSON text, and for the
    /// attributes with a meaning of their own, the (forced) value itself.
    pub fn json_value(
        &mut self,
        ctx: &Ctx<'_>,
        key: &str,
        json: &NixString,
        v: Value<'_>,
    ) -> Result<(), EvalError> {
        self.context = self.context.union(&json.context);
        self.json.push((key.to_owned(), json.bytes.to_vec()));
        // The frame of an error about the attribute's value.
        let about = |what: &str| format!("the `{what}` attribute of derivation '{}'", self.name);
        match key {
            "builder" => {
                self.builder = element(string(ctx, v), &about(key))?.lossy().into_owned();
            }
            "system" => self.system = element(string_without_context(ctx, v), &about(key))?,
            "outputHash" => self.output_hash = Some(element(string_without_context(ctx, v), &about(key))?),
            "outputHashAlgo" => {
                self.output_hash_algo =
                    HashAlgo::from_name(&element(string_without_context(ctx, v), &about(key))?);
            }
            "outputHashMode" => {
                let mode = element(string_without_context(ctx, v), &about(key))?;
                self.mode = Some(self.hash_mode(&mode)?);
            }
            "outputs" => {
                let list = element(list(ctx, v), &about(key))?;
                let element_of =
                    format!("an element of the `outputs` attribute of derivation '{}'", self.name);
                let names = list
                    .0
                    .iter()
                    .map(|item| element(string_without_context(ctx, item.resolved()), &element_of))
                    .collect::<Result<Vec<_>, _>>()?;
                self.set_outputs(names.into_iter())?;
            }
            _ => {}
        }
        Ok(())
    }

    /// An element of `args`.
    pub fn arg(&mut self, s: NixString) {
        self.context = self.context.union(&s.context);
        self.args.push(s.lossy().into_owned());
    }

    fn hash_mode(&self, mode: &str) -> Result<FileIngestionMethod, EvalError> {
        match mode {
            "flat" => Ok(FileIngestionMethod::Flat),
            "recursive" | "nar" => Ok(FileIngestionMethod::Recursive),
            "text" => Err(experimental(
                "dynamic-derivations",
                &format!(" (text-hashed derivation '{}', outputHashMode = \"text\")", self.name),
            )),
            "git" => Err(experimental("git-hashing", "")),
            other => {
                Err(EvalError::eval(format!("invalid value '{other}' for 'outputHashMode' attribute"), None))
            }
        }
    }

    fn set_outputs(&mut self, names: impl Iterator<Item = String>) -> Result<(), EvalError> {
        let mut outputs: Vec<String> = Vec::new();
        for name in names {
            if outputs.contains(&name) {
                return Err(EvalError::eval(format!("duplicate derivation output '{name}'"), None));
            }
            outputs.push(name);
        }
        if outputs.is_empty() {
            return Err(EvalError::eval("derivation cannot have an empty set of outputs", None));
        }
        self.outputs = Some(outputs);
        Ok(())
    }

    /// Checks what the attributes gave, makes the store derivation and adds it to the
    /// store (or computes its path).
    pub fn build(&mut self, ctx: &mut Ctx<'_>) -> Result<Made, EvalError> {
        for (value, what) in [(&self.builder, "builder"), (&self.system, "system")] {
            if value.is_empty() {
                return Err(EvalError::eval(format!("required attribute '{what}' missing"), None));
            }
        }
        let store_error = |e: DerivationError| EvalError::eval(e.to_string(), None);
        ferrix_store::store_path::check_name(&self.name)
            .map_err(|e| store_error(DerivationError::InvalidName(e)))?;
        if self.name.ends_with(".drv") {
            return Err(store_error(DerivationError::DrvName));
        }
        let mut drv = Derivation {
            system: std::mem::take(&mut self.system),
            builder: std::mem::take(&mut self.builder),
            args: std::mem::take(&mut self.args),
            ..Derivation::default()
        };
        self.add_inputs(ctx, &mut drv)?;
        drv.env = std::mem::take(&mut self.env);
        if self.structured {
            drv.env.insert(STRUCTURED_ATTRS_VAR.to_owned(), self.json_text());
        }
        let outputs = self.outputs.take().unwrap_or_else(|| vec!["out".to_owned()]);
        if let Some(hash) = &self.output_hash {
            if outputs.len() != 1 || outputs[0] != "out" {
                return Err(EvalError::eval(
                    "multiple outputs are not supported in fixed-output derivations",
                    None,
                ));
            }
            let hash = self.parse_hash(hash)?;
            let method = self.mode.unwrap_or(FileIngestionMethod::Flat);
            let output = DerivationOutput::fixed(&self.name, method, hash).map_err(store_error)?;
            drv.outputs.insert("out".to_owned(), output);
        } else {
            for output in &outputs {
                drv.outputs.insert(output.clone(), DerivationOutput::Deferred);
            }
        }
        let drv_path = ctx.io.store.add_derivation(&mut drv)?.to_absolute();
        let whole = StringContext::from_elements([format!("={drv_path}")]);
        let outputs = drv
            .outputs
            .iter()
            .filter_map(|(name, output)| {
                let path = output.path()?.to_absolute();
                let context = StringContext::from_elements([format!("!{name}!{drv_path}")]);
                Some((name.clone(), NixString::with_context(path.into_bytes(), context)))
            })
            .collect();
        Ok(Made { drv_path: NixString::with_context(drv_path.into_bytes(), whole), outputs })
    }

    /// The fixed output's hash, as the reference reads `outputHash` and `outputHashAlgo`.
    fn parse_hash(&self, hash: &str) -> Result<Hash, EvalError> {
        crate::builtins::hashing::parse_hash_allow_empty(hash, self.output_hash_algo)
    }

    /// The structured attributes as one JSON object (names in order, no spaces).
    fn json_text(&self) -> String {
        let mut out = Vec::from(*b"{");
        for (i, (key, value)) in self.json.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(serde_json::to_string(key).expect("a string").as_bytes());
            out.push(b':');
            out.extend_from_slice(value);
        }
        out.push(b'}');
        String::from_utf8_lossy(&out).into_owned()
    }

    /// The input sources and derivations the context names.
    fn add_inputs(&self, ctx: &mut Ctx<'_>, drv: &mut Derivation) -> Result<(), EvalError> {
        let parse = |p: &str| StorePath::parse(p).map_err(|e| EvalError::eval(e.to_string(), None));
        for element in self.context.elements() {
            match ContextElement::parse(element) {
                ContextElement::Path(p) => {
                    drv.input_srcs.insert(parse(p)?);
                }
                ContextElement::Output { output, drv: d } => {
                    drv.input_drvs.entry(parse(d)?).or_default().insert(output.to_owned());
                }
                ContextElement::AllOutputs(d) => {
                    for path in ctx.io.store.derivation_closure(&parse(d)?)? {
                        if path.is_derivation() {
                            let outputs: BTreeSet<String> =
                                ctx.io.store.derivation_outputs(&path)?.into_iter().collect();
                            drv.input_drvs.entry(path.clone()).or_default().extend(outputs);
                        }
                        drv.input_srcs.insert(path);
                    }
                }
            }
        }
        Ok(())
    }
}
