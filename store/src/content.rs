//! The content hash of a file tree as a content-addressed store object is named by it:
//! the bytes of a single regular file (flat), or the NAR serialisation of the tree
//! (recursive), optionally with entries left out.

use crate::hash::{Hash, HashAlgo, Hasher};
use crate::nar::{self, Keep};
use crate::store_path::FileIngestionMethod;
use std::fs::File;
use std::io;
use std::path::Path;

/// The `algo` hash of `path` ingested with `method` (text is hashed as flat), keeping
/// the entries `keep` accepts. Flat ingestion reads `path` as a file, following it if
/// it is a symlink.
pub fn content_hash(
    path: &Path,
    method: FileIngestionMethod,
    algo: HashAlgo,
    keep: Keep<'_>,
) -> io::Result<Hash> {
    let mut hasher = Hasher::new(algo);
    match method {
        FileIngestionMethod::Recursive => nar::dump_filtered(path, &mut hasher, keep)?,
        FileIngestionMethod::Flat | FileIngestionMethod::Text => {
            io::copy(&mut File::open(path)?, &mut hasher)?;
        }
    }
    Ok(hasher.finish())
}
