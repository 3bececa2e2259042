//! Temporary roots: store paths a running process is adding or using, which the
//! collector must keep although nothing permanent refers to them.
//!
//! Each process records its temporary roots in `<state>/temproots/<pid>` as store paths
//! each followed by a NUL byte (as the reference). The process creates that file once
//! and holds an exclusive `flock` on it until it exits; the file stays open for the
//! whole life of the process (in a process-wide table, so that two `LocalStore`s of one
//! store in one process share it instead of locking each other out). A collector reads
//! every file in `temproots/`: one it can lock belongs to a dead process and is deleted,
//! the paths in the others are roots.
//!
//! # The protocol between a collector and everybody else
//!
//! `<state>/gc.lock` orders them:
//! - the collector holds an exclusive lock on it from before it reads any root until it
//!   has deleted its last path;
//! - adding a temporary root holds a shared lock while the root is written (and while
//!   the temporary roots file is created, so a collector never deletes a file its owner
//!   has just created but not yet locked);
//! - making a path valid (renaming a staged object into place and registering it)
//!   holds the shared lock across both steps, with the path added as a temporary root
//!   first.
//!
//! So a collector either finishes before a root is recorded (and the caller, which
//! checks validity only after `add_temp_root` returns, sees the path gone), or it starts
//! afterwards and reads the root. A path appears in the store directory unregistered
//! only under the shared lock or under a staging name (`.tmp-<pid>-<n>`), which the
//! collector leaves alone while that pid runs; a builder writing an output at its final
//! name must make it a temporary root first, since the collector keeps every store entry
//! named by a temporary root, valid or not. Files of roots are written without `fsync`:
//! they only matter to collectors on the same running system.

use super::LocalStore;
use super::error::{StoreError, io_err};
use super::lock::{FileLock, lock_file, lock_open_file, open_lock_file};
use crate::store_path::{HASH_CHARS, StorePath};
use rustix::fs::FlockOperation;
use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs::{self, File};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

/// This process's temporary roots file of one store, the roots written to it (by hash
/// part, which is all that tells store paths apart, to keep the set small), and its own
/// descriptor of the store's `gc.lock` for taking the lock shared.
struct TempRootsFile {
    file: File,
    gc_lock: File,
    written: HashSet<HashPart>,
}

/// The hash part of a store path, as its 32 characters.
type HashPart = [u8; HASH_CHARS];

fn hash_part(path: &StorePath) -> Option<HashPart> {
    path.hash_part().as_bytes().try_into().ok()
}

/// The temporary roots files of this process, by (canonical) `temproots` directory.
/// They are never closed: closing one would release its lock and with it the roots.
/// The table's mutex is held while a shared lock is taken on an entry's `gc_lock`, so
/// threads never release each other's hold.
static FILES: Mutex<BTreeMap<PathBuf, TempRootsFile>> = Mutex::new(BTreeMap::new());

/// Releases a shared hold of `gc.lock` when dropped.
struct SharedHold<'a>(&'a File);

impl Drop for SharedHold<'_> {
    fn drop(&mut self) {
        // Unlocking a held flock cannot fail; if it did, closing at exit releases it.
        let _ = rustix::fs::flock(self.0, FlockOperation::Unlock);
    }
}

impl LocalStore {
    /// Makes `path` a temporary root: no garbage collection deletes it (or, if it is not
    /// valid yet, anything at its place in the store directory) while this process runs.
    /// A path found valid after this returns stays valid.
    pub fn add_temp_root(&self, path: &StorePath) -> Result<(), StoreError> {
        // A root written before is seen by every collection that starts from now on.
        let files = FILES.lock().unwrap_or_else(PoisonError::into_inner);
        if files
            .get(&self.temp_roots_dir)
            .is_some_and(|f| hash_part(path).is_some_and(|h| f.written.contains(&h)))
        {
            return Ok(());
        }
        drop(files);
        self.with_temp_roots([path], || Ok(()))
    }

    /// Forgets this process's temporary roots of this store: for a process that no
    /// longer uses the paths it added or rooted, before it collects garbage itself.
    pub fn clear_temp_roots(&self) -> Result<(), StoreError> {
        let mut files = FILES.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(entry) = files.get_mut(&self.temp_roots_dir) else { return Ok(()) };
        let gc_lock_path = self.gc_lock_path();
        lock_open_file(&entry.gc_lock, FlockOperation::LockShared, &gc_lock_path)?;
        let _hold = SharedHold(&entry.gc_lock);
        let file_path = self.own_temp_roots_file();
        entry.file.set_len(0).map_err(io_err("cannot truncate", &file_path))?;
        (&entry.file).seek(SeekFrom::Start(0)).map_err(io_err("cannot rewind", &file_path))?;
        entry.written.clear();
        Ok(())
    }

