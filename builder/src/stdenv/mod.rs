//! The standard library's generic builder, in Rust: what `stdenv.mkDerivation`'s
//! derivations run (their builder is [`BUILDER`], which the sandbox helper runs in its
//! own process after entering the sandbox instead of executing a program). It drives
//! one bash process (`shell.rs`), so that variables set by the user's hooks carry from
//! phase to phase, and decides the phases itself (`phases.rs`): the user's own phase
//! text and hooks run in bash, the defaults are built here; some commands the shell
//! calls are Rust too (`commands.rs`: `lndir`; `buildenv.rs`: `buildEnv`'s merge;
//! `closure_info.rs`: `closureInfo`'s files).
//!
//! So far: `buildCommand`, the phase list with `phases`, `prePhases`/`postPhases`, the
//! `dont*`/`do*` flags, user phase overrides and `pre*`/`post*` hooks, and the default
//! unpack, patch, configure, build, check, install and installCheck phases; the
//! inputs' environment and the compiler wrapper (`inputs.rs`); multiple outputs
//! (`outputs.rs`: the output variables, `setOutputFlags`, `moveToOutput`, fixup's moves
//! and propagation); fixup also strips (`strip -S`, host binutils) and patches
//! shebangs (`shebangs.rs`). Derivations with structured attributes (`.attrs.sh`)
//! build as nixpkgs' do (see `shell.rs`).

mod buildenv;
mod closure_info;
mod commands;
mod inputs;
mod outputs;
mod phases;
mod rpath;
mod shebangs;
mod shell;

/// The builder of the standard library's derivations.
pub const BUILDER: &str = "builtin:ferrix-stdenv";

/// Runs the generic builder in this process, whose environment and working directory
/// are the build's; gives the exit status.
pub fn run() -> i32 {
    match phases::generic_build() {
        Ok(()) => 0,
        Err(failure) => {
            eprintln!("{}", failure.message);
            failure.status
        }
    }
}

/// Why the build failed, and the exit status for it.
pub(crate) struct BuildFailure {
    pub message: String,
    pub status: i32,
}

impl BuildFailure {
    pub(crate) fn new(message: impl Into<String>) -> BuildFailure {
        BuildFailure { message: message.into(), status: 1 }
    }
}
