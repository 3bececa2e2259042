//! Hash operations shared by `ferrix hash` and the `nix-hash` personality: hashing files
//! (flat) or paths (as NAR) and converting hash strings between formats.

use crate::error::{CliError, CliResult};
use ferrix_store::{Hash, HashAlgo, HashEncoding, Hasher, nar};
use std::fs::File;
use std::path::Path;

/// What of a path is hashed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The bytes of a regular file.
    Flat,
    /// The NAR serialisation of a file tree.
    Nar,
}

/// How a computed hash is printed.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    pub encoding: HashEncoding,
    /// Fold to 160 bits first (`nix-hash --truncate`).
    pub truncate: bool,
}

/// Hashes one path.
pub fn hash_path(path: &Path, algo: HashAlgo, mode: Mode) -> CliResult<Hash> {
    if std::fs::symlink_metadata(path).is_err() {
        return Err(CliError::failure(format!("path '{}' does not exist", path.display())));
    }
    let mut hasher = Hasher::new(algo);
    match mode {
        Mode::Flat => {
            let mut f = File::open(path).map_err(|e| io_error(path, e))?;
            std::io::copy(&mut f, &mut hasher).map_err(|e| io_error(path, e))?;
        }
        Mode::Nar => nar::dump_path(path, &mut hasher).map_err(|e| io_error(path, e))?,
    }
    Ok(hasher.finish())
}

fn io_error(path: &Path, e: std::io::Error) -> CliError {
    CliError::failure(format!("reading '{}': {e}", path.display()))
}

/// Renders a hash for output.
pub fn render(hash: &Hash, out: Output) -> String {
    if out.truncate && hash.algo().size() > 20 {
        let folded = ferrix_store::hash::compress_hash::<20>(hash);
        let short = Hash::from_bytes(HashAlgo::Sha1, &folded).expect("20 bytes is a sha1-sized digest");
        // A truncated hash keeps its algorithm's name in SRI form.
        return match out.encoding {
            HashEncoding::Sri => format!("{}-{}", hash.algo(), short.to_base64()),
            enc => short.encode(enc, false),
        };
    }
    hash.encode(out.encoding, false)
}

/// Converts a hash string; `from` (if given) must be the format the input is in.
pub fn convert(
    input: &str,
    algo: Option<HashAlgo>,
    from: Option<HashEncoding>,
    to: HashEncoding,
) -> CliResult<String> {
    let (hash, found) = Hash::parse_any_detect(input, algo)?;
    if let Some(from) = from.filter(|&f| f != found) {
        return Err(CliError::failure(format!(
            "input hash '{input}' has format '{}', but '--from {}' was specified",
            found.name(),
            from.name()
        )));
    }
    Ok(hash.encode(to, false))
}

/// Parses a `--type`/`--hash-algo` value.
pub fn parse_algo(s: &str) -> CliResult<HashAlgo> {
    Ok(HashAlgo::parse(s)?)
}

/// Parses a `--to`/`--from` value, warning on the deprecated `base32` alias.
pub fn parse_format(s: &str) -> CliResult<HashEncoding> {
    let enc = HashEncoding::from_name(s).ok_or_else(|| {
        CliError::failure(format!("unknown hash format '{s}', expect 'base16', 'base32', 'base64', or 'sri'"))
    })?;
    if s == "base32" {
        eprintln!("warning: \"base32\" is a deprecated alias for hash format \"nix32\".");
    }
    Ok(enc)
}
