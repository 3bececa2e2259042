//! `nix-instantiate` with the reference's flags: instantiation (writing the `.drv`
//! files of the derivations an expression holds and printing their paths), `--eval`
//! (read-only unless `--read-write-mode`) and `--parse`.

use super::args::Args;
use crate::error::CliResult;
use crate::eval_cmd::{self, EvalRequest, Input};
use ferrix_eval::{AutoArg, Output};
use std::path::PathBuf;

/// Runs with the arguments after the program name; `store` is the store root given
/// before them (`ferrix --store DIR nix-instantiate ...`, where clap takes `--store`
/// wherever it is), if any.
pub fn run(raw: Vec<String>, store: Option<PathBuf>) -> CliResult {
    let mut args = Args::new("nix-instantiate", raw);
    let (mut eval, mut read_write, mut dry_run) = (false, false, false);
    let (mut strict, mut json, mut xml, mut raw_out) = (false, false, false, false);
    let mut expr = None;
    let mut files = Vec::new();
    let mut req = EvalRequest::new(Input::Stdin, Output::Nix);
    req.store_root = store;
    while let Some(a) = args.next_arg() {
        match a.as_str() {
            "--eval" | "--eval-only" => eval = true,
            "--read-write-mode" => read_write = true,
            "--dry-run" => dry_run = true,
            "--add-root" => req.add_root = Some(PathBuf::from(args.value(&a)?)),
            // Roots are always indirect.
            "--indirect" => {}
            "--store" => req.store_root = Some(PathBuf::from(args.value(&a)?)),
            "--strict" => strict = true,
            "--parse" => req.parse_only = true,
            "--json" => json = true,
            "--xml" => xml = true,
            "--raw" => raw_out = true,
            "--show-trace" => req.show_trace = true,
            "--abort-on-warn" => req.abort_on_warn = true,
            "--trace-verbose" => req.trace_verbose = true,
            "-E" | "--expr" => expr = Some(args.value(&a)?),
            "-A" | "--attr" => req.attr_path = Some(args.value(&a)?),
            "--arg" => {
                let name = args.value(&a)?;
                req.auto_args.push((name, AutoArg::Expr(args.value(&a)?)));
            }
            "--argstr" => {
                let name = args.value(&a)?;
                req.auto_args.push((name, AutoArg::Str(args.value(&a)?)));
            }
            "-I" | "--include" => req.include.push(args.value(&a)?),
            "--max-call-depth" => {
                let v = args.value(&a)?;
                req.max_call_depth =
                    Some(v.parse().map_err(|_| args.usage(format!("invalid number '{v}'")))?);
            }
            "--option" => {
                let (name, value) = (args.value(&a)?, args.value(&a)?);
                match name.as_str() {
                    "system" => req.system = Some(value),
                    "abort-on-warn" => {
                        req.abort_on_warn = bool_setting(&name, &value).unwrap_or(req.abort_on_warn)
                    }
                    "trace-verbose" => {
                        req.trace_verbose = bool_setting(&name, &value).unwrap_or(req.trace_verbose)
                    }
                    "max-call-depth" => {
                        req.max_call_depth =
                            Some(value.parse().map_err(|_| args.usage(format!("invalid number '{value}'")))?)
                    }
                    _ => {
                        // Build settings, for what evaluation imports from derivations.
                        let options = match &mut req.build_options {
                            Some(options) => options,
                            None => req.build_options.insert(crate::build_cmd::default_options()?),
                        };
                        if !crate::build_cmd::apply_setting(options, &name, &value)
                            .map_err(|e| args.usage(e))?
                        {
                            return Err(args.usage(format!("option '{name}' is not supported by Ferrix yet")));
                        }
                    }
                }
            }
            "--no-location" | "--quiet" => {}
            s if s.starts_with('-') && s != "-" => return Err(args.unrecognised(s)),
            _ => files.push(a),
        }
    }
    // As the reference: evaluation is read-only unless asked; instantiation writes
    // unless it is a dry run.
    req.instantiate = !eval && !req.parse_only;
    req.read_write = if req.instantiate { !dry_run } else { read_write };
    req.input = match (expr, files.as_slice()) {
        (Some(e), []) => Input::Expr(e),
        (None, [f]) if f == "-" => Input::Stdin,
        (None, [f]) => Input::File(PathBuf::from(f)),
        (None, []) => Input::File(PathBuf::from("default.nix")),
        _ => return Err(args.usage("expected one expression: '-E EXPR', a file, or '-'")),
    };
    req.output = match (json, xml, raw_out) {
        (true, ..) => Output::Json,
        (_, true, _) => Output::Xml,
        (.., true) => Output::Raw,
        _ => Output::Nix,
    };
    req.strict = strict;
    eval_cmd::run(req)
}

/// A Boolean setting's value as the reference reads it; an invalid one is ignored with
/// a warning, as the reference does.
fn bool_setting(name: &str, value: &str) -> Option<bool> {
    match value {
        "true" | "yes" | "1" => Some(true),
        "false" | "no" | "0" => Some(false),
        _ => {
            eprintln!("warning: Boolean setting '{name}' has invalid value '{value}'");
            None
        }
    }
}