    /// Under a shared hold of the collector's lock, records `paths` as temporary roots
    /// and then runs `f` (which may make them valid; it must not add temporary roots).
    pub(super) fn with_temp_roots<'a, T>(
        &self,
        paths: impl IntoIterator<Item = &'a StorePath>,
        f: impl FnOnce() -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut files = FILES.lock().unwrap_or_else(PoisonError::into_inner);
        let dir = &self.temp_roots_dir;
        let gc_lock_path = self.gc_lock_path();
        let file_path = self.own_temp_roots_file();
        let entry = match files.entry(dir.clone()) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => {
                let gc_lock = open_lock_file(&gc_lock_path)?;
                // Created under the shared hold: see the module documentation.
                lock_open_file(&gc_lock, FlockOperation::LockShared, &gc_lock_path)?;
                let hold = SharedHold(&gc_lock);
                let file = create_own_file(&file_path)?;
                drop(hold);
                e.insert(TempRootsFile { file, gc_lock, written: HashSet::new() })
            }
        };
        lock_open_file(&entry.gc_lock, FlockOperation::LockShared, &gc_lock_path)?;
        let _hold = SharedHold(&entry.gc_lock);
        let mut bytes = Vec::new();
        let mut new = Vec::new();
        for path in paths {
            let key = hash_part(path);
            if !key.is_some_and(|h| entry.written.contains(&h)) {
                bytes.extend_from_slice(path.to_absolute().as_bytes());
                bytes.push(0);
                new.extend(key);
            }
        }
        if !bytes.is_empty() {
            (&entry.file).write_all(&bytes).map_err(io_err("cannot write", &file_path))?;
            entry.written.extend(new);
        }
        f()
    }

    /// `temproots/<pid>` of this process.
    fn own_temp_roots_file(&self) -> PathBuf {
        self.temp_roots_dir.join(std::process::id().to_string())
    }

    fn gc_lock_path(&self) -> PathBuf {
        self.state_dir.join("gc.lock")
    }

    /// Blocks until this process holds the collector's lock exclusively.
    pub(super) fn gc_lock_exclusive(&self) -> Result<FileLock, StoreError> {
        lock_file(&self.gc_lock_path(), FlockOperation::LockExclusive)
    }

    /// The temporary roots of every running process; deletes the files of dead ones.
    /// The caller holds the collector's lock exclusively.
    pub(super) fn read_temp_roots(&self) -> Result<BTreeSet<StorePath>, StoreError> {
        let mut roots = BTreeSet::new();
        let dir = &self.temp_roots_dir;
        for entry in fs::read_dir(dir).map_err(io_err("cannot read directory", dir))? {
            let path = entry.map_err(io_err("cannot read directory", dir))?.path();
            let mut file = match File::open(&path) {
                Ok(file) => file,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(io_err("cannot open", &path)(e)),
            };
            match rustix::fs::flock(&file, FlockOperation::NonBlockingLockExclusive) {
                Ok(()) => match fs::remove_file(&path) {
                    Err(e) if e.kind() != io::ErrorKind::NotFound => {
                        return Err(io_err("cannot delete stale temporary roots", &path)(e));
                    }
                    _ => continue,
                },
                Err(rustix::io::Errno::WOULDBLOCK) => {}
                Err(e) => return Err(io_err("cannot lock", &path)(e.into())),
            }
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).map_err(io_err("cannot read", &path))?;
            // A malformed entry (never written by a store of ours) roots nothing.
            let text = String::from_utf8_lossy(&bytes);
            roots.extend(text.split('\0').filter_map(|p| StorePath::parse(p).ok()));
        }
        Ok(roots)
    }
}

/// Creates (or takes over from a dead process that had our pid) this process's
/// temporary roots file, locked for as long as the process runs.
fn create_own_file(path: &Path) -> Result<File, StoreError> {
    let file = open_lock_file(path)?;
    lock_open_file(&file, FlockOperation::NonBlockingLockExclusive, path)?;
    file.set_len(0).map_err(io_err("cannot truncate", path))?;
    Ok(file)
}
