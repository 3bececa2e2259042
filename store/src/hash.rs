//! Cryptographic hashes as Nix uses them: the four algorithms, the four printed forms
//! (base16, nixbase32, base64, SRI), parsing with the reference's length-based rules,
//! streaming hashing, and the XOR fold that shortens a hash for store paths.

use crate::nixbase32;
use data_encoding::{BASE64, HEXLOWER_PERMISSIVE};
use sha2::Digest;
use std::fmt;

/// A hash algorithm Nix knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HashAlgo {
    Md5,
    Sha1,
    Sha256,
    Sha512,
}

impl HashAlgo {
    pub const ALL: [HashAlgo; 4] = [HashAlgo::Md5, HashAlgo::Sha1, HashAlgo::Sha256, HashAlgo::Sha512];

    /// Digest size in bytes.
    pub const fn size(self) -> usize {
        match self {
            HashAlgo::Md5 => 16,
            HashAlgo::Sha1 => 20,
            HashAlgo::Sha256 => 32,
            HashAlgo::Sha512 => 64,
        }
    }

    /// The name used in prefixes, SRI strings and `--type`.
    pub const fn name(self) -> &'static str {
        match self {
            HashAlgo::Md5 => "md5",
            HashAlgo::Sha1 => "sha1",
            HashAlgo::Sha256 => "sha256",
            HashAlgo::Sha512 => "sha512",
        }
    }

    /// Parses an algorithm name; `None` when unknown.
    pub fn from_name(s: &str) -> Option<HashAlgo> {
        HashAlgo::ALL.into_iter().find(|a| a.name() == s)
    }

    /// Parses an algorithm name with the reference's error for unknown names.
    pub fn parse(s: &str) -> Result<HashAlgo, HashError> {
        match HashAlgo::from_name(s) {
            Some(a) => Ok(a),
            None if s == "blake3" => Err(HashError::Blake3Disabled),
            None => Err(HashError::UnknownAlgo(s.to_owned())),
        }
    }

    fn base64_len(self) -> usize {
        (4 * self.size() / 3 + 3) & !3
    }
}

impl fmt::Display for HashAlgo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The textual form of a hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HashEncoding {
    Base16,
    Nix32,
    Base64,
    /// `algo-base64`; always carries its algorithm.
    Sri,
}

impl HashEncoding {
    pub const ALL: [HashEncoding; 4] =
        [HashEncoding::Base16, HashEncoding::Nix32, HashEncoding::Base64, HashEncoding::Sri];

    /// The name used by `--to`/`--from` and `toHashFormat`.
    pub const fn name(self) -> &'static str {
        match self {
            HashEncoding::Base16 => "base16",
            HashEncoding::Nix32 => "nix32",
            HashEncoding::Base64 => "base64",
            HashEncoding::Sri => "sri",
        }
    }

    /// Parses a format name (`base32` is the reference's deprecated alias of `nix32`).
    pub fn from_name(s: &str) -> Option<HashEncoding> {
        if s == "base32" {
            return Some(HashEncoding::Nix32);
        }
        HashEncoding::ALL.into_iter().find(|e| e.name() == s)
    }

    /// The encoding of an unprefixed hash of `algo`, told by its length.
    fn detect(s: &str, algo: HashAlgo) -> Result<HashEncoding, HashError> {
        match s.len() {
            n if n == algo.size() * 2 => Ok(HashEncoding::Base16),
            n if n == nixbase32::encoded_len(algo.size()) => Ok(HashEncoding::Nix32),
            n if n == algo.base64_len() => Ok(HashEncoding::Base64),
            _ => Err(HashError::WrongLength { hash: s.to_owned(), algo }),
        }
    }

    /// How the reference names the encoding in decoding errors.
    fn error_name(self) -> &'static str {
        match self {
            HashEncoding::Base16 => "base16",
            HashEncoding::Nix32 => "nix32",
            HashEncoding::Base64 => "Base64",
            HashEncoding::Sri => "SRI",
        }
    }
}

