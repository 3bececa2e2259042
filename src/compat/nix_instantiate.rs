//! `nix-instantiate` with the reference's flags: instantiation (writing the `.drv`
//! files of the derivations an expression holds and printing their paths), `--eval`
//! (read-only unless `--read-write-mode`) and `--parse`.

use super::args::Args;
use super::expr_flags::ExprChoice;
use crate::error::CliResult;
use crate::eval_cmd::{self, EvalRequest, Input};
use ferrix_eval::Output;
use std::path::PathBuf;

/// Runs with the arguments after the program name; `store` is the store root given
/// before them (`ferrix --store DIR nix-instantiate ...`, where clap takes `--store`
/// wherever it is), if any.
pub fn run(raw: Vec<String>, store: Option<PathBuf>) -> CliResult {
    let mut args = Args::new("nix-instantiate", raw);
    let (mut eval, mut read_write, mut dry_run) = (false, false, false);
    let (mut strict, mut json, mut xml, mut raw_out) = (false, false, false, false);
    let mut choice = ExprChoice::default();
    let mut req = EvalRequest::new(Input::Stdin, Output::Nix);
    req.store_root = store;
    while let Some(a) = args.next_arg() {
        if choice.flag(&mut args, &a, &mut req)? {
            continue;
        }
        match a.as_str() {
            "--eval" | "--eval-only" => eval = true,
            "--read-write-mode" => read_write = true,
            "--dry-run" => dry_run = true,
            "--add-root" => req.add_root = Some(PathBuf::from(args.value(&a)?)),
            // Roots are always indirect.
            "--indirect" => {}
            "--strict" => strict = true,
            "--parse" => req.parse_only = true,
            "--json" => json = true,
            "--xml" => xml = true,
            "--raw" => raw_out = true,
            "--abort-on-warn" => req.abort_on_warn = true,
            "--trace-verbose" => req.trace_verbose = true,
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
                        super::build_flags::option(&args, options, &name, &value)?;
                    }
                }
            }
            "--no-location" | "--quiet" | "-v" | "--verbose" => {}
            s => return Err(args.unrecognised(s)),
        }
    }
    // As the reference: evaluation is read-only unless asked; instantiation writes
    // unless it is a dry run.
    req.instantiate = !eval && !req.parse_only;
    req.read_write = if req.instantiate { !dry_run } else { read_write };
    req.input = choice.input(&args)?;
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
    match crate::settings::boolean(name, value) {
        Ok(value) => Some(value),
        Err(_) => {
            eprintln!("warning: Boolean setting '{name}' has invalid value '{value}'");
            None
        }
    }
}
