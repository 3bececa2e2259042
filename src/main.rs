//! The `ferrix` binary: picks a personality from the name it was invoked by, parses the
//! command line, and hands the work to the crates.

mod alloc;
mod cli;
mod compat;
mod error;
mod eval_cmd;
mod hash_cmd;
mod hashing;
mod store_cmd;
mod store_ops;

use clap::Parser;
use cli::{Cli, Command};
use error::CliResult;
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: alloc::MiMalloc = alloc::MiMalloc;

fn main() -> ExitCode {
    let mut argv = std::env::args();
    let argv0 = argv.next().unwrap_or_default();
    let personality = std::path::Path::new(&argv0).file_name().and_then(|n| n.to_str()).unwrap_or("ferrix");
    let result = match personality {
        "nix-store" => compat::nix_store::run(argv.collect(), None),
        "nix-hash" => compat::nix_hash::run(argv.collect()),
        "nix-instantiate" => compat::nix_instantiate::run(argv.collect(), None),
        _ => run(Cli::parse()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if !e.message.is_empty() {
                eprintln!("{e}");
            }
            ExitCode::from(e.code)
        }
    }
}

fn run(cli: Cli) -> CliResult {
    match cli.command {
        Command::Hash(cmd) => hash_cmd::run(cmd),
        Command::NixStore { args } => compat::nix_store::run(args, cli.store),
        Command::NixHash { args } => compat::nix_hash::run(args),
        Command::NixInstantiate { args } => compat::nix_instantiate::run(args, cli.store),
        Command::Eval(args) => eval_cmd::run(args.into_request()),
        Command::Instantiate(args) => eval_cmd::run(args.into_request(cli.store)),
        Command::Store(cmd) => store_cmd::run(cli.store.as_deref(), cmd),
        Command::Derivation(cmd) => store_cmd::run_derivation(cli.store.as_deref(), cmd),
    }
}
