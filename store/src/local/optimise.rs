//! Optimising the store (`nix-store --optimise`, `auto-optimise-store`): identical
//! files of valid paths are made hard links to one inode.
//!
//! Every regular file and symlink of a path is named by the SHA-256 of its NAR
//! serialisation (so contents, the executable bit and symlink targets all count), in
//! nix32, as `<store>/.links/<name>`. The first file met with a name becomes that
//! entry (a hard link); a later one is replaced by a hard link to it: the entry is
//! linked to a staging name in the store directory, which is renamed over the file
//! (its directory made writable meanwhile, then given back its mode and mtime 1).
//! Writable files are skipped with the reference's warning; a file system that refuses
//! a hard link (too many links, another device, not permitted) only means a file is not
//! shared. Each path is optimised under a shared hold of the collector's lock (see
//! `temp_roots.rs`), so a collection never sees a path half-optimised and the
//! collector's pruning of `.links` never races with a new link.

use super::LocalStore;
use super::add::nar_digest;
use super::error::{StoreError, io_err};
use super::fs_tree::set_store_mtime;
use crate::store_path::StorePath;
use std::collections::HashSet;
use std::fs::{self, Permissions};
use std::io;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The directory of shared inodes, inside the store directory.
pub(super) const LINKS_DIR: &str = ".links";

/// What optimising did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OptimiseStats {
    /// Files replaced by a hard link to an identical one.
    pub files_linked: u64,
    /// The sizes of the files replaced.
    pub bytes_saved: u64,
    /// Files left alone and why, in the reference's words (without "warning: ").
    pub warnings: Vec<String>,
}

impl LocalStore {
    /// Optimises every valid path.
    pub fn optimise(&self) -> Result<OptimiseStats, StoreError> {
        let mut optimiser = Optimiser::new(self);
        // Files already sharing an entry's inode are skipped without being hashed.
        let dir = &optimiser.links_dir;
        for entry in fs::read_dir(dir).map_err(io_err("cannot read directory", dir))? {
            let entry = entry.map_err(io_err("cannot read directory", dir))?;
            optimiser.linked.insert(entry.metadata().map_err(io_err("cannot read", entry.path()))?.ino());
        }
        for path in self.query_all_valid_paths()? {
            // A path a collection deleted meanwhile is skipped.
            optimiser.path(&path)?;
        }
        Ok(optimiser.stats)
    }

    /// Optimises the valid path `path` (what `auto-optimise-store` does after a build).
    pub fn optimise_path(&self, path: &StorePath) -> Result<OptimiseStats, StoreError> {
        let mut optimiser = Optimiser::new(self);
        if !optimiser.path(path)? {
            return Err(StoreError::NotValid(path.clone()));
        }
        Ok(optimiser.stats)
    }
}

/// One optimisation run.
struct Optimiser<'a> {
    store: &'a LocalStore,
    links_dir: PathBuf,
    /// Inodes known to be `.links` entries.
    linked: HashSet<u64>,
    stats: OptimiseStats,
}

/// Whether a hard link failed because the file system will not make it here (too many
/// links, another device, not permitted): the file is then left unshared.
fn link_refused(e: &io::Error) -> bool {
    let refusals = [rustix::io::Errno::MLINK, rustix::io::Errno::XDEV, rustix::io::Errno::PERM];
    e.raw_os_error().is_some_and(|code| refusals.iter().any(|r| r.raw_os_error() == code))
}

impl<'a> Optimiser<'a> {
    fn new(store: &'a LocalStore) -> Optimiser<'a> {
        let links_dir = store.store_dir.join(LINKS_DIR);
        Optimiser { store, links_dir, linked: HashSet::new(), stats: OptimiseStats::default() }
    }

    /// Optimises `path` if it is valid; returns whether it was.
    fn path(&mut self, path: &StorePath) -> Result<bool, StoreError> {
        let store = self.store;
        store.with_temp_roots(std::iter::empty(), || {
            if !store.is_valid(path)? {
                return Ok(false);
            }
            let real = store.real_path(path);
            self.entry(&real, false)?;
            Ok(true)
        })
    }

    /// Optimises the entry at `path`; `in_object` says whether its directory belongs to
    /// the object (not the store directory itself).
    fn entry(&mut self, path: &Path, in_object: bool) -> Result<(), StoreError> {
        let meta = fs::symlink_metadata(path).map_err(io_err("cannot read", path))?;
        if meta.is_dir() {
            for child in fs::read_dir(path).map_err(io_err("cannot read directory", path))? {
                self.entry(&child.map_err(io_err("cannot read directory", path))?.path(), true)?;
            }
            return Ok(());
        }
        if meta.is_file() && meta.mode() & 0o222 != 0 {
            self.stats.warnings.push(format!("skipping suspicious writable file '\"{}\"'", path.display()));
            return Ok(());
        }
        if self.linked.contains(&meta.ino()) {
            return Ok(());
        }
        let (hash, _, _) = nar_digest(path, None)?;
        let link = self.links_dir.join(hash.to_nix32());
        match fs::hard_link(path, &link) {
            Ok(()) => {
                self.linked.insert(meta.ino());
                return Ok(());
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) if link_refused(&e) => {
                self.refused(path, e);
                return Ok(());
            }
            Err(e) => return Err(io_err("cannot create link", link)(e)),
        }
        let link_meta = fs::symlink_metadata(&link).map_err(io_err("cannot read", &link))?;
        if link_meta.ino() == meta.ino() {
            self.linked.insert(meta.ino());
            return Ok(());
        }
        if link_meta.len() != meta.len() {
            // Not what its name says: a later run makes a good entry.
            self.stats.warnings.push(format!("removing corrupted link '\"{}\"'", link.display()));
            return fs::remove_file(&link).map_err(io_err("cannot delete", &link));
        }
        let staging = self.store.new_staging()?;
        if let Err(e) = fs::hard_link(&link, &staging.path) {
            if !link_refused(&e) {
                return Err(io_err("cannot create link", &staging.path)(e));
            }
            self.refused(path, e);
            return Ok(());
        }
        self.linked.insert(link_meta.ino());
        let replace = || fs::rename(&staging.path, path).map_err(io_err("cannot replace with a link", path));
        match path.parent().filter(|_| in_object) {
            Some(dir) => with_writable_dir(dir, replace)?,
            None => replace()?,
        }
        self.stats.files_linked += 1;
        self.stats.bytes_saved += meta.len();
        Ok(())
    }

    /// Notes a refused hard link (too many links is common and not worth a warning).
    fn refused(&mut self, path: &Path, e: io::Error) {
        if e.raw_os_error() != Some(rustix::io::Errno::MLINK.raw_os_error()) {
            self.stats
                .warnings
                .push(format!("cannot hard-link '{}', leaving it unshared: {e}", path.display()));
        }
    }
}

/// Runs `f` with `dir` made writable, then gives `dir` back its mode and the store's
/// mtime (which the change inside it moved).
fn with_writable_dir(dir: &Path, f: impl FnOnce() -> Result<(), StoreError>) -> Result<(), StoreError> {
    let mode = fs::symlink_metadata(dir).map_err(io_err("cannot read", dir))?.mode() & 0o7777;
    let set_mode = |mode| fs::set_permissions(dir, Permissions::from_mode(mode));
    set_mode(mode | 0o200).map_err(io_err("cannot make writable", dir))?;
    let result = f();
    set_mode(mode).map_err(io_err("cannot set permissions of", dir))?;
    set_store_mtime(dir)?;
    result
}
