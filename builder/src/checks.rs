//! Output checks: `allowedReferences`, `allowedRequisites`, `disallowedReferences` and
//! `disallowedRequisites` (for every output, from the environment), or with structured
//! attributes `outputChecks.<output>` (those four plus `maxSize` and `maxClosureSize`),
//! with the reference's messages. An entry is a store path or the name of one of the
//! derivation's outputs.

use crate::error::Failure;
use ferrix_store::StorePath;
use ferrix_store::derivation::Derivation;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// What is known of a new output when it is checked.
pub(crate) struct NewOutput {
    pub path: StorePath,
    pub references: BTreeSet<StorePath>,
    pub nar_size: u64,
}

/// The checks of one output.
#[derive(Default)]
struct Checks {
    allowed_references: Option<Vec<String>>,
    allowed_requisites: Option<Vec<String>>,
    disallowed_references: Vec<String>,
    disallowed_requisites: Vec<String>,
    max_size: Option<u64>,
    max_closure_size: Option<u64>,
}

/// Checks every output of `drv`; `closure` gives the closure of a path (including the
/// new outputs) and the sum of its NAR sizes.
pub(crate) fn check_outputs(
    drv_path: &StorePath,
    drv: &Derivation,
    outputs: &BTreeMap<String, NewOutput>,
    closure: &dyn Fn(&StorePath) -> (BTreeSet<StorePath>, u64),
) -> Result<(), Failure> {
    let structured = drv.structured_attrs().ok().flatten();
    for (name, output) in outputs {
        let checks = match &structured {
            Some(attrs) => structured_checks(attrs, name),
            None => env_checks(drv),
        };
        let resolve = |specs: &[String]| resolve(drv_path, name, specs, outputs);
        let mut bad = BTreeSet::new();
        let needs_closure = checks.allowed_requisites.is_some()
            || !checks.disallowed_requisites.is_empty()
            || checks.max_closure_size.is_some();
        let (requisites, closure_size) =
            if needs_closure { closure(&output.path) } else { (BTreeSet::new(), 0) };
        if let Some(allowed) = &checks.allowed_references {
            let allowed = resolve(allowed)?;
            bad.extend(output.references.iter().filter(|r| !allowed.contains(*r)).cloned());
        }
        if let Some(allowed) = &checks.allowed_requisites {
            let allowed = resolve(allowed)?;
            bad.extend(requisites.iter().filter(|r| **r != output.path && !allowed.contains(*r)).cloned());
        }
        let disallowed = resolve(&checks.disallowed_references)?;
        bad.extend(output.references.iter().filter(|r| disallowed.contains(*r)).cloned());
        let disallowed = resolve(&checks.disallowed_requisites)?;
        bad.extend(requisites.iter().filter(|r| disallowed.contains(*r)).cloned());
        if !bad.is_empty() {
            let mut message = format!(
                "output '{}' is not allowed to refer to the following paths:",
                output.path.to_absolute()
            );
            for path in &bad {
                message.push_str(&format!("\n         {}", path.to_absolute()));
            }
            return Err(Failure::new(message));
        }
        if let Some(max) = checks.max_size.filter(|max| output.nar_size > *max) {
            return Err(Failure::new(format!(
                "path '{}' is too large at {} bytes; limit is {max} bytes",
                output.path.to_absolute(),
                output.nar_size
            )));
        }
        if let Some(max) = checks.max_closure_size.filter(|max| closure_size > *max) {
            return Err(Failure::new(format!(
                "closure of path '{}' is too large at {closure_size} bytes; limit is {max} bytes",
                output.path.to_absolute()
            )));
        }
    }
    Ok(())
}

fn env_checks(drv: &Derivation) -> Checks {
    let list = |k: &str| drv.env.get(k).map(|v| v.split_whitespace().map(str::to_owned).collect());
    Checks {
        allowed_references: list("allowedReferences"),
        allowed_requisites: list("allowedRequisites"),
        disallowed_references: list("disallowedReferences").unwrap_or_default(),
        disallowed_requisites: list("disallowedRequisites").unwrap_or_default(),
        max_size: None,
        max_closure_size: None,
    }
}

fn structured_checks(attrs: &serde_json::Map<String, Value>, output: &str) -> Checks {
    let Some(Value::Object(checks)) = attrs.get("outputChecks").and_then(|c| c.get(output)) else {
        return Checks::default();
    };
    let list = |k: &str| {
        checks
            .get(k)
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(Value::as_str).map(str::to_owned).collect::<Vec<_>>())
    };
    Checks {
        allowed_references: list("allowedReferences"),
        allowed_requisites: list("allowedRequisites"),
        disallowed_references: list("disallowedReferences").unwrap_or_default(),
        disallowed_requisites: list("disallowedRequisites").unwrap_or_default(),
        max_size: checks.get("maxSize").and_then(Value::as_u64),
        max_closure_size: checks.get("maxClosureSize").and_then(Value::as_u64),
    }
}

/// The store paths `specs` name: store paths, or outputs of this derivation.
fn resolve(
    drv_path: &StorePath,
    output: &str,
    specs: &[String],
    outputs: &BTreeMap<String, NewOutput>,
) -> Result<BTreeSet<StorePath>, Failure> {
    specs
        .iter()
        .map(|spec| {
            if let Ok(path) = StorePath::parse(spec) {
                return Ok(path);
            }
            match outputs.get(spec) {
                Some(o) => Ok(o.path.clone()),
                None => Err(Failure::new(format!(
                    "derivation '{}' output check for '{output}' contains output name '{spec}', but this is \
                     not a valid output of this derivation. (Valid outputs are [{}].)",
                    drv_path.to_absolute(),
                    outputs.keys().cloned().collect::<Vec<_>>().join(", ")
                ))),
            }
        })
        .collect()
}
