//! Store operations shared by `ferrix store` and the `nix-store` personality: opening the
//! store, resolving command-line paths to store paths, and the add / dump / restore /
//! verify / query / garbage collection / optimise operations with their output formats.

use crate::error::{CliError, CliResult};
use ferrix_store::local::{self, GcAction, GcOptions, LocalStore, PathInfo, render_size};
use ferrix_store::store_path::FileIngestionMethod;
use ferrix_store::topo::topo_sort;
use ferrix_store::{HashAlgo, StorePath, nar};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

impl From<local::StoreError> for CliError {
    fn from(e: local::StoreError) -> CliError {
        CliError::failure(e)
    }
}

/// The store's physical root: `root`, or the default one.
pub fn root(root: Option<&Path>) -> CliResult<std::path::PathBuf> {
    match root {
        Some(r) => Ok(r.to_owned()),
        None => Ok(local::default_root()?),
    }
}

/// Opens the store at `root`, or at the default root.
pub fn open(root: Option<&Path>) -> CliResult<LocalStore> {
    Ok(LocalStore::open(&self::root(root)?)?)
}

/// Resolves a command-line argument to the store object it names: `/nix/store/...`
/// (possibly a file inside an object), or a path on disk (a `result` link, say) that
/// leads into this store's physical directory.
pub fn resolve(store: &LocalStore, arg: &str) -> CliResult<StorePath> {
    if let Ok((path, _)) = StorePath::parse_prefix(arg) {
        return Ok(path);
    }
    let not_in_store = || CliError::failure(format!("path \"{arg}\" is not in the Nix store"));
    let real = std::fs::canonicalize(arg).map_err(|_| not_in_store())?;
    let store_dir = std::fs::canonicalize(store.store_dir()).map_err(|_| not_in_store())?;
    let inner = real.strip_prefix(&store_dir).map_err(|_| not_in_store())?;
    let base = inner.components().next().and_then(|c| c.as_os_str().to_str()).ok_or_else(not_in_store)?;
    Ok(StorePath::from_base_name(base)?)
}

/// Resolves and requires the path to be valid.
pub fn resolve_valid(store: &LocalStore, arg: &str) -> CliResult<StorePath> {
    let path = resolve(store, arg)?;
    if !store.is_valid(&path)? {
        return Err(CliError::failure(format!("path '{path}' is not valid")));
    }
    Ok(path)
}

/// Adds each of `paths` and prints the resulting store paths.
pub fn add(
    store: &LocalStore,
    paths: &[PathBuf],
    name: Option<&str>,
    method: FileIngestionMethod,
    algo: HashAlgo,
) -> CliResult {
    for p in paths {
        let name = match name {
            Some(n) => n.to_owned(),
            None => base_name(p)?,
        };
        println!("{}", store.add_path(p, &name, method, algo, &BTreeSet::new())?);
    }
    Ok(())
}

fn base_name(p: &Path) -> CliResult<String> {
    let abs = std::path::absolute(p)?;
    abs.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_owned)
        .ok_or_else(|| CliError::failure(format!("cannot take a store name from path '{}'", p.display())))
}

/// Writes the NAR of a file-system path to standard output.
pub fn dump(path: &Path) -> CliResult {
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    nar::dump_path(path, &mut out)
        .map_err(|e| CliError::failure(format!("dumping '{}': {e}", path.display())))?;
    Ok(out.flush()?)
}

/// Restores a NAR read from standard input to `target` (which must not exist).
pub fn restore(target: &Path) -> CliResult {
    let mut input = std::io::BufReader::with_capacity(1 << 20, std::io::stdin().lock());
    nar::restore(&mut input, target)?;
    Ok(())
}

/// Verifies the store; prints what is wrong and fails when anything is.
pub fn verify(store: &LocalStore, check_contents: bool) -> CliResult {
    eprintln!("reading the Nix store...");
    eprintln!("checking path existence...");
    if check_contents {
        eprintln!("checking store hashes...");
    }
    let report = store.verify(check_contents)?;
    for p in &report.missing {
        eprintln!("error: path '{p}' disappeared, but it is still registered as valid!");
    }
    for (p, why) in &report.corrupt {
        eprintln!("error: path '{p}': {why}");
    }
    if report.is_clean() {
        Ok(())
    } else {
        let n = report.missing.len() + report.corrupt.len();
        Err(CliError::failure(format!("{n} store path(s) are missing or corrupt")))
    }
}

