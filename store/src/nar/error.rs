//! Errors from reading or restoring a NAR, each tied to the byte offset where it arose.

use std::path::PathBuf;

/// What went wrong while reading or restoring an archive.
#[derive(Debug, thiserror::Error)]
pub enum NarErrorKind {
    #[error("input doesn't look like a Nix archive (bad magic string)")]
    BadMagic,
    #[error("expected {expected}, got '{found}'")]
    UnexpectedTag { expected: &'static str, found: String },
    #[error("unknown file type '{0}'")]
    UnknownType(String),
    #[error("executable marker has non-empty value")]
    NonEmptyExecutableMarker,
    #[error("{what} is {len} bytes long, more than the maximum of {max}")]
    TooLong { what: &'static str, len: u64, max: u64 },
    #[error("non-zero padding")]
    NonZeroPadding,
    #[error("unexpected end of archive")]
    UnexpectedEof,
    #[error("NAR contains invalid file name '{name}': {why}")]
    InvalidName { name: String, why: &'static str },
    #[error("NAR directory is not sorted: '{name}' comes after '{previous}'")]
    Unsorted { previous: String, name: String },
    #[error("NAR directory contains '{0}' twice")]
    Duplicate(String),
    #[error("NAR contains an invalid symlink target '{target}': {why}")]
    InvalidTarget { target: String, why: &'static str },
    #[error("cannot read the archive: {0}")]
    Read(#[source] std::io::Error),
    #[error("cannot restore '{path}': {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl NarErrorKind {
    /// Ties this error to the archive offset where it was found.
    pub(crate) fn at(self, offset: u64) -> NarError {
        NarError { kind: self, offset }
    }
}

/// An archive error and the byte offset (from the start of the archive) of the field
/// that caused it.
#[derive(Debug, thiserror::Error)]
#[error("{kind} (at byte {offset} of the NAR)")]
pub struct NarError {
    kind: NarErrorKind,
    offset: u64,
}

impl NarError {
    pub fn kind(&self) -> &NarErrorKind {
        &self.kind
    }

    /// Byte offset of the offending field from the start of the archive.
    pub fn offset(&self) -> u64 {
        self.offset
    }
}
