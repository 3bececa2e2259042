//! Store paths: `/nix/store/<32 nixbase32 chars>-<name>`. Name validation and the
//! fingerprint rules that compute a path for each kind of store object (text, source,
//! fixed output, input-addressed output).

use crate::hash::{Hash, HashAlgo, compress_hash};
use crate::nixbase32;
use std::collections::BTreeSet;
use std::fmt;

/// The logical store directory. It enters every store path hash, so it is fixed; where
/// the store lives on disk is a separate matter (see `LocalStore`).
pub const STORE_DIR: &str = "/nix/store";
/// Bytes in a store path's digest.
pub const HASH_BYTES: usize = 20;
/// Characters in a store path's hash part.
pub const HASH_CHARS: usize = 32;
/// Longest allowed name, as the reference.
pub const MAX_NAME_LEN: usize = 211;

/// Why a string is not a valid store path or store path name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorePathError {
    #[error("path '{0}' is not in the Nix store")]
    NotInStore(String),
    #[error("path '{0}' is not a valid store path: {1}")]
    BadPath(String, &'static str),
    #[error("name must not be empty")]
    EmptyName,
    #[error("name '{0}' must be no longer than {MAX_NAME_LEN} characters")]
    NameTooLong(String),
    #[error("name '{0}' is not valid")]
    DotName(String),
    #[error("name '{name}' is not valid: first dash-separated component must not be '{component}'")]
    DotComponent { name: String, component: &'static str },
    #[error("name '{name}' contains illegal character '{ch}'")]
    IllegalChar { name: String, ch: char },
    /// A path (`<hash>-<name>`, computed or parsed) whose name is invalid, and why.
    #[error("path '{path}' is not a valid store path: {reason}")]
    InvalidComputed { path: String, reason: Box<StorePathError> },
    #[error("'{0}' is too short to be a valid store path")]
    TooShort(String),
    #[error("store path '{path}' contains illegal base-32 character '{ch}'")]
    IllegalHashChar { path: String, ch: char },
}

/// Checks a store path name against the reference's rules.
pub fn check_name(name: &str) -> Result<(), StorePathError> {
    if name.is_empty() {
        return Err(StorePathError::EmptyName);
    }
    if name.len() > MAX_NAME_LEN {
        return Err(StorePathError::NameTooLong(name.to_owned()));
    }
    for (dots, component) in [("..", ".."), (".", ".")] {
        if let Some(rest) = name.strip_prefix(dots) {
            if rest.is_empty() {
                return Err(StorePathError::DotName(name.to_owned()));
            }
            if rest.starts_with('-') {
                return Err(StorePathError::DotComponent { name: name.to_owned(), component });
            }
        }
    }
    if let Some(ch) = name.chars().find(|&c| !is_name_char(c)) {
        return Err(StorePathError::IllegalChar { name: name.to_owned(), ch });
    }
    Ok(())
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "+-._?=".contains(c)
}

/// A store path, held as its base name `<hash>-<name>`; ordered as the reference orders
/// them (by base name).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StorePath {
    base: Box<str>,
}

impl StorePath {
    /// Builds a path from its digest and a name, validating the name.
    pub fn from_digest(digest: &[u8; HASH_BYTES], name: &str) -> Result<StorePath, StorePathError> {
        check_name(name)?;
        let mut base = String::with_capacity(HASH_CHARS + 1 + name.len());
        nixbase32::encode_into(&mut base, digest);
        base.push('-');
        base.push_str(name);
        Ok(StorePath { base: base.into() })
    }

    /// Parses a base name `<hash>-<name>`.
    pub fn from_base_name(base: &str) -> Result<StorePath, StorePathError> {
        let bad = |why| StorePathError::BadPath(base.to_owned(), why);
        if base.len() < HASH_CHARS + 2 || base.as_bytes()[HASH_CHARS] != b'-' {
            return Err(bad("too short or missing the '-' after the hash"));
        }
        if !nixbase32::is_valid(&base.as_bytes()[..HASH_CHARS]) {
            return Err(bad("the hash part is not nixbase32"));
        }
        check_name(&base[HASH_CHARS + 1..])?;
        Ok(StorePath { base: base.into() })
    }

