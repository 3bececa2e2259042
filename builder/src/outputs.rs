//! After a builder succeeded: each output it produced moved into the store and
//! canonicalised, hashed and scanned for references (to the input closure and to the
//! derivation's own outputs) in one pass, fixed outputs checked against their hash (and
//! for having no references), cycles between outputs and the output checks refused,
//! and then all outputs registered at once, with the derivation as their deriver.

use crate::checks::{NewOutput, check_outputs};
use crate::error::{Failure, HASH_MISMATCH};
use crate::job::failure;
use crate::plan::Node;
use crate::sandbox::SandboxRoot;
use ferrix_store::content::content_hash;
use ferrix_store::derivation::DerivationOutput;
use ferrix_store::local::{LocalStore, PathInfo, PathLocks, StagedOutput, content_address};
use ferrix_store::references::{ScannedPath, hash_and_scan};
use ferrix_store::store_path::FileIngestionMethod;
use ferrix_store::{Hash, HashAlgo, StorePath, nar};
use std::collections::{BTreeMap, BTreeSet};
use std::os::unix::fs::PermissionsExt;

/// Registers the outputs of the build of `node`, whose input closure is `inputs`; with
/// `auto_optimise`, hard-links their files with identical ones in the store.
pub(crate) fn register_outputs(
    store: &LocalStore,
    locks: &PathLocks,
    node: &Node,
    dirs: &SandboxRoot,
    (sandbox, auto_optimise): (bool, bool),
    inputs: &BTreeSet<StorePath>,
) -> Result<(), Failure> {
    let drv = node.drv_path.to_absolute();
    let mut staged: BTreeMap<&str, StagedOutput> = BTreeMap::new();
    for (name, path) in &node.outputs {
        let location = dirs.output_location(store, path, sandbox);
        let Ok(meta) = std::fs::symlink_metadata(&location) else {
            return Err(Failure::new(format!(
                "builder for '{drv}' failed to produce output path for output '{name}' at \"{}\"",
                path.to_absolute()
            )));
        };
        if !meta.is_symlink() && meta.permissions().mode() & 0o022 != 0 {
            return Err(Failure::new(format!(
                "suspicious ownership or permission on \"{}\" for output '{name}'; rejecting this build output",
                path.to_absolute()
            )));
        }
        staged.insert(name, store.stage_built(&location).map_err(failure)?);
    }
    let candidates: Vec<StorePath> = inputs.iter().chain(node.outputs.values()).cloned().collect();
    let mut infos = BTreeMap::new();
    let mut new_outputs = BTreeMap::new();
    for (name, out) in &staged {
        let path = &node.outputs[*name];
        let fixed = match &node.drv.outputs[*name] {
            DerivationOutput::Fixed { method, hash, .. } => Some((*method, hash)),
            _ => None,
        };
        let other = fixed.and_then(|(m, h)| {
            (m == FileIngestionMethod::Recursive && h.algo() != HashAlgo::Sha256).then_some(h.algo())
        });
        let scanned = hash_and_scan(out.path(), candidates.iter().cloned(), other)
            .map_err(|e| Failure::new(format!("cannot read output '{}': {e}", path.to_absolute())))?;
        let mut info = PathInfo::new(path.clone(), scanned.nar_hash, scanned.nar_size);
        info.deriver = Some(node.drv_path.clone());
        info.ultimate = true;
        if let Some((method, expected)) = fixed {
            let got = check_fixed(node, out, path, (method, expected), &scanned)?;
            info.ca = Some(content_address(method, &got));
        }
        info.references = scanned.references.clone();
        new_outputs.insert(
            (*name).to_owned(),
            NewOutput { path: path.clone(), references: scanned.references, nar_size: scanned.nar_size },
        );
        infos.insert(*name, info);
    }
    check_cycles(&drv, &new_outputs)?;
    let closure = |path: &StorePath| closure_of(store, path, &new_outputs);
    check_outputs(&node.drv_path, &node.drv, &new_outputs, &closure)?;
    let outputs =
        staged.into_iter().map(|(name, out)| (out, infos.remove(name).expect("one info per output")));
    store.install_built(locks, outputs.collect()).map_err(failure)?;
    if auto_optimise {
        for path in node.outputs.values() {
            let stats = store.optimise_path(path).map_err(failure)?;
            for warning in stats.warnings {
                eprintln!("warning: {warning}");
            }
        }
    }
    Ok(())
}

