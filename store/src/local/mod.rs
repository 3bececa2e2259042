//! The local store: objects on disk under a physical root, metadata in SQLite.
//!
//! Store paths are always named under the logical [`STORE_DIR`](crate::STORE_DIR)
//! (`/nix/store`), which enters every hash; on disk they live below a root chosen by the
//! caller: objects at `ROOT/nix/store/<hash>-<name>`, state (database, locks) at
//! `ROOT/nix/var/ferrix/`. A path is valid when it is registered in the database; it is
//! installed by staging it under a temporary name in the store directory, canonicalising
//! and syncing it, renaming it into place and only then registering it, so a crash leaves
//! either a complete valid path or unregistered leftovers that are ignored and replaced.

mod add;
mod batch;
mod built;
mod db;
mod error;
mod fs_tree;
mod gc;
mod lock;
mod optimise;
mod path_info;
mod query;
mod roots;
mod temp_roots;
mod verify;

pub use add::process_alive;
pub use batch::{TextBatch, TextObject};
pub use built::{PathLocks, StagedOutput};
pub use error::StoreError;
pub use fs_tree::remove_tree;
pub use gc::{GcAction, GcLog, GcOptions, GcResult, render_size};
pub use optimise::OptimiseStats;
pub use path_info::{PathInfo, content_address};
pub use verify::{Corruption, VerifyReport};

use crate::store_path::StorePath;
use db::Db;
use error::io_err;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// A store rooted at a directory of the real file system.
pub struct LocalStore {
    root: PathBuf,
    store_dir: PathBuf,
    state_dir: PathBuf,
    /// `<state>/temproots`, canonical (it names this process's roots file in a
    /// process-wide table).
    temp_roots_dir: PathBuf,
    db: Db,
}

/// Where the store lives when the caller does not say: `$FERRIX_STORE`, else
/// `$XDG_DATA_HOME/ferrix`, else `$HOME/.local/share/ferrix` (empty variables count as unset).
pub fn default_root() -> Result<PathBuf, StoreError> {
    let var = |name| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    var("FERRIX_STORE")
        .or_else(|| var("XDG_DATA_HOME").map(|d| d.join("ferrix")))
        .or_else(|| var("HOME").map(|h| h.join(".local/share/ferrix")))
        .ok_or(StoreError::NoRoot)
}

impl LocalStore {
    /// Opens the store under `root`, creating its directories (the store directory with
    /// `.links`, as the reference) and database if missing.
    pub fn open(root: &Path) -> Result<LocalStore, StoreError> {
        let store_dir = root.join("nix/store");
        let state_dir = root.join("nix/var/ferrix");
        let temp_roots_dir = state_dir.join("temproots");
        let links_dir = store_dir.join(optimise::LINKS_DIR);
        for dir in [&links_dir, &state_dir.join("db"), &state_dir.join("locks"), &temp_roots_dir] {
            fs::create_dir_all(dir).map_err(io_err("cannot create directory", dir))?;
        }
        let temp_roots_dir =
            fs::canonicalize(&temp_roots_dir).map_err(io_err("cannot resolve", &temp_roots_dir))?;
        let db = Db::open(&state_dir.join("db/db.sqlite"))?;
        Ok(LocalStore { root: root.to_owned(), store_dir, state_dir, temp_roots_dir, db })
    }

    /// The physical root this store was opened at.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `ROOT/nix/store`, where objects live on disk.
    pub fn store_dir(&self) -> &Path {
        &self.store_dir
    }

    /// `ROOT/nix/var/ferrix`, the store's state directory.
    pub fn state_dir(&self) -> &Path {
        &self.state_dir
    }

    /// Where `path` lives on disk.
    pub fn real_path(&self, path: &StorePath) -> PathBuf {
        self.store_dir.join(path.base_name())
    }

    fn lock_dir(&self) -> PathBuf {
        self.state_dir.join("locks")
    }

    /// Registers `infos` as valid in one transaction; their objects must already be in
    /// place and every reference valid or among `infos`. The paths become temporary
    /// roots of this process (a builder should have made them so before writing them,
    /// see `temp_roots.rs`).
    pub fn register_valid_paths(&self, infos: &[PathInfo]) -> Result<(), StoreError> {
        self.with_temp_roots(infos.iter().map(|i| &i.path), || {
            for info in infos {
                let real = self.real_path(&info.path);
                fs::symlink_metadata(&real).map_err(io_err("cannot register missing path", &real))?;
            }
            self.db.register(infos)
        })
    }

    /// Records the outputs (output name → path) of the valid derivation `drv`.
    pub fn add_derivation_outputs(
        &self,
        drv: &StorePath,
        outputs: &BTreeMap<String, StorePath>,
    ) -> Result<(), StoreError> {
        self.db.add_derivation_outputs(drv, outputs)
    }
}
