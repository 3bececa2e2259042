//! `ferrix store ...` (objects, queries, garbage collection, optimising) and
//! `ferrix derivation show`.

use crate::cli::{AddMode, DerivationCommand, StoreCommand};
use crate::error::{CliError, CliResult};
use crate::hashing;
use crate::store_ops::{self, resolve_valid};
use ferrix_store::derivation::{Derivation, json};
use ferrix_store::local::{GcAction, GcOptions};
use ferrix_store::store_path::FileIngestionMethod;
use ferrix_store::{HashAlgo, StorePath};
use std::path::Path;

pub fn run(root: Option<&Path>, cmd: StoreCommand) -> CliResult {
    let cmd = match cmd {
        StoreCommand::Restore { path } => return store_ops::restore(&path),
        StoreCommand::Realise { build, paths } => {
            return crate::build_cmd::realise_paths(root, &paths, &build.options()?, None);
        }
        other => other,
    };
    let store = store_ops::open(root)?;
    match cmd {
        StoreCommand::Add { name, mode, hash_algo, paths } => {
            let method = match mode {
                AddMode::Nar => FileIngestionMethod::Recursive,
                AddMode::Flat => FileIngestionMethod::Flat,
            };
            store_ops::add(&store, &paths, name.as_deref(), method, hashing::parse_algo(&hash_algo)?)
        }
        StoreCommand::AddFile { name, paths } => {
            store_ops::add(&store, &paths, name.as_deref(), FileIngestionMethod::Flat, HashAlgo::Sha256)
        }
        StoreCommand::Dump { path } => {
            let p = resolve_valid(&store, &path)?;
            store_ops::dump(&store.real_path(&p))
        }
        StoreCommand::Restore { .. } | StoreCommand::Realise { .. } => {
            unreachable!("handled before opening the store")
        }
        StoreCommand::Verify { check_contents } => store_ops::verify(&store, check_contents),
        StoreCommand::PathInfo { json, paths } => {
            let paths = paths.iter().map(|p| resolve_valid(&store, p)).collect::<CliResult<Vec<_>>>()?;
            if json {
                let infos =
                    paths.iter().map(|p| store_ops::info(&store, p)).collect::<CliResult<Vec<_>>>()?;
                println!("{}", store_ops::path_info_json(&infos));
            } else {
                store_ops::print_paths(&paths);
            }
            Ok(())
        }
        StoreCommand::References { path } => {
            let p = resolve_valid(&store, &path)?;
            store_ops::print_paths(&store.query_references(&p)?);
            Ok(())
        }
        StoreCommand::Referrers { path } => {
            let p = resolve_valid(&store, &path)?;
            store_ops::print_paths(&store.query_referrers(&p)?);
            Ok(())
        }
        StoreCommand::Closure { paths } => {
            let roots = paths.iter().map(|p| resolve_valid(&store, p)).collect::<CliResult<Vec<_>>>()?;
            store_ops::print_paths(&store_ops::closure_sorted(&store, roots)?);
            Ok(())
        }
        StoreCommand::Gc { max_freed, print } => {
            let action = if print.print_roots {
                GcAction::PrintRoots
            } else if print.print_live {
                GcAction::PrintLive
            } else if print.print_dead {
                GcAction::PrintDead
            } else {
                GcAction::DeleteDead
            };
            let max_freed = max_freed
                .map(|s| store_ops::parse_size(&s).map_err(|e| CliError::usage("ferrix store gc", e)))
                .transpose()?;
            let mut options = GcOptions { action, max_freed, ..GcOptions::default() };
            crate::settings::apply_gc(&mut options)?;
            store_ops::gc(&store, &options)
        }
        StoreCommand::Delete { ignore_liveness, paths } => store_ops::delete(&store, &paths, ignore_liveness),
        StoreCommand::Optimise => store_ops::optimise(&store),
    }
}

pub fn run_derivation(root: Option<&Path>, cmd: DerivationCommand) -> CliResult {
    match cmd {
        DerivationCommand::Show { paths } => {
            let mut drvs = Vec::new();
            for arg in &paths {
                let (path, file) = match StorePath::parse(arg) {
                    Ok(p) => (p.clone(), store_ops::open(root)?.real_path(&p)),
                    Err(_) => (drv_file_name(Path::new(arg))?, arg.into()),
                };
                let text = std::fs::read_to_string(&file)
                    .map_err(|e| CliError::failure(format!("reading '{}': {e}", file.display())))?;
                let drv = Derivation::parse(&text).map_err(|e| CliError::failure(format!("'{arg}': {e}")))?;
                drvs.push((path, drv));
            }
            print!("{}", json::show_text(drvs.iter().map(|(p, d)| (p, d)))?);
            Ok(())
        }
    }
}

/// The store path a `.drv` file outside the store is known by: its file name, which
/// must be `<hash>-<name>.drv`.
fn drv_file_name(p: &Path) -> CliResult<StorePath> {
    let base = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    StorePath::from_base_name(base).map_err(|_| {
        CliError::failure(format!(
            "'{}' is not a store derivation (expected a <hash>-<name>.drv file)",
            p.display()
        ))
    })
}
