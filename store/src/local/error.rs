//! Errors of the local store. Each names the path or database involved and what was
//! expected there.

use crate::nar::NarError;
use crate::store_path::{StorePath, StorePathError};
use std::io;
use std::path::PathBuf;

/// Why a local store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{action} '{path}': {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("store database '{path}': {source}")]
    Db {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("store database '{db}' holds a malformed {field} for path '{path}': '{value}'")]
    BadRow { db: PathBuf, path: String, field: &'static str, value: String },
    #[error("cannot find the store root: set FERRIX_STORE, XDG_DATA_HOME or HOME")]
    NoRoot,
    #[error("path '{0}' is not valid")]
    NotValid(StorePath),
    #[error("cannot make '{}' a root: it exists and is not a symlink", .0.display())]
    RootExists(std::path::PathBuf),
    #[error(transparent)]
    StorePath(#[from] StorePathError),
    #[error("file '{0}' has an unsupported type")]
    UnsupportedFileType(PathBuf),
    #[error("cannot add '{0}' with flat hashing: it is not a regular file")]
    NotRegularFile(PathBuf),
    #[error("cannot add '{name}' with references: only recursive sha256 objects may have them")]
    ReferencesNotAllowed { name: String },
    #[error("cannot add '{0}' with the text ingestion method; use add_text")]
    TextMethod(String),
    /// The hashes are in the reference's `sha256:<nix32>` form.
    #[error("hash mismatch importing path '{path}';\n  specified: {expected}\n  got:       {got}")]
    NarHashMismatch { path: StorePath, expected: String, got: String },
    #[error("size mismatch importing path '{path}';\n  specified: {expected}\n  got:       {got}")]
    NarSizeMismatch { path: StorePath, expected: u64, got: u64 },
    #[error("cannot import path '{path}': its NAR hash must be sha256, not {algo}")]
    NarHashAlgo { path: StorePath, algo: crate::hash::HashAlgo },
    /// The reference's refusal of `nix-store --delete`, word for word.
    #[error(
        "Cannot delete path '{0}' since it is still alive. To find out why, use: nix-store --query --roots and nix-store --query --referrers"
    )]
    StillAlive(StorePath),
    #[error("the thread writing store objects panicked")]
    WriterPanicked,
    #[error(transparent)]
    Cycle(#[from] crate::topo::CycleError),
    #[error("cannot restore NAR into '{path}': {source}")]
    Nar {
        path: PathBuf,
        #[source]
        source: NarError,
    },
}

/// `io::Error` → [`StoreError::Io`] with what was being done and to which path.
pub(crate) fn io_err(action: &'static str, path: impl Into<PathBuf>) -> impl FnOnce(io::Error) -> StoreError {
    let path = path.into();
    move |source| StoreError::Io { action, path, source }
}