    /// Parses a base name as the reference does where it words the errors
    /// (`builtins.storePath`): too short, a character outside nixbase32 in the hash,
    /// an invalid name; the character after the hash is not looked at.
    pub fn from_base_name_checked(base: &str) -> Result<StorePath, StorePathError> {
        if base.len() <= HASH_CHARS {
            return Err(StorePathError::TooShort(base.to_owned()));
        }
        let hash = &base.as_bytes()[..HASH_CHARS];
        if let Some(&ch) = hash.iter().find(|&&c| !nixbase32::is_valid(&[c])) {
            return Err(StorePathError::IllegalHashChar { path: base.to_owned(), ch: char::from(ch) });
        }
        check_name(&String::from_utf8_lossy(&base.as_bytes()[HASH_CHARS + 1..])).map_err(|reason| {
            StorePathError::InvalidComputed { path: base.to_owned(), reason: Box::new(reason) }
        })?;
        Ok(StorePath { base: base.into() })
    }

    /// Parses an absolute path directly inside the store directory.
    pub fn parse(path: &str) -> Result<StorePath, StorePathError> {
        let base = path
            .strip_prefix(STORE_DIR)
            .and_then(|r| r.strip_prefix('/'))
            .ok_or_else(|| StorePathError::NotInStore(path.to_owned()))?;
        if base.contains('/') {
            return Err(StorePathError::BadPath(path.to_owned(), "it names a file inside a store object"));
        }
        StorePath::from_base_name(base)
    }

    /// Parses a path that may lie inside a store object, returning the store object and
    /// the rest (`/nix/store/h-x/bin/sh` gives `h-x` and `/bin/sh`).
    pub fn parse_prefix(path: &str) -> Result<(StorePath, &str), StorePathError> {
        let inner = path
            .strip_prefix(STORE_DIR)
            .and_then(|r| r.strip_prefix('/'))
            .ok_or_else(|| StorePathError::NotInStore(path.to_owned()))?;
        let end = inner.find('/').unwrap_or(inner.len());
        Ok((StorePath::from_base_name(&inner[..end])?, &inner[end..]))
    }

    /// `<hash>-<name>`.
    pub fn base_name(&self) -> &str {
        &self.base
    }

    /// The 32-character nixbase32 hash part.
    pub fn hash_part(&self) -> &str {
        &self.base[..HASH_CHARS]
    }

    pub fn name(&self) -> &str {
        &self.base[HASH_CHARS + 1..]
    }

    /// The absolute path under [`STORE_DIR`].
    pub fn to_absolute(&self) -> String {
        let mut path = String::with_capacity(STORE_DIR.len() + 1 + self.base.len());
        path.push_str(STORE_DIR);
        path.push('/');
        path.push_str(&self.base);
        path
    }

    /// True for `.drv` files.
    pub fn is_derivation(&self) -> bool {
        self.name().ends_with(".drv")
    }
}

impl fmt::Display for StorePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{STORE_DIR}/{}", self.base)
    }
}

impl fmt::Debug for StorePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "StorePath({})", self.base)
    }
}

/// The general rule: sha256 of `<type>:sha256:<inner hex>:<store dir>:<name>`, folded to
/// 20 bytes. `kind` is e.g. `text:/nix/store/…-ref`, `source:self` or `output:out`.
pub fn make_store_path(kind: &str, inner: &Hash, name: &str) -> Result<StorePath, StorePathError> {
    let fingerprint = format!("{kind}:{}:{}:{STORE_DIR}:{name}", inner.algo(), inner.to_base16());
    let digest = compress_hash(&Hash::digest(HashAlgo::Sha256, fingerprint));
    StorePath::from_digest(&digest, name).map_err(|reason| StorePathError::InvalidComputed {
        path: format!("{}-{name}", nixbase32::encode(&digest)),
        reason: Box::new(reason),
    })
}

