//! Adding objects to the store: from a file tree (`nix-store --add` / `--add-fixed`), from
//! text (`builtins.toFile`, `.drv` files) and from a NAR stream with known info. All go
//! through one install step: stage under `.tmp-<pid>-<n>` in the store directory,
//! canonicalise and sync, then under the path's lock rename into place (replacing an
//! unregistered leftover) and register in one transaction.

use super::LocalStore;
use super::error::{StoreError, io_err};
use super::fs_tree::{canonicalise_tree, copy_tree, remove_tree, sync_path};
use super::lock::lock_path;
use super::path_info::{PathInfo, content_address, text_info};
use crate::content::content_hash;
use crate::hash::{Hash, HashAlgo, HashEncoding};
use crate::nar;
use crate::store_path::{FileIngestionMethod, StorePath, check_name, make_fixed_output_path};
use rustix::process::{Pid, test_kill_process};
use std::collections::BTreeSet;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Prefix of staging entries in the store directory.
const TEMP_PREFIX: &str = ".tmp-";

/// Distinguishes the staging entries of one process.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// A staging entry, deleted when dropped unless it has been renamed away.
pub(super) struct Staging {
    pub(super) path: PathBuf,
}

impl Drop for Staging {
    fn drop(&mut self) {
        // Best effort: a leftover is unregistered garbage that `remove_stale_temporaries`
        // or a later garbage collection deletes.
        let _ = remove_tree(&self.path);
    }
}

/// The NAR hash and size of `path`, and the NAR's hash with `other` when given.
pub(super) fn nar_digest(
    path: &Path,
    other: Option<HashAlgo>,
) -> Result<(Hash, u64, Option<Hash>), StoreError> {
    nar::digest_path(path, other).map_err(io_err("cannot serialise", path))
}

/// The hash of a regular file's contents.
fn file_digest(path: &Path, algo: HashAlgo) -> Result<Hash, StoreError> {
    content_hash(path, FileIngestionMethod::Flat, algo, &nar::keep_all).map_err(io_err("cannot read", path))
}

/// The pid in a staging entry's name `.tmp-<pid>-<n>`.
fn staging_owner(entry_name: &str) -> Option<i32> {
    entry_name.strip_prefix(TEMP_PREFIX)?.split_once('-')?.0.parse().ok()
}

/// For a staging entry's name, whether the process that made it still runs; `None` for
/// any other name.
pub(super) fn staging_owner_alive(entry_name: &str) -> Option<bool> {
    staging_owner(entry_name).map(process_alive)
}

/// Whether process `pid` still runs (it exists, whether or not it may be signalled).
pub fn process_alive(pid: i32) -> bool {
    Pid::from_raw(pid).is_some_and(|pid| !matches!(test_kill_process(pid), Err(rustix::io::Errno::SRCH)))
}

impl LocalStore {
    /// Adds the file tree at `src` as a content-addressed path named `name`, hashed with
    /// `method` (flat: the bytes of a regular file; recursive: the NAR) and `algo`, as
    /// `nix-store --add` (recursive sha256) and `--add-fixed` do. Only recursive sha256
    /// objects may have `references`. Returns the path, valid afterwards.
    pub fn add_path(
        &self,
        src: &Path,
        name: &str,
        method: FileIngestionMethod,
        algo: HashAlgo,
        references: &BTreeSet<StorePath>,
    ) -> Result<StorePath, StoreError> {
        self.add_path_filtered(src, name, method, algo, references, &nar::keep_all)
    }

    /// [`LocalStore::add_path`], leaving out the entries below `src` that `keep` rejects
    /// (`builtins.path`, `builtins.filterSource`).
    pub fn add_path_filtered(
        &self,
        src: &Path,
        name: &str,
        method: FileIngestionMethod,
        algo: HashAlgo,
        references: &BTreeSet<StorePath>,
        keep: nar::Keep<'_>,
    ) -> Result<StorePath, StoreError> {
        check_name(name)?;
        let is_source = method == FileIngestionMethod::Recursive && algo == HashAlgo::Sha256;
        if method == FileIngestionMethod::Text {
            return Err(StoreError::TextMethod(name.to_owned()));
        }
        if !references.is_empty() && !is_source {
            return Err(StoreError::ReferencesNotAllowed { name: name.to_owned() });
        }
        if method == FileIngestionMethod::Flat
            && !fs::symlink_metadata(src).map_err(io_err("cannot read", src))?.is_file()
        {
            return Err(StoreError::NotRegularFile(src.to_owned()));
        }
        let staging = self.new_staging()?;
        copy_tree(src, &staging.path, keep)?;
        let extra = (method == FileIngestionMethod::Recursive && !is_source).then_some(algo);
        let (nar_hash, nar_size, nar_other) = nar_digest(&staging.path, extra)?;
        let content_hash = match (method, nar_other) {
            (FileIngestionMethod::Flat, _) => file_digest(&staging.path, algo)?,
            (_, Some(other)) => other,
            (_, None) => nar_hash,
        };
        let path = make_fixed_output_path(name, method, &content_hash, references, false)?;
        let mut info = PathInfo::new(path, nar_hash, nar_size);
        info.references = references.clone();
        info.ca = Some(content_address(method, &content_hash));
        self.install(staging, info)
    }