/// Checks a fixed output against its hash, in the reference's order: references of a
/// flat, text or non-sha256 output first, then the content's form and hash, then the
/// references of a recursive sha256 one (none are allowed). Gives the hash it has.
fn check_fixed(
    node: &Node,
    out: &StagedOutput,
    path: &StorePath,
    (method, expected): (FileIngestionMethod, &Hash),
    scanned: &ScannedPath,
) -> Result<Hash, Failure> {
    let drv = node.drv_path.to_absolute();
    let nar_sha256 = method == FileIngestionMethod::Recursive && expected.algo() == HashAlgo::Sha256;
    if !nar_sha256 && !scanned.references.is_empty() {
        let name = node.drv.name().map_err(failure)?;
        return Err(failure(format!(
            "fixed output derivation '{name}' is not allowed to refer to other store paths.\n       You may need \
             to use the 'unsafeDiscardReferences' derivation attribute, see the manual for more details."
        )));
    }
    let got = match method {
        FileIngestionMethod::Recursive => scanned.other_hash.unwrap_or(scanned.nar_hash),
        _ => {
            let meta = std::fs::symlink_metadata(out.path()).map_err(failure)?;
            if !meta.is_file() || meta.permissions().mode() & 0o100 != 0 {
                return Err(Failure::new(format!(
                    "output path \"{}\" should be a non-executable regular file since recursive hashing is not \
                     enabled (one of outputHashMode={{flat,text}} is true)",
                    path.to_absolute()
                )));
            }
            content_hash(out.path(), FileIngestionMethod::Flat, expected.algo(), &nar::keep_all)
                .map_err(failure)?
        }
    };
    if got != *expected {
        return Err(Failure {
            message: format!(
                "hash mismatch in fixed-output derivation '{drv}':\n         specified: {}\n            got:    {}",
                expected.to_sri(),
                got.to_sri()
            ),
            bits: HASH_MISMATCH,
        });
    }
    if let Some(first) = scanned.references.iter().next() {
        return Err(failure(format!(
            "fixed-output derivations must not reference store paths: '{drv}' references {} distinct paths, e.g. \
             '{}'",
            scanned.references.len(),
            first.to_absolute()
        )));
    }
    Ok(got)
}

/// Refuses outputs that refer to each other in a cycle (self-references are fine).
fn check_cycles(drv: &str, outputs: &BTreeMap<String, NewOutput>) -> Result<(), Failure> {
    let by_path: BTreeMap<&StorePath, &str> = outputs.iter().map(|(n, o)| (&o.path, n.as_str())).collect();
    for start in outputs.keys() {
        // Depth-first from `start` through the other outputs; reaching it again is a cycle.
        let mut todo = vec![start.as_str()];
        let mut seen = BTreeSet::new();
        while let Some(name) = todo.pop() {
            for r in &outputs[name].references {
                match by_path.get(r) {
                    Some(&next) if next == name => {}
                    Some(&next) if next == start.as_str() => {
                        return Err(Failure::new(format!(
                            "cycle detected in build of '{drv}' in the references of output '{start}' from output '{name}'"
                        )));
                    }
                    Some(&next) if seen.insert(next) => todo.push(next),
                    _ => {}
                }
            }
        }
    }
    Ok(())
}

/// The closure of `path` (a new output or a valid path) and the sum of its NAR sizes.
fn closure_of(
    store: &LocalStore,
    path: &StorePath,
    new: &BTreeMap<String, NewOutput>,
) -> Result<(BTreeSet<StorePath>, u64), Failure> {
    let mut seen = BTreeSet::new();
    let mut size = 0;
    let mut todo = vec![path.clone()];
    while let Some(p) = todo.pop() {
        if !seen.insert(p.clone()) {
            continue;
        }
        if let Some(o) = new.values().find(|o| o.path == p) {
            size += o.nar_size;
            todo.extend(o.references.iter().cloned());
        } else {
            let info = store.query_path_info(&p).map_err(failure)?;
            let info = info.ok_or_else(|| failure(format!("path '{}' is not valid", p.to_absolute())))?;
            size += info.nar_size;
            todo.extend(info.references);
        }
    }
    Ok((seen, size))
}
