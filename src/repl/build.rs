//! `:b` (build a derivation with Ferrix's builder into the REPL's store, then list
//! its outputs) and `:log` (show a derivation's build log).

use super::Repl;
use super::commands::report;
use crate::error::{CliError, CliResult};
use ferrix_store::StorePath;
use std::collections::BTreeMap;

/// `:b EXPR`.
pub fn build(repl: &Repl, arg: &str) {
    let drv = repl.session.borrow_mut().derivation_path(arg);
    let drv = match drv {
        Ok(drv) => drv,
        Err(e) => return report(repl, Err(e)),
    };
    match realise(repl, &drv) {
        Ok(outputs) => {
            let mut text = String::from("\nThis derivation produced the following outputs:\n");
            for (name, path) in outputs {
                text.push_str(&format!("  {name} -> {}\n", path.to_absolute()));
            }
            print!("{text}");
        }
        Err(e) => eprintln!("{e}"),
    }
}

/// Builds `drv` (a `.drv` path) and gives its outputs by name.
fn realise(repl: &Repl, drv: &str) -> CliResult<BTreeMap<String, StorePath>> {
    let drv = StorePath::parse(drv)?;
    let options = crate::build_cmd::default_options()?;
    let realised = ferrix_builder::realise(&repl.store_root, std::slice::from_ref(&drv), &options)
        .map_err(|e| CliError::failure(e.to_string()))?;
    Ok(realised.outputs.into_iter().next().map(|(_, outputs)| outputs).unwrap_or_default())
}

/// `:log EXPR`.
pub fn log(repl: &Repl, arg: &str) {
    let drv = repl.session.borrow_mut().derivation_path(arg);
    let drv = match drv {
        Ok(drv) => drv,
        Err(e) => return report(repl, Err(e)),
    };
    if let Err(e) = crate::build_cmd::show_log(Some(&repl.store_root), &drv) {
        eprintln!("{e}");
    }
}
