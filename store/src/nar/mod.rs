//! NAR (Nix ARchive): streaming serialisation of a file tree, and a strict reader that restores one.
//!
//! The format is a sequence of strings, each an 8-byte little-endian length followed by
//! the bytes and zero padding up to a multiple of 8. [`dump_path`] writes one from the
//! file system, [`parse`] reads one into a [`NarSink`], [`restore`] recreates the tree
//! and [`validate`] only checks it.

mod error;
mod parse;
mod restore;
mod write;

pub use error::{NarError, NarErrorKind};
pub use parse::{NarSink, parse, validate};
pub use restore::restore;
pub use write::{Keep, dump_filtered, dump_path, hash_path, hash_regular, keep_all};
pub(crate) use write::{NarDigest, digest_path};

/// The first string of every archive.
const MAGIC: &[u8] = b"nix-archive-1";

/// Longest file name accepted in an archive (the usual file-system limit, `NAME_MAX`).
const MAX_NAME_LEN: u64 = 255;

/// Longest symlink target accepted in an archive (`PATH_MAX` minus its terminating NUL).
const MAX_TARGET_LEN: u64 = 4095;

/// Longest keyword of the format (`executable`, `directory`), and so the most read for one.
const MAX_TAG_LEN: u64 = 16;
