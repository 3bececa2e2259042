//! File locks (`flock`): per-path locks, an exclusive lock on
//! `<state>/locks/<base name>.lock` held while a path is being installed so that two
//! threads or processes adding the same path take turns; and the collector's lock on
//! `<state>/gc.lock` (see `temp_roots.rs` for that protocol). Lock files are left in
//! place (deleting them would let a waiter lock a file that is no longer the one others
//! open).

use super::error::{StoreError, io_err};
use crate::store_path::StorePath;
use rustix::fs::{FlockOperation, flock};
use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// A held lock; dropping it (closing the file) releases the lock.
pub(crate) struct FileLock {
    _file: File,
}

/// Opens (creating) `lock_path` and blocks until this process holds `op` on it.
pub(crate) fn lock_file(lock_path: &Path, op: FlockOperation) -> Result<FileLock, StoreError> {
    let file = open_lock_file(lock_path)?;
    lock_open_file(&file, op, lock_path)?;
    Ok(FileLock { _file: file })
}

/// Opens `path` for locking (read-write, mode 0600), creating it if missing.
pub(crate) fn open_lock_file(path: &Path) -> Result<File, StoreError> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path)
        .map_err(io_err("cannot open lock file", path))
}

/// Takes `op` on the open `file` (named `path` in errors), retrying when interrupted.
pub(crate) fn lock_open_file(file: &File, op: FlockOperation, path: &Path) -> Result<(), StoreError> {
    loop {
        match flock(file, op) {
            Ok(()) => return Ok(()),
            Err(rustix::io::Errno::INTR) => continue,
            Err(e) => return Err(io_err("cannot lock", path)(io::Error::from(e))),
        }
    }
}

/// Takes the lock for `path` if nobody holds it; `None` when somebody does.
pub(crate) fn try_lock_path(lock_dir: &Path, path: &StorePath) -> Result<Option<FileLock>, StoreError> {
    let lock_path = lock_file_of(lock_dir, path);
    let file = open_lock_file(&lock_path)?;
    match lock_open_file(&file, FlockOperation::NonBlockingLockExclusive, &lock_path) {
        Ok(()) => Ok(Some(FileLock { _file: file })),
        Err(StoreError::Io { source, .. }) if source.kind() == io::ErrorKind::WouldBlock => Ok(None),
        Err(e) => Err(e),
    }
}

/// Blocks until this process holds the lock for `path`.
pub(crate) fn lock_path(lock_dir: &Path, path: &StorePath) -> Result<FileLock, StoreError> {
    lock_file(&lock_file_of(lock_dir, path), FlockOperation::LockExclusive)
}

/// The lock file of store path `path`.
fn lock_file_of(lock_dir: &Path, path: &StorePath) -> std::path::PathBuf {
    lock_dir.join(format!("{}.lock", path.base_name()))
}
