//! The `ferrix` binary: picks a personality from the name it was invoked by, parses the
//! command line, and hands the work to the crates.

mod alloc;
mod build_cmd;
mod cli;
mod compat;
mod error;
mod eval_cmd;
mod hash_cmd;
mod hashing;
mod help;
mod output;
mod repl;
mod settings;
mod store_cmd;
mod store_ops;

use clap::FromArgMatches;
use cli::{Cli, Command};
use error::CliResult;
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: alloc::MiMalloc = alloc::MiMalloc;

fn main() -> ExitCode {
    let mut argv = std::env::args();
    let argv0 = argv.next().unwrap_or_default();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [command, spec] = args.as_slice()
        && command == ferrix_builder::sandbox::HELPER_COMMAND
    {
        return ExitCode::from(ferrix_builder::sandbox::helper_main(std::path::Path::new(spec)) as u8);
    }
    let personality = std::path::Path::new(&argv0).file_name().and_then(|n| n.to_str()).unwrap_or("ferrix");
    let result = match personality {
        "nix-store" => compat::nix_store::run(argv.collect(), None),
        "nix-hash" => compat::nix_hash::run(argv.collect()),
        "nix-instantiate" => compat::nix_instantiate::run(argv.collect(), None),
        "nix-build" => compat::nix_build::run(argv.collect(), None),
        "nix" => nix(argv.collect()),
        _ => run(parse(std::env::args())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if !e.message.is_empty() {
                eprintln!("{}", output::paint_messages(&e.to_string()));
            }
            ExitCode::from(e.code)
        }
    }
}

/// The command line `args` (with the program's name first), parsed with the grouped
/// help (clap exits on `--help` and on usage errors, with status 2).
fn parse(args: impl IntoIterator<Item = String>) -> Cli {
    let matches = help::command().get_matches_from(args);
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// The `nix` personality: only `nix repl` is Ferrix's (`ferrix repl`, same flags).
fn nix(args: Vec<String>) -> CliResult {
    match args.first().map(String::as_str) {
        Some("repl") => run(parse(std::iter::once("nix".to_owned()).chain(args))),
        _ => Err(error::CliError::usage("nix", "only 'nix repl' is supported")),
    }
}

fn run(cli: Cli) -> CliResult {
    output::configure(cli.color, cli.verbose, cli.quiet);
    match cli.command {
        Command::Hash(cmd) => hash_cmd::run(cmd),
        Command::NixStore { args } => compat::nix_store::run(args, cli.store),
        Command::NixHash { args } => compat::nix_hash::run(args),
        Command::NixInstantiate { args } => compat::nix_instantiate::run(args, cli.store),
        Command::Eval(args) => eval_cmd::run(args.into_request()),
        Command::Instantiate(args) => eval_cmd::run(args.into_request(cli.store)),
        Command::Build(args) => {
            let out_link = (!args.no_out_link).then_some(args.out_link);
            let dry_run = args.what.dry_run;
            let options = args.build.options()?;
            build_cmd::build(build_cmd::BuildRequest {
                eval: args.what.into_request(cli.store),
                out_link,
                options,
                dry_run,
            })
        }
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut help::command(), "ferrix", &mut script);
            std::io::Write::write_all(&mut std::io::stdout().lock(), &script)?;
            Ok(())
        }
        Command::Log { path } => build_cmd::show_log(cli.store.as_deref(), &path),
        Command::Repl(args) => repl::run(args, cli.store),
        Command::NixBuild { args } => compat::nix_build::run(args, cli.store),
        Command::Store(cmd) => store_cmd::run(cli.store.as_deref(), cmd),
        Command::Derivation(cmd) => store_cmd::run_derivation(cli.store.as_deref(), cmd),
    }
}
