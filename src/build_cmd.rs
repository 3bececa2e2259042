//! Building: `ferrix build` and `nix-build` (instantiate, realise, make `result`
//! links, print the output paths), `ferrix store realise` and `nix-store --realise`
//! (realise `.drv` paths), and the build logs (`ferrix log`, `nix-store --read-log`);
//! also the build settings they share (`-j`, `--cores`, `--option NAME VALUE`, ...).

use crate::error::{CliError, CliResult};
use crate::eval_cmd::{self, EvalRequest};
use crate::store_ops::{self, root};
use ferrix_builder::{BuildError, BuildOptions, HostPath, realise};
use ferrix_store::StorePath;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Build options with the reference's defaults and the configuration file's
/// settings, this binary as the sandbox helper.
pub fn default_options() -> CliResult<BuildOptions> {
    let mut options = BuildOptions::new(std::env::current_exe()?);
    crate::settings::apply_build(&mut options)?;
    options.verbosity = crate::output::verbosity();
    Ok(options)
}

/// Applies a setting (`--option NAME VALUE`, or the flag of the same name); `false`
/// when it is not a build setting.
pub fn apply_setting(options: &mut BuildOptions, name: &str, value: &str) -> Result<bool, String> {
    let number = || value.parse::<u64>().map_err(|_| format!("invalid value '{value}' for setting '{name}'"));
    let boolean = || crate::settings::boolean(name, value);
    match name {
        "max-jobs" => {
            options.max_jobs = if value == "auto" {
                std::thread::available_parallelism().map_or(1, |n| n.get())
            } else {
                number()? as usize
            }
        }
        "cores" => options.cores = number()? as usize,
        "keep-going" => options.keep_going = boolean()?,
        "sandbox" => options.sandbox = value == "relaxed" || boolean()?,
        "sandbox-paths" | "extra-sandbox-paths" => {
            if name == "sandbox-paths" {
                options.sandbox_paths.clear();
            }
            for entry in value.split_whitespace() {
                let (entry, optional) = match entry.strip_suffix('?') {
                    Some(e) => (e, true),
                    None => (entry, false),
                };
                let (inside, host) = entry.split_once('=').unwrap_or((entry, entry));
                options.sandbox_paths.push(HostPath {
                    inside: inside.to_owned(),
                    host: PathBuf::from(host),
                    optional,
                });
            }
        }
        "allowed-impure-host-deps" | "extra-allowed-impure-host-deps" => {
            if name == "allowed-impure-host-deps" {
                options.allowed_impure_host_deps.clear();
            }
            options.allowed_impure_host_deps.extend(value.split_whitespace().map(PathBuf::from));
        }
        "timeout" => options.timeout = Some(number()?).filter(|&n| n > 0).map(Duration::from_secs),
        "max-silent-time" => {
            options.max_silent_time = Some(number()?).filter(|&n| n > 0).map(Duration::from_secs)
        }
        "log-lines" => options.log_lines = number()? as usize,
        "print-build-logs" => options.print_build_logs = boolean()?,
        "auto-optimise-store" => options.auto_optimise = boolean()?,
        _ => return Ok(false),
    }
    Ok(true)
}

fn build_error(e: BuildError) -> CliError {
    match e {
        BuildError::Failed { status, .. } => CliError::silent(status),
        other => CliError { message: other.to_string(), code: other.exit_status(), help_hint: None },
    }
}

/// What `ferrix build` and `nix-build` do.
pub struct BuildRequest {
    pub eval: EvalRequest,
    /// The `result` link's name; `None`: no link (`--no-out-link`).
    pub out_link: Option<PathBuf>,
    pub options: BuildOptions,
    /// Only show what would be built.
    pub dry_run: bool,
}

