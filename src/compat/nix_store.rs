//! `nix-store` with the reference's syntax: `--add`, `--add-fixed`, `--dump`, `--restore`,
//! `--verify`, `--query` (`--references`, `--referrers`, `--requisites`, `--deriver`,
//! `--hash`, `--size`), `--realise` (with the build flags), `--read-log`, `--gc`
//! (`--max-freed`, `--print-roots`, `--print-live`, `--print-dead`), `--delete`
//! (`--ignore-liveness`) and `--optimise`. Other operations and flags are refused with a
//! clear error.

use super::args::Args;
use super::build_flags;
use crate::build_cmd;
use crate::error::{CliError, CliResult};
use crate::hashing;
use crate::store_ops::{self, resolve, resolve_valid};
use ferrix_store::HashAlgo;
use ferrix_store::local::{GcAction, GcOptions};
use ferrix_store::store_path::FileIngestionMethod;
use std::path::{Path, PathBuf};

/// Top-level operations (one per invocation).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Add,
    AddFixed,
    Dump,
    Restore,
    Verify,
    Query,
    Realise,
    ReadLog,
    Gc,
    Delete,
    Optimise,
}

/// What `--query` asks for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Query {
    References,
    Referrers,
    Requisites,
    Deriver,
    Hash,
    Size,
}

/// Operations and query flags of the reference that Ferrix does not implement yet.
const UNSUPPORTED: &[&str] = &[
    "--serve",
    "--export",
    "--import",
    "--dump-db",
    "--load-db",
    "--print-env",
    "--repair-path",
    "--generate-binary-cache-key",
    "--outputs",
    "--tree",
    "--graph",
    "--xml",
    "--roots",
    "--binding",
    "-b",
    "--valid-derivers",
    "--referrers-closure",
    "--include-outputs",
    "--use-output",
    "-u",
    "--force-realise",
    "-f",
    "--repair",
];

