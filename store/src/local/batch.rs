//! Adding many text objects at once (the `.drv` files and `toFile` texts an
//! instantiation writes): each is written to a staging file as soon as it is known, and
//! the whole batch is made valid with one store-wide sync and one database transaction
//! instead of one of each per object, which is what makes writing tens of thousands of
//! derivations fast.
//!
//! Text objects are content-addressed and immutable, so two writers of the same path
//! write the same bytes: renaming into place needs no lock. As with single objects, a
//! crash leaves either registered complete paths or unregistered leftovers.

use super::LocalStore;
use super::add::Staging;
use super::error::{StoreError, io_err};
use super::fs_tree::{remove_tree, store_mtime, sync_path};
use super::path_info::{PathInfo, text_info};
use crate::store_path::StorePath;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;

/// A text object to add: `name`, contents and references; for a `.drv` file also its
/// outputs (name → path), recorded as the derivation's outputs.
#[derive(Debug, Clone)]
pub struct TextObject {
    pub name: String,
    pub text: String,
    pub references: BTreeSet<StorePath>,
    pub outputs: BTreeMap<String, StorePath>,
}

/// Text objects staged (written, not yet valid) by [`LocalStore::stage_text`], made
/// valid together by [`LocalStore::commit_texts`]; dropped uncommitted, their staging
/// files are deleted.
#[derive(Default)]
pub struct TextBatch {
    staged: Vec<(Staging, PathInfo, BTreeMap<String, StorePath>)>,
    /// The paths staged, so that an object added twice is written once.
    paths: HashSet<StorePath>,
}

impl TextBatch {
    /// How many objects wait for the commit.
    pub fn len(&self) -> usize {
        self.staged.len()
    }

    pub fn is_empty(&self) -> bool {
        self.staged.is_empty()
    }
}

impl LocalStore {
    /// Writes `object` to a staging file of `batch` unless its path is valid or staged
    /// already, and returns the path, valid once the batch is committed. (Its references
    /// must be valid, or staged in the same batch before it.)
    pub fn stage_text(&self, batch: &mut TextBatch, object: TextObject) -> Result<StorePath, StoreError> {
        let info = text_info(&object.name, &object.text, &object.references)?;
        let path = info.path.clone();
        if batch.paths.contains(&path) {
            return Ok(path);
        }
        // A valid path is made a temporary root (and then must still be valid); a new
        // one becomes one when the batch is committed.
        let valid = self.is_valid(&path)? && {
            self.add_temp_root(&path)?;
            self.is_valid(&path)?
        };
        if !valid {
            let staging = self.write_staged(object.text.as_bytes())?;
            batch.paths.insert(path.clone());
            batch.staged.push((staging, info, object.outputs));
        }
        Ok(path)
    }

    /// Makes every object staged in `batch` valid, and empties it.
    pub fn commit_texts(&self, batch: &mut TextBatch) -> Result<(), StoreError> {
        let staged = std::mem::take(&mut batch.staged);
        batch.paths.clear();
        if staged.is_empty() {
            return Ok(());
        }
        // Every staged file's data reaches the disk before any is renamed into place.
        let dir = fs::File::open(&self.store_dir).map_err(io_err("cannot open", &self.store_dir))?;
        rustix::fs::syncfs(&dir).map_err(|e| io_err("cannot sync", &self.store_dir)(e.into()))?;
        // Renamed and registered under the collector's lock (see `temp_roots.rs`).
        self.with_temp_roots(staged.iter().map(|(_, info, _)| &info.path), || {
            // (A staging entry renamed away is gone: dropping it deletes nothing.)
            for (staging, info, _) in &staged {
                let real = self.real_path(&info.path);
                fs::rename(&staging.path, &real).map_err(io_err("cannot move into place", &real))?;
            }
            sync_path(&self.store_dir)?;
            let infos: Vec<PathInfo> = staged.iter().map(|(_, info, _)| info.clone()).collect();
            let outputs = staged.iter().filter(|(_, _, o)| !o.is_empty()).map(|(_, info, o)| (&info.path, o));
            self.db.register_with_outputs(&infos, outputs)
        })
    }

    /// A new staging file holding `contents`, with a store file's metadata (read-only,
    /// mtime 1), written with as few system calls as possible.
    fn write_staged(&self, contents: &[u8]) -> Result<Staging, StoreError> {
        let staging = self.staging_name();
        let create = || fs::OpenOptions::new().write(true).create_new(true).mode(0o444).open(&staging.path);
        let mut file = match create() {
            // A leftover of a dead process that had our pid.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                remove_tree(&staging.path)?;
                create()
            }
            other => other,
        }
        .map_err(io_err("cannot create", &staging.path))?;
        file.write_all(contents).map_err(io_err("cannot write", &staging.path))?;
        file.set_modified(store_mtime())
            .map_err(io_err("cannot set the modification time of", &staging.path))?;
        Ok(staging)
    }
}