/// `kind`, then `:<path>` for each of the references (sorted), and `:self`.
fn kind_with_refs<'a>(
    kind: &str,
    references: impl IntoIterator<Item = &'a StorePath>,
    self_ref: bool,
) -> String {
    let mut s = kind.to_owned();
    for r in references {
        s.push(':');
        s.push_str(STORE_DIR);
        s.push('/');
        s.push_str(r.base_name());
    }
    if self_ref {
        s.push_str(":self");
    }
    s
}

/// Path of a text object (`builtins.toFile`, `.drv` files): sha256 of the contents,
/// and the references, sorted (as a `BTreeSet` gives them).
pub fn make_text_path<'a>(
    name: &str,
    content_hash: &Hash,
    references: impl IntoIterator<Item = &'a StorePath>,
) -> Result<StorePath, StorePathError> {
    make_store_path(&kind_with_refs("text", references, false), content_hash, name)
}

/// Path of a source object (added recursively, sha256 of its NAR).
pub fn make_source_path(
    name: &str,
    nar_hash: &Hash,
    references: &BTreeSet<StorePath>,
    self_ref: bool,
) -> Result<StorePath, StorePathError> {
    make_store_path(&kind_with_refs("source", references, self_ref), nar_hash, name)
}

/// How a content-addressed object's contents are hashed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileIngestionMethod {
    /// The file's bytes (a single regular file).
    Flat,
    /// The NAR serialisation of the tree ("recursive", "nar").
    Recursive,
    /// Text with references (toFile, `.drv`).
    Text,
}

/// Path of a fixed-output / content-addressed object with the given method and hash.
/// Recursive sha256 objects are source paths; text objects are text paths; everything
/// else hashes the `fixed:out:` descriptor and may not have references.
pub fn make_fixed_output_path(
    name: &str,
    method: FileIngestionMethod,
    hash: &Hash,
    references: &BTreeSet<StorePath>,
    self_ref: bool,
) -> Result<StorePath, StorePathError> {
    match method {
        FileIngestionMethod::Text => make_text_path(name, hash, references),
        FileIngestionMethod::Recursive if hash.algo() == HashAlgo::Sha256 => {
            make_source_path(name, hash, references, self_ref)
        }
        _ => {
            let r = if method == FileIngestionMethod::Recursive { "r:" } else { "" };
            let inner = Hash::digest(HashAlgo::Sha256, format!("fixed:out:{r}{hash}:"));
            make_store_path("output:out", &inner, name)
        }
    }
}

/// Path of an input-addressed output: type `output:<id>`, name suffixed `-<id>` unless
/// the output is `out`.
pub fn make_output_path(output: &str, drv_hash: &Hash, drv_name: &str) -> Result<StorePath, StorePathError> {
    let name = output_path_name(drv_name, output);
    make_store_path(&format!("output:{output}"), drv_hash, &name)
}