/// Errors from parsing hashes and algorithm names. Messages follow the reference's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HashError {
    #[error("unknown hash algorithm '{0}', expect 'blake3', 'md5', 'sha1', 'sha256', or 'sha512'")]
    UnknownAlgo(String),
    #[error(
        "experimental Nix feature 'blake3-hashes' is disabled; add '--extra-experimental-features blake3-hashes' to enable it"
    )]
    Blake3Disabled,
    #[error("hash '{0}' does not include a type, nor is the type otherwise known from context")]
    MissingAlgo(String),
    #[error("hash '{0}' does not include a type")]
    MissingPrefix(String),
    #[error("hash '{hash}' should have type '{expected}'")]
    WrongAlgo { hash: String, expected: HashAlgo },
    #[error("hash '{hash}' has wrong length for hash algorithm '{algo}'")]
    WrongLength { hash: String, algo: HashAlgo },
    /// The text does not decode in its encoding (`got` is 0 when it does not decode at all).
    #[error("invalid {encoding} hash '{hash}', length {got} != expected length {expected}")]
    BadEncoding { encoding: &'static str, hash: String, got: usize, expected: usize },
}
/// A digest together with its algorithm.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Hash {
    algo: HashAlgo,
    bytes: [u8; 64],
}

impl Hash {
    /// Wraps a digest; `bytes` must be exactly `algo.size()` long.
    pub fn from_bytes(algo: HashAlgo, bytes: &[u8]) -> Option<Hash> {
        (bytes.len() == algo.size()).then(|| {
            let mut b = [0u8; 64];
            b[..bytes.len()].copy_from_slice(bytes);
            Hash { algo, bytes: b }
        })
    }

    /// Hashes `data` in one go.
    pub fn digest(algo: HashAlgo, data: impl AsRef<[u8]>) -> Hash {
        let mut h = Hasher::new(algo);
        h.update(data.as_ref());
        h.finish()
    }

    pub fn algo(&self) -> HashAlgo {
        self.algo
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.algo.size()]
    }

    pub fn to_base16(&self) -> String {
        data_encoding::HEXLOWER.encode(self.as_bytes())
    }

    pub fn to_nix32(&self) -> String {
        nixbase32::encode(self.as_bytes())
    }

    pub fn to_base64(&self) -> String {
        BASE64.encode(self.as_bytes())
    }

    pub fn to_sri(&self) -> String {
        format!("{}-{}", self.algo, self.to_base64())
    }

    /// Renders in `enc`; `with_algo` adds the `algo:` prefix (SRI always has its own).
    pub fn encode(&self, enc: HashEncoding, with_algo: bool) -> String {
        let body = match enc {
            HashEncoding::Base16 => self.to_base16(),
            HashEncoding::Nix32 => self.to_nix32(),
            HashEncoding::Base64 => self.to_base64(),
            HashEncoding::Sri => return self.to_sri(),
        };
        if with_algo { format!("{}:{body}", self.algo) } else { body }
    }

    /// Parses a hash that may carry its algorithm (`algo:hash` or SRI `algo-base64`);
    /// `algo` supplies it when the string does not, and must agree when it does.
    pub fn parse_any(s: &str, algo: Option<HashAlgo>) -> Result<Hash, HashError> {
        Hash::parse_any_detect(s, algo).map(|(h, _)| h)
    }

    /// As [`Hash::parse_any`], also telling which encoding the string was in.
    pub fn parse_any_detect(s: &str, algo: Option<HashAlgo>) -> Result<(Hash, HashEncoding), HashError> {
        let (found, rest, sri) = split_algo(s);
        let algo = match (found, algo) {
            (Some(f), Some(a)) if f != a => {
                return Err(HashError::WrongAlgo { hash: s.to_owned(), expected: a });
            }
            (Some(f), _) => f,
            (None, Some(a)) => a,
            (None, None) => return Err(HashError::MissingAlgo(s.to_owned())),
        };
        let enc = if sri { HashEncoding::Sri } else { HashEncoding::detect(rest, algo)? };
        Ok((Hash::decode_as(enc, rest, algo)?, enc))
    }

    /// Parses a hash that must carry its algorithm.
    pub fn parse_prefixed(s: &str) -> Result<Hash, HashError> {
        match split_algo(s) {
            (Some(algo), rest, true) => Hash::decode_as(HashEncoding::Sri, rest, algo),
            (Some(algo), rest, false) => Hash::parse_unprefixed(rest, algo),
            (None, ..) => Err(HashError::MissingPrefix(s.to_owned())),
        }
    }

    /// Parses an SRI hash (`sha256-<base64>`).
    pub fn parse_sri(s: &str) -> Result<Hash, HashError> {
        match split_algo(s) {
            (Some(algo), rest, true) => Hash::decode_as(HashEncoding::Sri, rest, algo),
            _ => Err(HashError::BadEncoding { encoding: "SRI", hash: s.to_owned(), got: 0, expected: 0 }),
        }
    }

    /// Parses an unprefixed hash of a known algorithm; the encoding is told by length.
    pub fn parse_unprefixed(s: &str, algo: HashAlgo) -> Result<Hash, HashError> {
        Hash::decode_as(HashEncoding::detect(s, algo)?, s, algo)
    }

    fn decode_as(enc: HashEncoding, body: &str, algo: HashAlgo) -> Result<Hash, HashError> {
        let decoded = match enc {
            HashEncoding::Base16 => HEXLOWER_PERMISSIVE.decode(body.as_bytes()).ok(),
            HashEncoding::Base64 | HashEncoding::Sri => BASE64.decode(body.as_bytes()).ok(),
            HashEncoding::Nix32 => match nixbase32::decode(body.as_bytes()) {
                Ok(b) => Some(b),
                // The value needs one byte more than the algorithm's digest.
                Err(nixbase32::Nix32Error::Overflow(n)) => Some(vec![0; n + 1]),
                Err(_) => None,
            },
        };
        let got = decoded.as_ref().map_or(0, Vec::len);
        decoded.and_then(|b| Hash::from_bytes(algo, &b)).ok_or(HashError::BadEncoding {
            encoding: enc.error_name(),
            hash: body.to_owned(),
            got,
            expected: algo.size(),
        })
    }
}

