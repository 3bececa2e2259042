//! `nix-build` with the reference's flags: instantiate a file or `-E` expression (with
//! `-A`, `--arg`, `--argstr`, `-I`), build what it holds, link `result` (or `-o LINK`,
//! none with `--no-out-link`) and print the output paths; the build settings as flags
//! (`-j`, `--cores`, `-k`, `--timeout`, `--max-silent-time`, `-Q`) or `--option`.

use super::args::Args;
use super::expr_flags::ExprChoice;
use crate::build_cmd::{self, BuildRequest};
use crate::error::CliResult;
use crate::eval_cmd::{EvalRequest, Input};
use ferrix_eval::Output;
use std::path::PathBuf;

/// Runs with the arguments after the program name; `store` as for `nix-instantiate`.
pub fn run(raw: Vec<String>, store: Option<PathBuf>) -> CliResult {
    let mut args = Args::new("nix-build", raw);
    let mut eval = EvalRequest::new(Input::Stdin, Output::Nix);
    eval.store_root = store;
    let mut options = build_cmd::default_options()?;
    let (mut out_link, mut dry_run) = (Some(PathBuf::from("result")), false);
    let mut choice = ExprChoice::default();
    while let Some(a) = args.next_arg() {
        if choice.flag(&mut args, &a, &mut eval)? {
            continue;
        }
        let setting = match a.as_str() {
            "-j" | "--max-jobs" => Some("max-jobs"),
            "--cores" => Some("cores"),
            "--timeout" => Some("timeout"),
            "--max-silent-time" => Some("max-silent-time"),
            _ => None,
        };
        if let Some(name) = setting {
            let value = args.value(&a)?;
            build_cmd::apply_setting(&mut options, name, &value).map_err(|e| args.usage(e))?;
            continue;
        }
        match a.as_str() {
            "-k" | "--keep-going" => options.keep_going = true,
            "-Q" | "--no-build-output" => options.print_build_logs = false,
            "-o" | "--out-link" => out_link = Some(PathBuf::from(args.value(&a)?)),
            "--no-out-link" => out_link = None,
            "--dry-run" => dry_run = true,
            "--option" => {
                let (name, value) = (args.value(&a)?, args.value(&a)?);
                if name == "system" {
                    eval.system = Some(value);
                } else if !build_cmd::apply_setting(&mut options, &name, &value).map_err(|e| args.usage(e))? {
                    return Err(args.usage(format!("option '{name}' is not supported by Ferrix yet")));
                }
            }
            "--quiet" | "--no-location" => {}
            s => return Err(args.unrecognised(s)),
        }
    }
    eval.input = choice.input(&args)?;
    build_cmd::build(BuildRequest { eval, out_link, options, dry_run })
}