/// The store name of output `output` of a derivation named `drv_name`.
pub fn output_path_name(drv_name: &str, output: &str) -> String {
    if output == "out" { drv_name.to_owned() } else { format!("{drv_name}-{output}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sha256(hex: &str) -> Hash {
        Hash::parse_unprefixed(hex, HashAlgo::Sha256).unwrap()
    }

    #[test]
    fn text_path_vector() {
        let h = Hash::digest(HashAlgo::Sha256, "hello world\n");
        let p = make_text_path("hello.txt", &h, &BTreeSet::new()).unwrap();
        assert_eq!(p.to_string(), "/nix/store/9gz0m5kka3amb4g3263rlxx9j5518j5z-hello.txt");
        let refs = BTreeSet::from([p]);
        let inner = sha256("00765ec0d09f145f8dc31e46126ee94105f1f187d6872194d767b681f281ea7e");
        let p2 = make_text_path("ref.txt", &inner, &refs).unwrap();
        assert_eq!(p2.to_string(), "/nix/store/428y418vaqmw528mpwz1kdhwmfn8d6fa-ref.txt");
    }

    #[test]
    fn source_and_fixed_vectors() {
        let nar = sha256("34ca3ac63094d1d5751f741101692a78f95eedf10744b088129fc324dfd0f603");
        let p = make_source_path("hello.txt", &nar, &BTreeSet::new(), false).unwrap();
        assert_eq!(p.to_string(), "/nix/store/z45ailnkm27lnvhimqkhy08f6sh5m17d-hello.txt");
        let flat = Hash::digest(HashAlgo::Sha256, "hello world\n");
        let p =
            make_fixed_output_path("hello-flat", FileIngestionMethod::Flat, &flat, &BTreeSet::new(), false);
        assert_eq!(p.unwrap().to_string(), "/nix/store/k3i7spk4vhd30ipb1gpcam32xqp1fi9d-hello-flat");
        let sha1 = Hash::digest(HashAlgo::Sha1, "hello world\n");
        let p = make_fixed_output_path("fod-sha1", FileIngestionMethod::Flat, &sha1, &BTreeSet::new(), false);
        assert_eq!(p.unwrap().to_string(), "/nix/store/xpakfrwkinpa94j62bv10dasmczm6c9m-fod-sha1");
        let p =
            make_fixed_output_path("fod-rec", FileIngestionMethod::Recursive, &flat, &BTreeSet::new(), false);
        assert_eq!(p.unwrap().to_string(), "/nix/store/rnlxkybmf0drk1vpnmqkvfr5p873hlgl-fod-rec");
    }

    #[test]
    fn output_path_vectors() {
        let h = sha256("ad5a349724ad6225a8bf463463bb9b580a6bba50ecbea80596ea30f01ab72bc6");
        assert_eq!(
            make_output_path("dev", &h, "multi").unwrap().to_string(),
            "/nix/store/6n8diirdh5sy2hd9iyccqryrf5r93x9g-multi-dev"
        );
        assert_eq!(
            make_output_path("out", &h, "multi").unwrap().to_string(),
            "/nix/store/y8f96p4k0b8rc3in7hvvdijylpvm6llp-multi"
        );
    }

    #[test]
    fn parsing_and_names() {
        let p = StorePath::parse("/nix/store/9gz0m5kka3amb4g3263rlxx9j5518j5z-hello.txt").unwrap();
        assert_eq!(p.hash_part(), "9gz0m5kka3amb4g3263rlxx9j5518j5z");
        assert_eq!(p.name(), "hello.txt");
        let (q, rest) =
            StorePath::parse_prefix("/nix/store/9gz0m5kka3amb4g3263rlxx9j5518j5z-hello.txt/a/b").unwrap();
        assert_eq!((q, rest), (p, "/a/b"));
        assert!(StorePath::parse("/tmp/x").is_err());
        assert!(StorePath::parse("/nix/store/eeee5kka3amb4g3263rlxx9j5518j5z-x").is_err());
        assert_eq!(check_name(""), Err(StorePathError::EmptyName));
        assert!(matches!(check_name("a b"), Err(StorePathError::IllegalChar { ch: ' ', .. })));
        assert!(matches!(check_name(".."), Err(StorePathError::DotName(_))));
        assert!(matches!(check_name(".-x"), Err(StorePathError::DotComponent { component: ".", .. })));
        assert!(matches!(check_name("..-x"), Err(StorePathError::DotComponent { component: "..", .. })));
        assert!(check_name(".x").is_ok() && check_name("..x").is_ok());
        assert!(check_name(&"a".repeat(211)).is_ok());
        assert!(matches!(check_name(&"a".repeat(212)), Err(StorePathError::NameTooLong(_))));
    }
}
