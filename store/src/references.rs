//! Reference scanning: which candidate store paths (by hash part) occur in a file tree.
//!
//! Like the reference, a candidate is referenced when its 32-character nixbase32 hash
//! part occurs anywhere in the NAR serialisation of the tree; the rest of the path does
//! not matter. The scanner is an `io::Write` fed the archive in chunks of any size, so
//! one streaming pass suffices and hashes split between chunks are still found.

use crate::StorePath;
use crate::nar::dump_path;
use crate::nixbase32;
use crate::store_path::HASH_CHARS;
use std::collections::{BTreeSet, HashMap};
use std::io;
use std::path::Path;

/// `IS_NIX32[b]` is true when byte `b` is in the nixbase32 alphabet.
const IS_NIX32: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < nixbase32::ALPHABET.len() {
        table[nixbase32::ALPHABET[i] as usize] = true;
        i += 1;
    }
    table
};

/// Scans bytes written to it for the hash parts of candidate store paths.
pub struct RefScanner {
    /// Candidates not found yet, by hash part.
    pending: HashMap<[u8; HASH_CHARS], StorePath>,
    found: BTreeSet<StorePath>,
    /// The last `HASH_CHARS - 1` bytes seen, for hashes that straddle two writes.
    tail: Vec<u8>,
}

impl RefScanner {
    pub fn new(candidates: impl IntoIterator<Item = StorePath>) -> RefScanner {
        let pending = candidates
            .into_iter()
            .filter_map(|p| {
                let key: [u8; HASH_CHARS] = p.hash_part().as_bytes().try_into().ok()?;
                Some((key, p))
            })
            .collect();
        RefScanner { pending, found: BTreeSet::new(), tail: Vec::with_capacity(2 * HASH_CHARS) }
    }

    /// The candidates found so far.
    pub fn found(&self) -> BTreeSet<StorePath> {
        self.found.clone()
    }

    /// The candidates found, consuming the scanner.
    pub fn into_found(self) -> BTreeSet<StorePath> {
        self.found
    }

    /// Records every candidate hash occurring in `data`.
    fn search(&mut self, data: &[u8]) {
        let mut i = 0;
        'windows: while i + HASH_CHARS <= data.len() && !self.pending.is_empty() {
            // Check the window from its end: a byte outside the alphabet at `j` rules
            // out every window that contains it, so the next window starts after it.
            for j in (0..HASH_CHARS).rev() {
                if !IS_NIX32[data[i + j] as usize] {
                    i += j + 1;
                    continue 'windows;
                }
            }
            let window: Option<&[u8; HASH_CHARS]> = data[i..i + HASH_CHARS].try_into().ok();
            if let Some(path) = window.and_then(|w| self.pending.remove(w)) {
                self.found.insert(path);
            }
            i += 1;
        }
    }
}

impl io::Write for RefScanner {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let keep = HASH_CHARS - 1;
        // The old tail followed by the start of `buf` holds every window that straddles.
        let mut joined = std::mem::take(&mut self.tail);
        joined.extend_from_slice(&buf[..buf.len().min(keep)]);
        self.search(&joined);
        self.search(buf);
        // Keep the last `keep` bytes of everything seen; when `buf` is shorter than
        // that, `joined` is exactly the old tail followed by `buf`.
        if buf.len() >= keep {
            joined.clear();
            joined.extend_from_slice(&buf[buf.len() - keep..]);
        } else {
            joined.drain(..joined.len().saturating_sub(keep));
        }
        self.tail = joined;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The candidates whose hash part occurs in the NAR serialisation of `path`.
pub fn scan_path(
    path: &Path,
    candidates: impl IntoIterator<Item = StorePath>,
) -> io::Result<BTreeSet<StorePath>> {
    let mut scanner = RefScanner::new(candidates);
    dump_path(path, &mut scanner)?;
    Ok(scanner.into_found())
}

/// What registering a built output needs from one serialisation of `path`: the NAR's
/// SHA-256 and size, its hash with `other` when given, and the candidates it refers to.
pub struct ScannedPath {
    pub nar_hash: crate::Hash,
    pub nar_size: u64,
    pub other_hash: Option<crate::Hash>,
    pub references: BTreeSet<StorePath>,
}

/// Hashes and scans the NAR of `path` in one pass.
pub fn hash_and_scan(
    path: &Path,
    candidates: impl IntoIterator<Item = StorePath>,
    other: Option<crate::HashAlgo>,
) -> io::Result<ScannedPath> {
    /// Writes every chunk to both sinks.
    struct Tee<'a>(&'a mut RefScanner, &'a mut crate::nar::NarDigest);
    impl io::Write for Tee<'_> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.write_all(buf)?;
            self.1.write_all(buf)?;
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    let mut scanner = RefScanner::new(candidates);
    let mut digest = crate::nar::NarDigest::new(other);
    dump_path(path, &mut Tee(&mut scanner, &mut digest))?;
    let (nar_hash, nar_size, other_hash) = digest.finish();
    Ok(ScannedPath { nar_hash, nar_size, other_hash, references: scanner.into_found() })
}
