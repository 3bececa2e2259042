//! Per-path locks: an exclusive `flock` on `<state>/locks/<base name>.lock`, held while a
//! path is being installed so that two threads or processes adding the same path take
//! turns. Lock files are left in place (deleting them would let a waiter lock a file that
//! is no longer the one others open).

use super::error::{StoreError, io_err};
use crate::store_path::StorePath;
use rustix::fs::{FlockOperation, flock};
use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// A held lock; dropping it releases the lock.
pub(crate) struct PathLock {
    _file: File,
}

impl PathLock {
    /// Blocks until this process holds the lock for `path`.
    pub(crate) fn acquire(lock_dir: &Path, path: &StorePath) -> Result<PathLock, StoreError> {
        let lock_path = lock_dir.join(format!("{}.lock", path.base_name()));
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(&lock_path)
            .map_err(io_err("cannot open lock file", &lock_path))?;
        loop {
            match flock(&file, FlockOperation::LockExclusive) {
                Ok(()) => return Ok(PathLock { _file: file }),
                Err(rustix::io::Errno::INTR) => continue,
                Err(e) => return Err(io_err("cannot lock", &lock_path)(io::Error::from(e))),
            }
        }
    }
}
