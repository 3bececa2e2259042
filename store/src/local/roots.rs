//! Garbage-collector roots. A permanent root is a symlink the user names (`result`,
//! `--add-root PATH`) pointing into the store, made known to the collector by an
//! indirect root: a symlink to it in `gcroots/auto/` under the store's state directory,
//! named by the hash of its path (as the reference names them).
//!
//! A root's link points at the object's physical place, which is `/nix/store/...`
//! only when the store's root is `/`: a link into a store kept elsewhere must still
//! resolve on the host.
//!
//! Finding roots (for the collector) walks everything under `<state>/gcroots/`: a
//! symlink into the store (its physical directory or `/nix/store`; a target inside an
//! object roots the whole object) is a root; a symlink elsewhere is an indirect root,
//! followed one level: if that is a symlink into the store, it is the root. An indirect
//! root in `gcroots/auto/` whose link is gone is deleted; a regular file named like a
//! store path roots that path. Roots of paths that are not valid are skipped. What is
//! deleted or skipped is reported in the reference's words.

use super::LocalStore;
use super::error::{StoreError, io_err};
use super::gc::GcLog;
use crate::hash::{Hash, HashAlgo};
use crate::store_path::StorePath;
use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

/// Roots found: link (or file) path → the store path it roots.
pub(super) type Roots = BTreeMap<PathBuf, StorePath>;

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
        let dir = self.auto_roots_dir();
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

impl LocalStore {
    fn auto_roots_dir(&self) -> PathBuf {
        self.state_dir.join("gcroots/auto")
    }

    /// The permanent roots of valid paths; `log` gets the reference's notes on stale
    /// indirect roots deleted and invalid roots skipped.
    pub(super) fn find_roots(&self, log: GcLog<'_>) -> Result<Roots, StoreError> {
        let mut finder = RootFinder {
            store: self,
            store_dir_real: fs::canonicalize(&self.store_dir).ok(),
            auto_dir: self.auto_roots_dir(),
            roots: Roots::new(),
            log,
        };
        let mut dirs = vec![self.state_dir.join("gcroots")];
        while let Some(dir) = dirs.pop() {
            let entries = match fs::read_dir(&dir) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                other => other.map_err(io_err("cannot read directory", &dir))?,
            };
            for entry in entries {
                let entry = entry.map_err(io_err("cannot read directory", &dir))?;
                let path = entry.path();
                let kind = entry.file_type().map_err(io_err("cannot read", &path))?;
                if kind.is_dir() {
                    dirs.push(path);
                } else if kind.is_symlink() {
                    finder.symlink(path)?;
                } else if let Some(store_path) =
                    entry.file_name().to_str().and_then(|n| StorePath::from_base_name(n).ok())
                {
                    let target = store_path.to_absolute();
                    finder.add(path, store_path, Path::new(&target))?;
                }
            }
        }
        Ok(finder.roots)
    }

    /// The store path a symlink target leads into: `/nix/store/<base>[/...]` or the same
    /// below the store's physical directory.
    fn store_path_of(&self, target: &Path, store_dir_real: Option<&Path>) -> Option<StorePath> {
        let prefixes = [Some(Path::new(crate::STORE_DIR)), Some(self.store_dir.as_path()), store_dir_real];
        let rest = prefixes.into_iter().flatten().find_map(|p| target.strip_prefix(p).ok())?;
        let base = rest.components().next()?.as_os_str().to_str()?;
        StorePath::from_base_name(base).ok()
    }
}

/// State of one search for roots.
struct RootFinder<'a> {
    store: &'a LocalStore,
    store_dir_real: Option<PathBuf>,
    auto_dir: PathBuf,
    roots: Roots,
    log: GcLog<'a>,
}

impl RootFinder<'_> {
    /// A symlink under `gcroots/`: a direct root, or an indirect one followed one level.
    fn symlink(&mut self, link: PathBuf) -> Result<(), StoreError> {
        let target = read_link_absolute(&link)?;
        if let Some(path) = self.store.store_path_of(&target, self.store_dir_real.as_deref()) {
            return self.add(link, path, &target);
        }
        match fs::symlink_metadata(&target) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if link.parent() == Some(self.auto_dir.as_path()) {
                    (self.log)(format!(
                        "removing stale link from \"{}\" to \"{}\"",
                        link.display(),
                        target.display()
                    ));
                    fs::remove_file(&link).map_err(io_err("cannot delete stale root", &link))?;
                }
                Ok(())
            }
            Ok(meta) if meta.file_type().is_symlink() => {
                let final_target = read_link_absolute(&target)?;
                match self.store.store_path_of(&final_target, self.store_dir_real.as_deref()) {
                    Some(path) => self.add(target, path, &final_target),
                    None => Ok(()),
                }
            }
            // Not a link into the store, or unreadable: roots nothing.
            _ => Ok(()),
        }
    }

    /// Records `link` → `path` if `path` is valid.
    fn add(&mut self, link: PathBuf, path: StorePath, target: &Path) -> Result<(), StoreError> {
        if self.store.is_valid(&path)? {
            self.roots.insert(link, path);
        } else {
            (self.log)(format!(
                "skipping invalid root from \"{}\" to \"{}\"",
                link.display(),
                target.display()
            ));
        }
        Ok(())
    }
}

/// The target of the symlink `link`, made absolute against the link's directory.
fn read_link_absolute(link: &Path) -> Result<PathBuf, StoreError> {
    let target = fs::read_link(link).map_err(io_err("cannot read symlink", link))?;
    Ok(match link.parent() {
        Some(dir) if target.is_relative() => dir.join(target),
        _ => target,
    })
}
