//! `ferrix eval`, `ferrix instantiate` and the `nix-instantiate` personality: read the
//! expression (`-E`, a file, or standard input), evaluate it, and print it, or the
//! `.drv` paths of the derivations it holds, or its error.

use crate::error::{CliError, CliResult};
use ferrix_eval::source::Origin;
use ferrix_eval::{AutoArg, Evaluator, Options, Output, Request};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where the expression comes from.
pub enum Input {
    Expr(String),
    File(PathBuf),
    Stdin,
}

/// What to evaluate and how to print it.
pub struct EvalRequest {
    pub input: Input,
    pub output: Output,
    /// `--strict`: force the whole value before printing it.
    pub strict: bool,
    /// `-A` paths, each selected from the value in turn (none: the value itself).
    pub attr_paths: Vec<String>,
    pub auto_args: Vec<(String, AutoArg)>,
    /// `-I` entries, searched before `$NIX_PATH`.
    pub include: Vec<String>,
    pub max_call_depth: Option<usize>,
    pub system: Option<String>,
    /// `--abort-on-warn`: `builtins.warn` is an error.
    pub abort_on_warn: bool,
    /// `--trace-verbose`: `builtins.traceVerbose` traces.
    pub trace_verbose: bool,
    pub show_trace: bool,
    /// Print the parsed expression (`--parse`) instead of evaluating it.
    pub parse_only: bool,
    /// Print the `.drv` paths of the derivations in the value instead of the value.
    pub instantiate: bool,
    /// Write to the store what evaluation adds to it (else only compute paths).
    pub read_write: bool,
    /// Physical root of the store (`--store`).
    pub store_root: Option<PathBuf>,
    /// `--add-root`: make this a GC root for each `.drv` printed (numbered after the first).
    pub add_root: Option<PathBuf>,
    /// How read-write evaluation builds what it imports from derivations (default
    /// settings when not given).
    pub build_options: Option<ferrix_builder::BuildOptions>,
}

impl EvalRequest {
    pub fn new(input: Input, output: Output) -> EvalRequest {
        EvalRequest {
            input,
            output,
            strict: false,
            attr_paths: Vec::new(),
            auto_args: Vec::new(),
            include: Vec::new(),
            max_call_depth: None,
            system: None,
            abort_on_warn: false,
            trace_verbose: false,
            show_trace: false,
            parse_only: false,
            instantiate: false,
            read_write: false,
            store_root: None,
            add_root: None,
            build_options: None,
        }
    }
}

/// The process's peak resident set size (Linux `VmHWM`), for `FERRIX_SHOW_STATS`.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The evaluator and request for `req`. (The evaluator is never dropped: the process
/// ends after it, and freeing the evaluation's heap would only cost time.)
fn start(req: &mut EvalRequest) -> CliResult<(std::mem::ManuallyDrop<Evaluator>, Request)> {
    let cwd = std::env::current_dir()?;
    let input = std::mem::replace(&mut req.input, Input::Stdin);
    let (origin, text, base) = match input {
        Input::Expr(e) => (Origin::String, e, cwd),
        Input::Stdin => {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)?;
            (Origin::Stdin, text, cwd)
        }
        Input::File(f) => {
            let path = std::path::absolute(&f)?;
            let path = if path.is_dir() { path.join("default.nix") } else { path };
            let bytes = std::fs::read(&path)
                .map_err(|e| CliError::failure(format!("cannot read '{}': {e}", path.display())))?;
            let base = path.parent().map(Path::to_owned).unwrap_or(cwd);
            (Origin::File(path), String::from_utf8_lossy(&bytes).into_owned(), base)
        }
    };
    let mut evaluator = std::mem::ManuallyDrop::new(Evaluator::new(options(req)));
    install_realiser(&mut evaluator, req)?;
    let request = Request {
        origin,
        text,
        base_dir: base,
        attr_paths: std::mem::take(&mut req.attr_paths),
        auto_args: std::mem::take(&mut req.auto_args),
        output: req.output,
        strict: req.strict,
    };
    Ok((evaluator, request))
}

/// The evaluator's settings asked for by `req`.
pub fn options(req: &mut EvalRequest) -> Options {
    let mut options = Options::default();
    if let Some(d) = req.max_call_depth {
        options.max_call_depth = d;
    }
    if let Some(s) = req.system.take() {
        options.system = s;
    }
    options.abort_on_warn = req.abort_on_warn;
    options.trace_verbose = req.trace_verbose;
    options.read_write = req.read_write;
    options.store_root = req.store_root.clone();
    let env_path = std::env::var("NIX_PATH").unwrap_or_default();
    let entries = req.include.iter().map(String::as_str).chain(env_path.split(':'));
    options.nix_path = ferrix_eval::parse_search_path(entries);
    options
}

