//! `nix-instantiate` with the reference's flags. Evaluation (`--eval`) is supported;
//! writing derivations is not yet, and is refused with a clear error.

use super::args::Args;
use crate::error::{CliError, CliResult};
use crate::eval_cmd::{self, EvalRequest, Input};
use ferrix_eval::Output;
use std::path::PathBuf;

const UNSUPPORTED: &[&str] = &[
    "--json",
    "--xml",
    "--parse",
    "-A",
    "--attr",
    "--arg",
    "--argstr",
    "-I",
    "--add-root",
    "--read-write-mode",
];

pub fn run(raw: Vec<String>) -> CliResult {
    let mut args = Args::new("nix-instantiate", raw);
    let mut eval = false;
    let mut strict = false;
    let mut expr = None;
    let mut files = Vec::new();
    let mut max_call_depth = None;
    let mut show_trace = false;
    let mut raw_out = false;
    while let Some(a) = args.next_arg() {
        match a.as_str() {
            "--eval" | "--eval-only" => eval = true,
            "--strict" => strict = true,
            "--raw" => raw_out = true,
            "--show-trace" => show_trace = true,
            "-E" | "--expr" => expr = Some(args.value(&a)?),
            "--max-call-depth" => {
                let v = args.value(&a)?;
                max_call_depth = Some(v.parse().map_err(|_| args.usage(format!("invalid number '{v}'")))?);
            }
            "--no-location" | "--quiet" => {}
            s if UNSUPPORTED.contains(&s) => {
                return Err(CliError::usage(
                    "nix-instantiate",
                    format!("'{s}' is not supported by Ferrix yet"),
                ));
            }
            s if s.starts_with('-') && s != "-" => return Err(args.unrecognised(s)),
            _ => files.push(a),
        }
    }
    if !eval {
        return Err(CliError::usage(
            "nix-instantiate",
            "instantiating derivations is not supported by Ferrix yet; use '--eval'",
        ));
    }
    let input = match (expr, files.as_slice()) {
        (Some(e), []) => Input::Expr(e),
        (None, [f]) if f == "-" => Input::Stdin,
        (None, [f]) => Input::File(PathBuf::from(f)),
        (None, []) => Input::File(PathBuf::from("default.nix")),
        _ => return Err(args.usage("expected one expression: '-E EXPR', a file, or '-'")),
    };
    let output = if raw_out {
        Output::Raw
    } else if strict {
        Output::Strict
    } else {
        Output::Lazy
    };
    eval_cmd::run(EvalRequest { input, output, max_call_depth, show_trace })
}