/// Runs with the arguments after the program name; `store` is the store root given
/// before them (`ferrix --store DIR nix-store ...`, where clap takes `--store` wherever
/// it is), if any.
pub fn run(raw: Vec<String>, store: Option<PathBuf>) -> CliResult {
    let mut args = Args::new("nix-store", raw);
    let mut op = None;
    let mut query = None;
    let mut recursive = false;
    let mut check_contents = false;
    let mut gc = GcOptions::default();
    crate::settings::apply_gc(&mut gc)?;
    let mut ignore_liveness = false;
    let mut store_root = store;
    let mut build_options = build_cmd::default_options()?;
    let mut add_root = None;
    let mut operands = Vec::new();
    while let Some(a) = args.next_arg() {
        let new_op = match a.as_str() {
            "--add" => Some(Op::Add),
            "--add-fixed" => Some(Op::AddFixed),
            "--dump" => Some(Op::Dump),
            "--restore" => Some(Op::Restore),
            "--verify" => Some(Op::Verify),
            "--query" | "-q" => Some(Op::Query),
            "--realise" | "--realize" | "-r" => Some(Op::Realise),
            "--read-log" | "-l" => Some(Op::ReadLog),
            "--gc" => Some(Op::Gc),
            "--delete" => Some(Op::Delete),
            "--optimise" => Some(Op::Optimise),
            _ => None,
        };
        if let Some(o) = new_op {
            if op.is_some_and(|prev| prev != o) {
                return Err(args.usage("only one operation may be specified"));
            }
            op = Some(o);
            continue;
        }
        let q = match a.as_str() {
            "--references" => Some(Query::References),
            "--referrers" => Some(Query::Referrers),
            "--requisites" | "-R" => Some(Query::Requisites),
            "--deriver" | "-d" => Some(Query::Deriver),
            "--hash" => Some(Query::Hash),
            "--size" => Some(Query::Size),
            _ => None,
        };
        if q.is_some() {
            query = q;
            continue;
        }
        match a.as_str() {
            "--recursive" => recursive = true,
            "--check-contents" => check_contents = true,
            "--print-roots" => gc.action = GcAction::PrintRoots,
            "--print-live" => gc.action = GcAction::PrintLive,
            "--print-dead" => gc.action = GcAction::PrintDead,
            "--max-freed" => {
                let value = args.value("--max-freed")?;
                gc.max_freed = Some(store_ops::parse_size(&value).map_err(|e| args.usage(e))?);
            }
            "--ignore-liveness" => ignore_liveness = true,
            "--store" => store_root = Some(PathBuf::from(args.value("--store")?)),
            "--add-root" => add_root = Some(PathBuf::from(args.value(&a)?)),
            // Roots are always indirect.
            "--indirect" => {}
            "--option" if args.peek().is_some_and(|name| crate::settings::GC_SETTINGS.contains(&name)) => {
                let (name, value) = (args.value("--option")?, args.value("--option")?);
                crate::settings::set_gc(&mut gc, &name, &value).map_err(|e| args.usage(e))?;
            }
            s if build_flags::flag(&mut args, s, &mut build_options)? => {}
            s if UNSUPPORTED.contains(&s) => {
                return Err(CliError::usage("nix-store", format!("'{s}' is not supported by Ferrix yet")));
            }
            s if s.starts_with('-') && s != "-" => return Err(args.unrecognised(s)),
            _ => operands.push(a),
        }
    }
    let Some(op) = op else { return Err(args.usage("no operation specified")) };
    if query.is_some() && op != Op::Query {
        return Err(args.usage("query flags need '--query'"));
    }
    match op {
        Op::Realise => {
            build_cmd::realise_paths(store_root.as_deref(), &operands, &build_options, add_root.as_deref())
        }
        Op::ReadLog => {
            for path in &operands {
                build_cmd::show_log(store_root.as_deref(), path)?;
            }
            Ok(())
        }
        Op::Dump | Op::Restore => {
            let [path] = operands.as_slice() else {
                return Err(args.usage("this operation takes exactly one path"));
            };
            if op == Op::Dump {
                store_ops::dump(Path::new(path))
            } else {
                store_ops::restore(Path::new(path))
            }
        }
        _ => {
            let store = store_ops::open(store_root.as_deref())?;
            match op {
                Op::Add => add(&store, &operands, FileIngestionMethod::Recursive, HashAlgo::Sha256),
                Op::AddFixed => {
                    let Some((algo, paths)) = operands.split_first() else {
                        return Err(args.usage("'--add-fixed' requires a hash algorithm"));
                    };
                    let method =
                        if recursive { FileIngestionMethod::Recursive } else { FileIngestionMethod::Flat };
                    add(&store, paths, method, hashing::parse_algo(algo)?)
                }
                Op::Verify => store_ops::verify(&store, check_contents),
                Op::Query => run_query(&store, query.unwrap_or(Query::References), &operands),
                Op::Gc | Op::Optimise if !operands.is_empty() => Err(args.usage("no arguments expected")),
                Op::Gc => store_ops::gc(&store, &gc),
                Op::Delete => store_ops::delete(&store, &operands, ignore_liveness),
                Op::Optimise => store_ops::optimise(&store),
                Op::Dump | Op::Restore | Op::Realise | Op::ReadLog => unreachable!("handled above"),
            }
        }
    }
}

fn add(
    store: &ferrix_store::local::LocalStore,
    paths: &[String],
    method: FileIngestionMethod,
    algo: HashAlgo,
) -> CliResult {
    let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
    store_ops::add(store, &paths, None, method, algo)
}

fn run_query(store: &ferrix_store::local::LocalStore, query: Query, operands: &[String]) -> CliResult {
    if query == Query::Requisites {
        let roots = operands.iter().map(|a| resolve_valid(store, a)).collect::<CliResult<Vec<_>>>()?;
        store_ops::print_paths(&store_ops::closure_sorted(store, roots)?);
        return Ok(());
    }
    for arg in operands {
        let path = resolve(store, arg)?;
        match query {
            Query::References => store_ops::print_paths(&store_ops::info(store, &path)?.references),
            Query::Referrers => {
                store_ops::info(store, &path)?;
                store_ops::print_paths(&store.query_referrers(&path)?);
            }
            Query::Deriver => match store_ops::info(store, &path)?.deriver {
                Some(d) => println!("{d}"),
                None => println!("unknown-deriver"),
            },
            Query::Hash => println!(
                "{}",
                store_ops::info(store, &path)?.nar_hash.encode(ferrix_store::HashEncoding::Nix32, true)
            ),
            Query::Size => println!("{}", store_ops::info(store, &path)?.nar_size),
            Query::Requisites => unreachable!("handled above"),
        }
    }
    Ok(())
}