/// In read-write mode, lets the evaluator build what it imports from derivations.
pub fn install_realiser(evaluator: &mut Evaluator, req: &mut EvalRequest) -> CliResult {
    if req.read_write {
        let root = crate::store_ops::root(req.store_root.as_deref())?;
        let build = match req.build_options.take() {
            Some(options) => options,
            None => crate::build_cmd::default_options()?,
        };
        evaluator.set_realiser(Box::new(move |drv| {
            ferrix_builder::realise(&root, std::slice::from_ref(drv), &build)
                .map(drop)
                .map_err(|e| e.to_string())
        }));
    }
    Ok(())
}

/// Prints evaluation error `e` on standard error as Ferrix shows errors (its source
/// line; the trace with `show_trace`; coloured as `--color` says).
pub fn print_error(evaluator: &Evaluator, e: &ferrix_eval::EvalError, show_trace: bool) {
    eprint!("{}", crate::output::paint_messages(&evaluator.render_error(e, show_trace)));
}

/// Instantiates for a build: the derivations found (written to the store), or the
/// evaluation error rendered on standard error.
pub fn instantiate(mut req: EvalRequest) -> CliResult<Vec<ferrix_eval::Instance>> {
    let (mut evaluator, request) = start(&mut req)?;
    evaluator.instantiate(request).map_err(|e| {
        print_error(&evaluator, &e, req.show_trace);
        CliError::silent(1)
    })
}

/// Evaluates and prints (each `-A` path's value on a line of its own); an evaluation
/// error is rendered with its source line.
pub fn run(mut req: EvalRequest) -> CliResult {
    let (mut evaluator, request) = start(&mut req)?;
    let failed = |evaluator: &Evaluator, e: ferrix_eval::EvalError| {
        print_error(evaluator, &e, req.show_trace);
        CliError::silent(1)
    };
    if req.instantiate {
        return evaluator
            .instantiate(request)
            .and_then(|found| print_instances(&mut evaluator, &found, req.add_root.as_deref()))
            .map_err(|e| failed(&evaluator, e));
    }
    let mut write_error = None;
    let mut print = |mut bytes: Vec<u8>| {
        // An XML document ends with its own newline; raw output has none.
        if matches!(req.output, Output::Nix | Output::Json) {
            bytes.push(b'\n');
        }
        if let Err(e) = std::io::Write::write_all(&mut std::io::stdout().lock(), &bytes) {
            write_error.get_or_insert(e);
        }
    };
    let result = if req.parse_only {
        evaluator.parse_only(request.origin, request.text, &request.base_dir).map(|t| print(t.into_bytes()))
    } else {
        evaluator.eval(request, &mut print)
    };
    if std::env::var_os("FERRIX_SHOW_STATS").is_some() {
        eprintln!("{}", serde_json::json!({ "peakRssKiB": peak_rss_kib() }));
    }
    result.map_err(|e| failed(&evaluator, e))?;
    write_error.map_or(Ok(()), |e| Err(e.into()))
}

/// Prints each derivation found as `nix-instantiate` does: its `.drv` path (or the GC
/// root made for it), with `!OUTPUT` when it stands for an output other than `out`.
fn print_instances(
    evaluator: &mut Evaluator,
    found: &[ferrix_eval::Instance],
    add_root: Option<&Path>,
) -> Result<(), ferrix_eval::EvalError> {
    if add_root.is_none() && !found.is_empty() {
        eprintln!(
            "warning: you did not specify '--add-root'; the result might be removed by the garbage collector"
        );
    }
    let mut out = std::io::stdout().lock();
    for (i, found) in found.iter().enumerate() {
        let shown = match add_root {
            Some(root) => {
                let mut link = root.as_os_str().to_owned();
                if i > 0 {
                    link.push(format!("-{}", i + 1));
                }
                evaluator.add_root(&found.drv_path, Path::new(&link))?.display().to_string()
            }
            None => found.drv_path.clone(),
        };
        let suffix = if found.output == "out" { String::new() } else { format!("!{}", found.output) };
        let _ = writeln!(out, "{shown}{suffix}");
    }
    Ok(())
}