    /// Adds `text` as a text object named `name` with `references` (what
    /// `builtins.toFile` and derivation writing do). Returns the path, valid afterwards.
    pub fn add_text(
        &self,
        name: &str,
        text: &str,
        references: &BTreeSet<StorePath>,
    ) -> Result<StorePath, StoreError> {
        let info = text_info(name, text, references)?;
        self.add_temp_root(&info.path)?;
        if self.is_valid(&info.path)? {
            return Ok(info.path);
        }
        let staging = self.new_staging()?;
        fs::write(&staging.path, text).map_err(io_err("cannot write", &staging.path))?;
        self.install(staging, info)
    }

    /// Restores the NAR read from `nar` as `info.path` and registers it with `info`,
    /// after checking the NAR hash and size of what was restored against `info`. When
    /// the path is already valid nothing is read.
    pub fn add_nar(&self, info: &PathInfo, nar: &mut impl Read) -> Result<(), StoreError> {
        if info.nar_hash.algo() != HashAlgo::Sha256 {
            return Err(StoreError::NarHashAlgo { path: info.path.clone(), algo: info.nar_hash.algo() });
        }
        self.add_temp_root(&info.path)?;
        if self.is_valid(&info.path)? {
            return Ok(());
        }
        let staging = self.new_staging()?;
        nar::restore(nar, &staging.path)
            .map_err(|source| StoreError::Nar { path: self.real_path(&info.path), source })?;
        let (got, size, _) = nar_digest(&staging.path, None)?;
        if got != info.nar_hash {
            return Err(StoreError::NarHashMismatch {
                path: info.path.clone(),
                expected: info.nar_hash.encode(HashEncoding::Nix32, true),
                got: got.encode(HashEncoding::Nix32, true),
            });
        }
        if size != info.nar_size {
            return Err(StoreError::NarSizeMismatch {
                path: info.path.clone(),
                expected: info.nar_size,
                got: size,
            });
        }
        self.install(staging, info.clone()).map(drop)
    }

    /// Writes the NAR serialisation of the valid path `path` to `out`.
    pub fn dump(&self, path: &StorePath, out: &mut impl Write) -> Result<(), StoreError> {
        if !self.is_valid(path)? {
            return Err(StoreError::NotValid(path.clone()));
        }
        let real = self.real_path(path);
        nar::dump_path(&real, out).map_err(io_err("cannot serialise", real))
    }

    /// Deletes staging entries left by processes that no longer run (for instance after
    /// a crash); returns how many were deleted.
    pub fn remove_stale_temporaries(&self) -> Result<usize, StoreError> {
        let mut removed = 0;
        let dir = &self.store_dir;
        for entry in fs::read_dir(dir).map_err(io_err("cannot read directory", dir))? {
            let entry = entry.map_err(io_err("cannot read directory", dir))?;
            if entry.file_name().to_str().and_then(staging_owner_alive) == Some(false) {
                remove_tree(&entry.path())?;
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// A fresh staging name in the store directory. A leftover of the same name can only
    /// come from a dead process that had our pid, so it is deleted.
    pub(super) fn new_staging(&self) -> Result<Staging, StoreError> {
        let staging = self.staging_name();
        remove_tree(&staging.path)?;
        Ok(staging)
    }

    /// A fresh staging name in the store directory (something may be there).
    pub(super) fn staging_name(&self) -> Staging {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        Staging { path: self.store_dir.join(format!("{TEMP_PREFIX}{}-{n}", std::process::id())) }
    }

    /// Makes the staged object valid as `info.path`: canonicalises and syncs it, then
    /// under the path's lock and the collector's lock (shared, with the path a temporary
    /// root), unless another process has made the path valid meanwhile, replaces any
    /// unregistered leftover at the final name, renames the staging entry there, syncs
    /// the store directory and registers `info`.
    fn install(&self, staging: Staging, info: PathInfo) -> Result<StorePath, StoreError> {
        self.add_temp_root(&info.path)?;
        if self.is_valid(&info.path)? {
            return Ok(info.path);
        }
        canonicalise_tree(&staging.path)?;
        let _lock = lock_path(&self.lock_dir(), &info.path)?;
        self.with_temp_roots([&info.path], || {
            if self.is_valid(&info.path)? {
                return Ok(());
            }
            let real = self.real_path(&info.path);
            remove_tree(&real)?;
            fs::rename(&staging.path, &real).map_err(io_err("cannot move into place", &real))?;
            sync_path(&self.store_dir)?;
            self.db.register(std::slice::from_ref(&info))
        })?;
        Ok(info.path)
    }
}
