//! The build flags `nix-build` and `nix-store --realise` share: `-j`/`--max-jobs`,
//! `--cores`, `--timeout`, `--max-silent-time`, `-k`/`--keep-going`,
//! `-Q`/`--no-build-output`, `-v`/`--verbose` and `--quiet`, and `--option NAME VALUE`
//! for the build settings.

use super::args::Args;
use crate::build_cmd;
use crate::error::CliResult;
use ferrix_builder::BuildOptions;

/// Applies `flag` (with its values from `args`) to `options` if it is a build flag;
/// `false` otherwise.
pub fn flag(args: &mut Args, flag: &str, options: &mut BuildOptions) -> CliResult<bool> {
    let setting = match flag {
        "-j" | "--max-jobs" => "max-jobs",
        "--cores" => "cores",
        "--timeout" => "timeout",
        "--max-silent-time" => "max-silent-time",
        "-k" | "--keep-going" => {
            options.keep_going = true;
            return Ok(true);
        }
        "-Q" | "--no-build-output" => {
            options.print_build_logs = false;
            return Ok(true);
        }
        "-v" | "--verbose" => {
            options.verbosity = options.verbosity.saturating_add(1);
            return Ok(true);
        }
        "--quiet" => {
            options.verbosity = options.verbosity.saturating_sub(1);
            return Ok(true);
        }
        "--option" => {
            let (name, value) = (args.value(flag)?, args.value(flag)?);
            option(args, options, &name, &value)?;
            return Ok(true);
        }
        _ => return Ok(false),
    };
    let value = args.value(flag)?;
    build_cmd::apply_setting(options, setting, &value).map_err(|e| args.usage(e))?;
    Ok(true)
}

/// Applies build setting `name`; a usage error when it is not one.
pub fn option(args: &Args, options: &mut BuildOptions, name: &str, value: &str) -> CliResult<()> {
    if build_cmd::apply_setting(options, name, value).map_err(|e| args.usage(e))? {
        Ok(())
    } else {
        Err(args.usage(format!("option '{name}' is not supported by Ferrix yet")))
    }
}
