//! Instantiation: evaluating an expression to the derivations it holds (see
//! `vm::native::derivations` for which), whose `.drv` files read-write evaluation
//! writes to the store, and GC roots for them.

use crate::error::EvalError;
use crate::value::Value;
use crate::vm::native::Native;
use crate::{Evaluator, Request};
use ferrix_store::StorePath;
use std::path::{Path, PathBuf};

/// A derivation found: its `.drv` path and the output its value stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    pub drv_path: String,
    pub output: String,
}

impl Evaluator {
    /// Evaluates `req` and gives the derivations in its value, in order; their `.drv`
    /// files (and everything they need) are in the store afterwards when the evaluator
    /// is in read-write mode.
    pub fn instantiate(&mut self, req: Request) -> Result<Vec<Instance>, EvalError> {
        let found = self.find_instances(req);
        // Also after an error: what was made is in the store, as with the reference.
        self.io.store.flush()?;
        found
    }

    /// The derivations of each of the request's attribute paths, in order.
    fn find_instances(&mut self, mut req: Request) -> Result<Vec<Instance>, EvalError> {
        self.pace_for_instantiation();
        let args = self.evaluate_top(&mut req)?;
        let mut found = Vec::new();
        for path in crate::attr_paths(&req) {
            self.select_path(path, &args, true)?;
            found.extend(self.derivations_found()?);
        }
        Ok(found)
    }

    /// The derivations the VM's value holds.
    fn derivations_found(&mut self) -> Result<Vec<Instance>, EvalError> {
        #[allow(
            clippy::redundant_closure,
            reason = "the closure is needed for the arena's higher-ranked lifetime"
        )]
        self.run_native(|v| Native::find_derivations(v))?;
        let found = self.arena.mutate(|_, vm| {
            let Value::List(pairs) = vm.result().resolved() else { unreachable!("a list of pairs") };
            pairs
                .0
                .iter()
                .map(|pair| {
                    let Value::List(pair) = pair.resolved() else { unreachable!("a pair") };
                    let text = |i: usize| match pair.0[i].resolved() {
                        Value::String(s) => s.lossy().into_owned(),
                        _ => unreachable!("strings"),
                    };
                    Instance { drv_path: text(0), output: text(1) }
                })
                .collect()
        });
        Ok(found)
    }

    /// Lets read-write evaluation build the derivations whose outputs it reads (import
    /// from derivation) with `realiser`.
    pub fn set_realiser(&mut self, realiser: crate::Realiser) {
        self.io.store.realiser = Some(realiser);
    }

    /// Makes `link` a GC root for the store path `path` (absolute); gives the link's
    /// absolute path.
    pub fn add_root(&mut self, path: &str, link: &Path) -> Result<PathBuf, EvalError> {
        let error = |e: &dyn std::fmt::Display| EvalError::eval(e.to_string(), None);
        let path = StorePath::parse(path).map_err(|e| error(&e))?;
        self.io.store.local()?.add_perm_root(&path, link).map_err(|e| error(&e))
    }
}
