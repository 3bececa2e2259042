//! `nix-build` with the reference's flags: instantiate a file or `-E` expression (with
//! `-A`, `--arg`, `--argstr`, `-I`), build what it holds, link `result` (or `-o LINK`,
//! none with `--no-out-link`) and print the output paths; the build settings as flags
//! (`-j`, `--cores`, `-k`, `--timeout`, `--max-silent-time`, `-Q`) or `--option`.

use super::args::Args;
use super::build_flags;
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
        // (`--option system` is evaluation's.)
        if a != "--option" && build_flags::flag(&mut args, &a, &mut options)? {
            continue;
        }
        match a.as_str() {
            "-o" | "--out-link" => out_link = Some(PathBuf::from(args.value(&a)?)),
            "--no-out-link" => out_link = None,
            "--dry-run" => dry_run = true,
            "--option" => {
                let (name, value) = (args.value(&a)?, args.value(&a)?);
                if name == "system" {
                    eval.system = Some(value);
                } else {
                    build_flags::option(&args, &mut options, &name, &value)?;
                }
            }
            "--no-location" => {}
            s => return Err(args.unrecognised(s)),
        }
    }
    eval.input = choice.input(&args)?;
    build_cmd::build(BuildRequest { eval, out_link, options, dry_run })
}
