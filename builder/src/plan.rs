//! Planning: from the derivations asked for, the derivations whose outputs are missing
//! and must be built, each with the planned derivations it waits for. A derivation
//! whose outputs are all valid is not built and its inputs are not looked at.

use crate::error::BuildError;
use crate::export_graph::{self, ExportGraph};
use ferrix_store::StorePath;
use ferrix_store::derivation::Derivation;
use ferrix_store::local::LocalStore;
use std::collections::{BTreeMap, HashMap, VecDeque};

/// A derivation to build.
pub(crate) struct Node {
    pub drv_path: StorePath,
    pub drv: Derivation,
    /// Every output's name and path.
    pub outputs: BTreeMap<String, StorePath>,
    /// The nodes (indices) that must be built first.
    pub deps: Vec<usize>,
    /// Its `exportReferencesGraph`.
    pub exports: ExportGraph,
}

/// What must be built, in no particular order.
pub(crate) struct Plan {
    pub nodes: Vec<Node>,
}

/// Reads the valid derivation `drv_path` from the store.
pub(crate) fn read_derivation(store: &LocalStore, drv_path: &StorePath) -> Result<Derivation, BuildError> {
    if !store.is_valid(drv_path)? {
        return Err(BuildError::Invalid(format!("path '{}' is not valid", drv_path.to_absolute())));
    }
    let file = store.real_path(drv_path);
    let text =
        std::fs::read_to_string(&file).map_err(BuildError::io(format!("read '{}'", file.display())))?;
    Derivation::parse(&text).map_err(|e| {
        BuildError::Invalid(format!("cannot parse derivation '{}': {e}", drv_path.to_absolute()))
    })
}

/// The output paths of `drv`; only derivations whose outputs have known paths can be
/// built here.
pub(crate) fn output_paths(
    drv_path: &StorePath,
    drv: &Derivation,
) -> Result<BTreeMap<String, StorePath>, BuildError> {
    drv.outputs
        .iter()
        .map(|(name, output)| match output.path() {
            Some(path) => Ok((name.clone(), path.clone())),
            None => Err(BuildError::Invalid(format!(
                "cannot build '{}': output '{name}' has no fixed path (floating, deferred and impure \
                 derivations are not supported)",
                drv_path.to_absolute()
            ))),
        })
        .collect()
}

/// Plans the builds that make every output of each of `wanted` valid.
pub(crate) fn plan(store: &LocalStore, wanted: &[StorePath]) -> Result<Plan, BuildError> {
    let mut index: HashMap<StorePath, usize> = HashMap::new();
    let mut nodes: Vec<Node> = Vec::new();
    // Each entry: a derivation to look at, and the outputs its user needs.
    let mut todo: VecDeque<(StorePath, Option<Vec<String>>)> =
        wanted.iter().map(|d| (d.clone(), None)).collect();
    let mut inputs_of: Vec<Vec<StorePath>> = Vec::new();
    while let Some((drv_path, needed)) = todo.pop_front() {
        if index.contains_key(&drv_path) {
            continue;
        }
        let drv = read_derivation(store, &drv_path)?;
        let outputs = output_paths(&drv_path, &drv)?;
        let mut missing = false;
        for (name, path) in &outputs {
            let is_needed = needed.as_ref().is_none_or(|n| n.contains(name));
            if is_needed && !store.is_valid(path)? {
                missing = true;
            }
        }
        if !missing {
            continue;
        }
        for src in &drv.input_srcs {
            if !store.is_valid(src)? {
                return Err(BuildError::Invalid(format!(
                    "path '{}' is required, but there is no substituter that can build it",
                    src.to_absolute()
                )));
            }
        }
        let exports = export_graph::parse(&drv_path, &drv)?;
        let inputs: Vec<StorePath> = drv.input_drvs.keys().cloned().collect();
        for (input, used) in &drv.input_drvs {
            todo.push_back((input.clone(), Some(used.iter().cloned().collect())));
        }
        index.insert(drv_path.clone(), nodes.len());
        nodes.push(Node { drv_path, drv, outputs, deps: Vec::new(), exports });
        inputs_of.push(inputs);
    }
    for (node, inputs) in nodes.iter_mut().zip(inputs_of) {
        node.deps = inputs.iter().filter_map(|i| index.get(i).copied()).collect();
    }
    Ok(Plan { nodes })
}
