//! The flags `nix-instantiate` and `nix-build` share for choosing what to evaluate:
//! `-E`, `-A`, `--arg`, `--argstr`, `-I`, `--store`, `--show-trace`, and the file
//! operands.

use super::args::Args;
use crate::error::CliResult;
use crate::eval_cmd::{EvalRequest, Input};
use ferrix_eval::AutoArg;
use std::path::PathBuf;

/// The expression chosen so far: `-E`'s, and the operands.
#[derive(Default)]
pub struct ExprChoice {
    expr: Option<String>,
    files: Vec<String>,
}

impl ExprChoice {
    /// Applies `flag` (with its values from `args`) to `req` if it is one of the shared
    /// flags or an operand; `false` otherwise.
    pub fn flag(&mut self, args: &mut Args, flag: &str, req: &mut EvalRequest) -> CliResult<bool> {
        match flag {
            "-E" | "--expr" => self.expr = Some(args.value(flag)?),
            "-A" | "--attr" => req.attr_paths.push(args.value(flag)?),
            "--arg" => {
                let name = args.value(flag)?;
                req.auto_args.push((name, AutoArg::Expr(args.value(flag)?)));
            }
            "--argstr" => {
                let name = args.value(flag)?;
                req.auto_args.push((name, AutoArg::Str(args.value(flag)?)));
            }
            "-I" | "--include" => req.include.push(args.value(flag)?),
            "--store" => req.store_root = Some(PathBuf::from(args.value(flag)?)),
            "--show-trace" => req.show_trace = true,
            s if s.starts_with('-') && s != "-" => return Ok(false),
            _ => self.files.push(flag.to_owned()),
        }
        Ok(true)
    }

    /// The input: `-E`'s expression, the one file (`-` for standard input), or
    /// `default.nix`.
    pub fn input(self, args: &Args) -> CliResult<Input> {
        match (self.expr, self.files.as_slice()) {
            (Some(e), []) => Ok(Input::Expr(e)),
            (None, [f]) if f == "-" => Ok(Input::Stdin),
            (None, [f]) => Ok(Input::File(PathBuf::from(f))),
            (None, []) => Ok(Input::File(PathBuf::from("default.nix"))),
            _ => Err(args.usage("expected one expression: '-E EXPR', a file, or '-'")),
        }
    }
}