/// Splits `algo:rest` or `algo-rest` (SRI). The algorithm is `None` when the prefix is
/// absent or not an algorithm name, in which case `rest` is the whole string.
fn split_algo(s: &str) -> (Option<HashAlgo>, &str, bool) {
    let (sep, sri) = match s.find(':') {
        Some(i) => (Some(i), false),
        None => (s.find('-'), true),
    };
    match sep.and_then(|i| HashAlgo::from_name(&s[..i]).map(|a| (a, i))) {
        Some((algo, i)) => (Some(algo), &s[i + 1..], sri),
        None => (None, s, false),
    }
}

impl fmt::Debug for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.algo, self.to_base16())
    }
}

/// `algo:base16`, the form used inside fingerprints and `.drv` files' callers.
impl fmt::Display for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.algo, self.to_base16())
    }
}

/// Incremental hashing; also an `io::Write` so archives can be streamed into it.
#[derive(Clone)]
pub enum Hasher {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha256(sha2::Sha256),
    Sha512(sha2::Sha512),
}

impl Hasher {
    pub fn new(algo: HashAlgo) -> Hasher {
        match algo {
            HashAlgo::Md5 => Hasher::Md5(md5::Md5::new()),
            HashAlgo::Sha1 => Hasher::Sha1(sha1::Sha1::new()),
            HashAlgo::Sha256 => Hasher::Sha256(sha2::Sha256::new()),
            HashAlgo::Sha512 => Hasher::Sha512(sha2::Sha512::new()),
        }
    }

    pub fn update(&mut self, data: &[u8]) {
        match self {
            Hasher::Md5(h) => h.update(data),
            Hasher::Sha1(h) => h.update(data),
            Hasher::Sha256(h) => h.update(data),
            Hasher::Sha512(h) => h.update(data),
        }
    }

    pub fn finish(self) -> Hash {
        let digest = match self {
            Hasher::Md5(h) => Hash::from_bytes(HashAlgo::Md5, &h.finalize()),
            Hasher::Sha1(h) => Hash::from_bytes(HashAlgo::Sha1, &h.finalize()),
            Hasher::Sha256(h) => Hash::from_bytes(HashAlgo::Sha256, &h.finalize()),
            Hasher::Sha512(h) => Hash::from_bytes(HashAlgo::Sha512, &h.finalize()),
        };
        digest.expect("digest size matches its algorithm")
    }
}

