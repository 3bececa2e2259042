//! Garbage-collector roots. A permanent root is a symlink the user names (`result`,
//! `--add-root PATH`) pointing into the store, made known to the collector by an
//! indirect root: a symlink to it in `gcroots/auto/` under the store's state directory,
//! named by the hash of its path (as the reference names them).
//!
//! A root's link points at the object's physical place, which is `/nix/store/...`
//! only when the store's root is `/`: a link into a store kept elsewhere must still
//! resolve on the host.

use super::LocalStore;
use super::error::{StoreError, io_err};
use crate::hash::{Hash, HashAlgo};
use crate::store_path::StorePath;
use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

impl LocalStore {
    /// Makes `link` a symlink to `path` (replacing a symlink already there, never
    /// anything else) and registers it as an indirect root. Returns `link` made
    /// absolute.
    pub fn add_perm_root(&self, path: &StorePath, link: &Path) -> Result<PathBuf, StoreError> {
        let link = std::path::absolute(link).map_err(io_err("cannot resolve", link))?;
        match fs::symlink_metadata(&link) {
            Ok(meta) if meta.file_type().is_symlink() => {
                fs::remove_file(&link).map_err(io_err("cannot replace", &link))?;
            }
            Ok(_) => return Err(StoreError::RootExists(link)),
            Err(_) => {}
        }
        symlink(self.real_path(path), &link).map_err(io_err("cannot create symlink", &link))?;
        self.add_indirect_root(&link)?;
        Ok(link)
    }

    /// Registers the symlink `link` (absolute) as an indirect root.
    pub fn add_indirect_root(&self, link: &Path) -> Result<(), StoreError> {
        let dir = self.state_dir.join("gcroots/auto");
        fs::create_dir_all(&dir).map_err(io_err("cannot create directory", &dir))?;
        let name = Hash::digest(HashAlgo::Sha1, link.as_os_str().as_encoded_bytes()).to_nix32();
        let entry = dir.join(name);
        if fs::read_link(&entry).is_ok_and(|target| target == link) {
            return Ok(());
        }
        let _ = fs::remove_file(&entry);
        symlink(link, &entry).map_err(io_err("cannot create symlink", &entry))
    }
}
