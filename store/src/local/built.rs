//! Making a build's outputs valid. The builder holds the locks of a derivation's output
//! paths for the whole build ([`LocalStore::try_lock_paths`]), so no other process builds
//! or installs them meanwhile; each output the builder produced is moved into the store
//! under a staging name and canonicalised ([`LocalStore::stage_built`]), hashed and
//! checked by the caller, and then all outputs are renamed into place and registered in
//! one transaction ([`LocalStore::install_built`]). A crash before the transaction
//! leaves only unregistered staging entries or leftovers, which are ignored and replaced.

use super::LocalStore;
use super::add::Staging;
use super::error::{StoreError, io_err};
use super::fs_tree::{canonicalise_tree, remove_tree, sync_path};
use super::lock::{FileLock, try_lock_path};
use super::path_info::PathInfo;
use crate::store_path::StorePath;
use std::collections::BTreeSet;
use std::fs::{self, Permissions};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// The locks of some store paths, held until dropped.
pub struct PathLocks {
    _locks: Vec<FileLock>,
}

/// A built output moved into the store directory under a staging name, canonicalised,
/// not valid yet; dropping it deletes it.
pub struct StagedOutput {
    staging: Staging,
}

impl StagedOutput {
    /// Where the output is on disk now.
    pub fn path(&self) -> &Path {
        &self.staging.path
    }
}

impl LocalStore {
    /// Takes the locks of all `paths` if none is held elsewhere, without waiting;
    /// `None` (holding nothing) when one is.
    pub fn try_lock_paths(&self, paths: &BTreeSet<StorePath>) -> Result<Option<PathLocks>, StoreError> {
        let dir = self.lock_dir();
        let mut locks = Vec::with_capacity(paths.len());
        for path in paths {
            match try_lock_path(&dir, path)? {
                Some(lock) => locks.push(lock),
                None => return Ok(None),
            }
        }
        Ok(Some(PathLocks { _locks: locks }))
    }

    /// Moves the output a builder left at `location` (on the store's file system) into
    /// the store directory under a staging name and gives it the canonical metadata.
    pub fn stage_built(&self, location: &Path) -> Result<StagedOutput, StoreError> {
        let staging = self.new_staging()?;
        let meta = fs::symlink_metadata(location).map_err(io_err("cannot read", location))?;
        // Moving a directory to another parent needs write permission on it.
        if meta.is_dir() && meta.permissions().mode() & 0o200 == 0 {
            let mode = meta.permissions().mode() | 0o200;
            fs::set_permissions(location, Permissions::from_mode(mode))
                .map_err(io_err("cannot make writable", location))?;
        }
        fs::rename(location, &staging.path).map_err(io_err("cannot move into the store", location))?;
        canonicalise_tree(&staging.path)?;
        Ok(StagedOutput { staging })
    }

    /// Renames each staged output to its path and registers all of them in one
    /// transaction, under the collector's lock with the outputs made temporary roots
    /// (see `temp_roots.rs`). The caller holds the locks of the paths (from
    /// [`Self::try_lock_paths`]). An output whose path is valid already (a fixed output
    /// someone else produced) is left as it is.
    pub fn install_built(
        &self,
        _locks: &PathLocks,
        outputs: Vec<(StagedOutput, PathInfo)>,
    ) -> Result<(), StoreError> {
        self.with_temp_roots(outputs.iter().map(|(_, info)| &info.path), || {
            let mut infos = Vec::new();
            for (staged, info) in &outputs {
                if self.is_valid(&info.path)? {
                    continue;
                }
                let real = self.real_path(&info.path);
                remove_tree(&real)?;
                fs::rename(staged.path(), &real).map_err(io_err("cannot move into place", &real))?;
                infos.push(info.clone());
            }
            sync_path(&self.store_dir)?;
            self.db.register(&infos)
        })
    }
}
