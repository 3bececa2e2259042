//! `ferrix hash file|path|convert`.

use crate::cli::{FormatFlags, HashCommand, HashPathArgs};
use crate::error::CliResult;
use crate::hashing::{self, Mode, Output};
use ferrix_store::HashEncoding;

pub fn run(cmd: HashCommand) -> CliResult {
    match cmd {
        HashCommand::File(args) => hash_paths(args, Mode::Flat),
        HashCommand::Path(args) => hash_paths(args, Mode::Nar),
        HashCommand::Convert { hash_algo, from, to, hashes } => {
            let algo = hash_algo.as_deref().map(hashing::parse_algo).transpose()?;
            let from = from.as_deref().map(hashing::parse_format).transpose()?;
            let to = hashing::parse_format(&to)?;
            for h in &hashes {
                println!("{}", hashing::convert(h, algo, from, to)?);
            }
            Ok(())
        }
    }
}

fn hash_paths(args: HashPathArgs, mode: Mode) -> CliResult {
    let algo = hashing::parse_algo(&args.algo)?;
    let out = Output { encoding: encoding(&args.format), truncate: false };
    for p in &args.paths {
        println!("{}", hashing::render(&hashing::hash_path(p, algo, mode)?, out));
    }
    Ok(())
}

fn encoding(f: &FormatFlags) -> HashEncoding {
    match (f.base16, f.base32, f.base64) {
        (true, _, _) => HashEncoding::Base16,
        (_, true, _) => HashEncoding::Nix32,
        (_, _, true) => HashEncoding::Base64,
        _ => HashEncoding::Sri,
    }
}