/// The closure of `roots`, dependencies first (the order `nix-store -qR` prints).
pub fn closure_sorted(store: &LocalStore, roots: Vec<StorePath>) -> CliResult<Vec<StorePath>> {
    let all = store.closure(roots)?;
    topo_sort(&all, |p| store.query_references(p)).map_err(CliError::failure)
}

/// Path info, required valid.
pub fn info(store: &LocalStore, path: &StorePath) -> CliResult<PathInfo> {
    store.query_path_info(path)?.ok_or_else(|| CliError::failure(format!("path '{path}' is not valid")))
}

/// `nix path-info --json` (format 1) for `infos`.
pub fn path_info_json(infos: &[PathInfo]) -> serde_json::Value {
    let map = infos
        .iter()
        .map(|i| {
            let v = serde_json::json!({
                "ca": i.ca,
                "deriver": i.deriver.as_ref().map(|d| d.to_string()),
                "narHash": i.nar_hash.to_sri(),
                "narSize": i.nar_size,
                "references": i.references.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
                "registrationTime": i.registration_time,
                "signatures": i.sigs,
                "storeDir": ferrix_store::STORE_DIR,
                "ultimate": i.ultimate,
                "version": 1,
            });
            (i.path.to_string(), v)
        })
        .collect();
    serde_json::Value::Object(map)
}

/// Prints one store path a line.
pub fn print_paths<'a>(paths: impl IntoIterator<Item = &'a StorePath>) {
    for p in paths {
        println!("{p}");
    }
}

/// A garbage collection (`nix-store --gc`, `ferrix store gc`), printing what the
/// reference prints: roots, live or dead paths, or what was deleted and freed.
pub fn gc(store: &LocalStore, options: &GcOptions) -> CliResult {
    if options.action != GcAction::PrintRoots {
        eprintln!("finding garbage collector roots...");
    }
    let result = store.collect_garbage_logged(options, &mut print_message)?;
    match options.action {
        GcAction::PrintRoots => {
            for (link, path) in &result.roots {
                println!("\"{}\" -> {path}", link.display());
            }
        }
        GcAction::PrintLive | GcAction::PrintDead => result.paths.iter().for_each(|p| println!("{p}")),
        GcAction::DeleteDead => print_freed(result.paths.len(), result.bytes_freed),
    }
    Ok(())
}

/// Deletes the paths `args` name (`nix-store --delete`, `ferrix store delete`).
pub fn delete(store: &LocalStore, args: &[String], ignore_liveness: bool) -> CliResult {
    let paths = args.iter().map(|a| resolve(store, a)).collect::<CliResult<Vec<_>>>()?;
    eprintln!("finding garbage collector roots...");
    match store.delete_paths_logged(&paths, ignore_liveness, &mut print_message) {
        Ok(result) => {
            print_freed(result.paths.len(), result.bytes_freed);
            Ok(())
        }
        Err(e @ local::StoreError::StillAlive(_)) => {
            print_freed(0, 0);
            Err(e.into())
        }
        Err(e) => Err(e.into()),
    }
}

/// Hard-links identical files (`nix-store --optimise`, `ferrix store optimise`).
pub fn optimise(store: &LocalStore) -> CliResult {
    let stats = store.optimise()?;
    for warning in &stats.warnings {
        eprintln!("warning: {warning}");
    }
    eprintln!(
        "{} freed by hard-linking {} files",
        render_size(signed(stats.bytes_saved)),
        stats.files_linked
    );
    Ok(())
}

/// A `--max-freed` size: an integer with an optional K, M, G or T suffix (powers of
/// 1024, either case); a negative size frees nothing. Errors are worded as the
/// reference's.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let (digits, unit) = match s.chars().last() {
        Some(c) if c.is_ascii_alphabetic() => {
            let power = match c.to_ascii_uppercase() {
                'K' => 1,
                'M' => 2,
                'G' => 3,
                'T' => 4,
                other => return Err(format!("invalid unit specifier '{other}'")),
            };
            (&s[..s.len() - 1], 1u64 << (10 * power))
        }
        _ => (s, 1),
    };
    let n: i64 = digits.parse().map_err(|_| format!("'{s}' is not an integer"))?;
    Ok(u64::try_from(n).unwrap_or(0).saturating_mul(unit))
}

fn print_message(message: String) {
    eprintln!("{message}");
}

fn print_freed(paths: usize, bytes: u64) {
    println!("{paths} store paths deleted, {} freed", render_size(signed(bytes)));
}

fn signed(bytes: u64) -> i64 {
    i64::try_from(bytes).unwrap_or(i64::MAX)
}
