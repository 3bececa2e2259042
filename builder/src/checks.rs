//! Output checks: `allowedReferences`, `allowedRequisites`, `disallowedReferences` and
//! `disallowedRequisites` (for every output, from the environment), or with structured
//! attributes `outputChecks.<output>` (those four plus `maxSize` and `maxClosureSize`),
//! in the reference's order and with its messages. An entry is a store path or the
//! name of one of the derivation's outputs.

use crate::error::Failure;
use crate::job::failure;
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

/// The closure of a path (including the new outputs) and the sum of its NAR sizes.
pub(crate) type Closure<'a> = &'a dyn Fn(&StorePath) -> Result<(BTreeSet<StorePath>, u64), Failure>;

/// The checks of one output.
#[derive(Default)]
struct Checks {
    max_size: Option<u64>,
    max_closure_size: Option<u64>,
    allowed_references: Option<Vec<String>>,
    allowed_requisites: Option<Vec<String>>,
    disallowed_references: Option<Vec<String>>,
    disallowed_requisites: Option<Vec<String>>,
    /// Requisites leave out the output itself (only without structured attributes).
    ignore_self_refs: bool,
}

/// Checks every output of `drv`.
pub(crate) fn check_outputs(
    drv_path: &StorePath,
    drv: &Derivation,
    outputs: &BTreeMap<String, NewOutput>,
    closure: Closure<'_>,
) -> Result<(), Failure> {
    let structured = drv.structured_attrs().map_err(failure)?;
    for (name, output) in outputs {
        let checks = match &structured {
            Some(attrs) => structured_checks(drv_path, attrs, name)?,
            None => env_checks(drv),
        };
        if let Some(max) = checks.max_size.filter(|max| output.nar_size > *max) {
            return Err(failure(format!(
                "path '{}' is too large at {} bytes; limit is {max} bytes",
                output.path.to_absolute(),
                output.nar_size
            )));
        }
        // The output's closure (and its size), computed once if a check needs it.
        let needs_closure = checks.max_closure_size.is_some()
            || checks.allowed_requisites.is_some()
            || checks.disallowed_requisites.is_some();
        let requisites = if needs_closure { Some(closure(&output.path)?) } else { None };
        if let (Some(max), Some((_, size))) = (checks.max_closure_size, &requisites) {
            let size = *size;
            if size > max {
                return Err(failure(format!(
                    "closure of path '{}' is too large at {size} bytes; limit is {max} bytes",
                    output.path.to_absolute()
                )));
            }
        }
        let check = |specs: &Option<Vec<String>>, allowed: bool, recursive: bool| -> Result<(), Failure> {
            let Some(specs) = specs else { return Ok(()) };
            let spec = resolve(drv_path, name, specs, outputs)?;
            let mut used = match (&requisites, recursive) {
                (Some((all, _)), true) => all.clone(),
                _ => output.references.clone(),
            };
            if recursive && checks.ignore_self_refs {
                used.remove(&output.path);
            }
            let bad: Vec<&StorePath> = used.iter().filter(|p| spec.contains(*p) != allowed).collect();
            if bad.is_empty() {
                return Ok(());
            }
            let mut message = format!(
                "output '{}' is not allowed to refer to the following paths:",
                output.path.to_absolute()
            );
            for path in bad {
                message.push_str(&format!("\n         {}", path.to_absolute()));
            }
            Err(Failure::new(message))
        };
        check(&checks.allowed_references, true, false)?;
        check(&checks.allowed_requisites, true, true)?;
        check(&checks.disallowed_references, false, false)?;
        check(&checks.disallowed_requisites, false, true)?;
    }
    Ok(())
}

fn env_checks(drv: &Derivation) -> Checks {
    let list = |k: &str| drv.env.get(k).map(|v| v.split_whitespace().map(str::to_owned).collect());
    Checks {
        allowed_references: list("allowedReferences"),
        allowed_requisites: list("allowedRequisites"),
        disallowed_references: list("disallowedReferences"),
        disallowed_requisites: list("disallowedRequisites"),
        ignore_self_refs: true,
        ..Checks::default()
    }
}

fn structured_checks(
    drv_path: &StorePath,
    attrs: &serde_json::Map<String, Value>,
    output: &str,
) -> Result<Checks, Failure> {
    let Some(Value::Object(checks)) = attrs.get("outputChecks").and_then(|c| c.get(output)) else {
        return Ok(Checks::default());
    };
    let list = |k: &str| -> Result<Option<Vec<String>>, Failure> {
        let Some(value) = checks.get(k) else { return Ok(None) };
        let strings = value.as_array().and_then(|items| {
            items.iter().map(|i| i.as_str().map(str::to_owned)).collect::<Option<Vec<String>>>()
        });
        match strings {
            Some(list) => Ok(Some(list)),
            None => Err(failure(format!(
                "attribute '{k}' of derivation '{}' must be a list of strings",
                drv_path.to_absolute()
            ))),
        }
    };
    Ok(Checks {
        max_size: checks.get("maxSize").and_then(Value::as_u64),
        max_closure_size: checks.get("maxClosureSize").and_then(Value::as_u64),
        allowed_references: list("allowedReferences")?,
        allowed_requisites: list("allowedRequisites")?,
        disallowed_references: list("disallowedReferences")?,
        disallowed_requisites: list("disallowedRequisites")?,
        ignore_self_refs: false,
    })
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