/// Instantiates, builds, links and prints, as `nix-build`.
pub fn build(req: BuildRequest) -> CliResult {
    let store_root = root(req.eval.store_root.as_deref())?;
    let mut eval = req.eval;
    eval.store_root = Some(store_root.clone());
    eval.instantiate = true;
    eval.read_write = true;
    eval.build_options = Some(req.options.clone());
    let found = eval_cmd::instantiate(eval)?;
    let mut drvs: Vec<StorePath> = Vec::new();
    for instance in &found {
        let drv = StorePath::parse(&instance.drv_path)?;
        if !drvs.contains(&drv) {
            drvs.push(drv);
        }
    }
    if req.dry_run {
        let missing = ferrix_builder::missing(&store_root, &drvs).map_err(build_error)?;
        match missing.len() {
            0 => {}
            1 => eprintln!("this derivation will be built:"),
            n => eprintln!("these {n} derivations will be built:"),
        }
        for drv in missing {
            eprintln!("  {}", drv.to_absolute());
        }
        return Ok(());
    }
    let realised = realise(&store_root, &drvs, &req.options).map_err(build_error)?;
    let outputs: BTreeMap<StorePath, BTreeMap<String, StorePath>> = realised.outputs.into_iter().collect();
    let store = store_ops::open(Some(&store_root))?;
    for instance in &found {
        let drv = StorePath::parse(&instance.drv_path)?;
        // Links are numbered by derivation, in the order they first appear.
        let i = drvs.iter().position(|d| *d == drv).unwrap_or_default();
        let Some(path) = outputs.get(&drv).and_then(|o| o.get(&instance.output)) else {
            return Err(CliError::failure(format!(
                "derivation '{}' has no output '{}'",
                instance.drv_path, instance.output
            )));
        };
        if let Some(link) = &req.out_link {
            store
                .add_perm_root(path, &numbered_link(link, i, &instance.output))
                .map_err(CliError::failure)?;
        }
        println!("{}", path.to_absolute());
    }
    Ok(())
}

/// The name of the root for output `output` of the `i`th derivation (from 0): `link`,
/// then `link-2`, ..., with `-OUTPUT` for an output other than `out`, as the reference.
fn numbered_link(link: &Path, i: usize, output: &str) -> PathBuf {
    let mut name = link.as_os_str().to_owned();
    if i > 0 {
        name.push(format!("-{}", i + 1));
    }
    if output != "out" {
        name.push(format!("-{output}"));
    }
    PathBuf::from(name)
}

/// Realises store paths (`DRV` or `DRV!OUTPUT,...` builds; a valid path is itself) and
/// prints the output paths, as `nix-store --realise`; with `add_root`, makes each a
/// root and prints the roots instead.
pub fn realise_paths(
    store_root: Option<&Path>,
    paths: &[String],
    options: &BuildOptions,
    add_root: Option<&Path>,
) -> CliResult {
    let store_root = root(store_root)?;
    let store = store_ops::open(Some(&store_root))?;
    let mut wanted: Vec<(StorePath, Option<Vec<String>>)> = Vec::new();
    let mut missing = Vec::new();
    for arg in paths {
        let (path, outputs) = match arg.split_once('!') {
            Some((p, o)) => (p, Some(o.split(',').map(str::to_owned).collect())),
            None => (arg.as_str(), None),
        };
        let path = store_ops::resolve(&store, path)?;
        if path.is_derivation() {
            wanted.push((path, outputs));
        } else if store.is_valid(&path).map_err(CliError::failure)? {
            println!("{}", path.to_absolute());
        } else {
            missing.push(path);
        }
    }
    if !missing.is_empty() {
        let list: Vec<String> = missing.iter().map(|p| format!("\n  {}", p.to_absolute())).collect();
        return Err(CliError::failure(format!("don't know how to build these paths:{}", list.concat())));
    }
    let drvs: Vec<StorePath> = wanted.iter().map(|(d, _)| d.clone()).collect();
    let realised = realise(&store_root, &drvs, options).map_err(build_error)?;
    for ((drv, names), (_, outputs)) in wanted.iter().zip(&realised.outputs) {
        if let Some(name) = names.iter().flatten().find(|n| !outputs.contains_key(*n)) {
            return Err(CliError::failure(format!(
                "derivation '{}' does not have an output named '{name}'",
                drv.to_absolute()
            )));
        }
    }
    for (i, ((_, names), (_, outputs))) in wanted.iter().zip(realised.outputs).enumerate() {
        for (name, path) in outputs {
            if names.as_ref().is_none_or(|n| n.contains(&name)) {
                match add_root {
                    Some(link) => {
                        let root = store.add_perm_root(&path, &numbered_link(link, i, &name));
                        println!("{}", root.map_err(CliError::failure)?.display());
                    }
                    None => println!("{}", path.to_absolute()),
                }
            }
        }
    }
    Ok(())
}

/// Prints the build log of a derivation, or of the derivation that built a path.
pub fn show_log(store_root: Option<&Path>, path: &str) -> CliResult {
    let store = store_ops::open(store_root)?;
    let path = store_ops::resolve(&store, path)?;
    let drv = if path.is_derivation() {
        Some(path.clone())
    } else {
        store.query_path_info(&path).map_err(CliError::failure)?.and_then(|info| info.deriver)
    };
    match drv.and_then(|d| ferrix_builder::read_log(&store, &d)) {
        Some(log) => {
            std::io::Write::write_all(&mut std::io::stdout().lock(), &log)?;
            Ok(())
        }
        None => Err(CliError::failure(format!("build log of '{}' is not available", path.to_absolute()))),
    }
}