impl std::io::Write for Hasher {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Folds `hash` to `N` bytes by XOR: byte `i` goes to `i mod N` (store path digests).
pub fn compress_hash<const N: usize>(hash: &Hash) -> [u8; N] {
    let mut out = [0u8; N];
    for (i, b) in hash.as_bytes().iter().enumerate() {
        out[i % N] ^= b;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HELLO: &str = "hello world\n";
    const HELLO_SHA256: &str = "a948904f2f0f479b8f8197694b30184b0d2ed1c1cd2a1ec0fb85d299a192a447";

    #[test]
    fn digests_match_known_values() {
        assert_eq!(Hash::digest(HashAlgo::Sha256, HELLO).to_base16(), HELLO_SHA256);
        assert_eq!(
            Hash::digest(HashAlgo::Sha1, HELLO).to_base16(),
            "22596363b3de40b06f981fb85d82312e8c0ed511"
        );
        assert_eq!(Hash::digest(HashAlgo::Md5, "").to_base16(), "d41d8cd98f00b204e9800998ecf8427e");
    }

    #[test]
    fn every_form_parses_to_the_same_hash() {
        let h = Hash::digest(HashAlgo::Sha256, HELLO);
        for s in [
            HELLO_SHA256.to_owned(),
            format!("sha256:{HELLO_SHA256}"),
            "0ix4jahrkll5zg01wandq78jw3ab30q4nscph67rniqg5x7r0j59".to_owned(),
            "qUiQTy8PR5uPgZdpSzAYSw0u0cHNKh7A+4XSmaGSpEc=".to_owned(),
            "sha256-qUiQTy8PR5uPgZdpSzAYSw0u0cHNKh7A+4XSmaGSpEc=".to_owned(),
        ] {
            assert_eq!(Hash::parse_any(&s, Some(HashAlgo::Sha256)).unwrap(), h, "{s}");
        }
        assert_eq!(h.to_sri(), "sha256-qUiQTy8PR5uPgZdpSzAYSw0u0cHNKh7A+4XSmaGSpEc=");
    }

    #[test]
    fn parse_errors() {
        assert!(matches!(Hash::parse_any(HELLO_SHA256, None), Err(HashError::MissingAlgo(_))));
        assert!(matches!(
            Hash::parse_any(&format!("sha256:{HELLO_SHA256}"), Some(HashAlgo::Sha1)),
            Err(HashError::WrongAlgo { .. })
        ));
        assert!(matches!(
            Hash::parse_any("sha256:abc", None),
            Err(HashError::WrongLength { algo: HashAlgo::Sha256, .. })
        ));
        assert!(matches!(HashAlgo::parse("sha3"), Err(HashError::UnknownAlgo(_))));
        let msg = |s: &str| Hash::parse_any(s, None).unwrap_err().to_string();
        // Messages as `builtins.convertHash` prints them in the reference.
        assert_eq!(msg("sha256:abc"), "hash 'abc' has wrong length for hash algorithm 'sha256'");
        assert_eq!(
            msg("sha256-qUiQTy8PR5uPgZdpSzAYSw0u0cHNKh7A+4XSmaGS"),
            "invalid SRI hash 'qUiQTy8PR5uPgZdpSzAYSw0u0cHNKh7A+4XSmaGS', length 30 != expected length 32"
        );
        assert_eq!(
            msg("sha256:0ix4jahrkll5zg01wandq78jw3ab30q4nscph67rniqg5x7r0j5e"),
            "invalid nix32 hash '0ix4jahrkll5zg01wandq78jw3ab30q4nscph67rniqg5x7r0j5e', length 0 != expected length 32"
        );
        assert_eq!(
            msg(&format!("sha256:2{}", "0".repeat(51))),
            format!("invalid nix32 hash '2{}', length 33 != expected length 32", "0".repeat(51))
        );
        assert_eq!(
            msg("sha256:qUiQTy8PR5uPgZdpSzAYSw0u0cHNKh7A+4XSmaGSpE!="),
            "invalid Base64 hash 'qUiQTy8PR5uPgZdpSzAYSw0u0cHNKh7A+4XSmaGSpE!=', length 0 != expected length 32"
        );
        assert_eq!(
            HashAlgo::parse("sha3").unwrap_err().to_string(),
            "unknown hash algorithm 'sha3', expect 'blake3', 'md5', 'sha1', 'sha256', or 'sha512'"
        );
        assert_eq!(HashAlgo::parse("blake3"), Err(HashError::Blake3Disabled));
    }

    #[test]
    fn compress_folds_by_xor() {
        let h = Hash::from_bytes(HashAlgo::Sha1, &[1; 20]).unwrap();
        assert_eq!(compress_hash::<10>(&h), [0; 10]);
        let h = Hash::from_bytes(HashAlgo::Md5, &[3; 16]).unwrap();
        assert_eq!(compress_hash::<20>(&h)[..16], [3; 16]);
    }
}
