//! `nix-hash`: hash paths (NAR by default, `--flat` for file contents) or convert hashes
//! (`--to-base16`, `--to-base32`, `--to-base64`, `--to-sri`), with the reference's flags
//! and defaults (md5, base16).

use super::args::Args;
use crate::error::CliResult;
use crate::hashing::{self, Mode, Output};
use ferrix_store::{HashAlgo, HashEncoding};
use std::path::Path;

pub fn run(raw: Vec<String>) -> CliResult {
    let mut args = Args::new("nix-hash", raw);
    let mut algo = None;
    let mut mode = Mode::Nar;
    let mut out = Output { encoding: HashEncoding::Base16, truncate: false };
    let mut convert_to = None;
    let mut operands = Vec::new();
    while let Some(a) = args.next_arg() {
        match a.as_str() {
            "--flat" => mode = Mode::Flat,
            "--base16" => out.encoding = HashEncoding::Base16,
            "--base32" => out.encoding = HashEncoding::Nix32,
            "--base64" => out.encoding = HashEncoding::Base64,
            "--sri" => out.encoding = HashEncoding::Sri,
            "--truncate" => out.truncate = true,
            "--type" => algo = Some(hashing::parse_algo(&args.value("--type")?)?),
            "--to-base16" => convert_to = Some(HashEncoding::Base16),
            "--to-base32" => convert_to = Some(HashEncoding::Nix32),
            "--to-base64" => convert_to = Some(HashEncoding::Base64),
            "--to-sri" => convert_to = Some(HashEncoding::Sri),
            s if s.starts_with('-') && s != "-" => return Err(args.unrecognised(s)),
            _ => operands.push(a),
        }
    }
    if let Some(to) = convert_to {
        for h in &operands {
            println!("{}", hashing::convert(h, algo, None, to)?);
        }
        return Ok(());
    }
    let algo = algo.unwrap_or(HashAlgo::Md5);
    for p in &operands {
        let hash = hashing::hash_path(Path::new(p), algo, mode)?;
        println!("{}", hashing::render(&hash, out));
    }
    Ok(())
}
