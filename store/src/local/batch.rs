//! Adding many text objects at once (the `.drv` files and `toFile` texts an
//! instantiation writes): each is written to a staging file as soon as it is known (by
//! a writer thread, while the caller goes on), and
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
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;

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
///
/// The files are written by a thread of the batch's own, so that the caller (an
/// evaluation) goes on while the file system works; committing waits for it.
#[derive(Default)]
pub struct TextBatch {
    staged: Vec<(Staging, PathInfo, BTreeMap<String, StorePath>)>,
    /// The paths staged, so that an object added twice is written once.
    paths: HashSet<StorePath>,
    writer: Option<Writer>,
}

/// The thread writing staging files: (file, contents) in, the first error out.
struct Writer {
    files: mpsc::Sender<(PathBuf, String)>,
    thread: thread::JoinHandle<Result<(), StoreError>>,
}

impl TextBatch {
    /// How many objects wait for the commit.
    pub fn len(&self) -> usize {
        self.staged.len()
    }

    pub fn is_empty(&self) -> bool {
        self.staged.is_empty()
    }

    /// Queues `contents` to be written to the new file `path`.
    fn write(&mut self, path: PathBuf, contents: String) -> Result<(), StoreError> {
        let writer = match &mut self.writer {
            Some(writer) => writer,
            None => {
                let (files, queue) = mpsc::channel::<(PathBuf, String)>();
                let thread = thread::Builder::new()
                    .name("store-writer".into())
                    .spawn(move || {
                        queue.into_iter().try_for_each(|(path, contents)| write_staged(&path, &contents))
                    })
                    .map_err(io_err("cannot start a thread writing", &path))?;
                self.writer.insert(Writer { files, thread })
            }
        };
        if writer.files.send((path, contents)).is_err() {
            // The thread stopped at an error, which finishing it reports.
            return self.finish_writing();
        }
        Ok(())
    }

    /// Waits until every queued file is written; the first error writing one.
    fn finish_writing(&mut self) -> Result<(), StoreError> {
        let Some(Writer { files, thread }) = self.writer.take() else { return Ok(()) };
        drop(files);
        thread.join().unwrap_or_else(|_| Err(StoreError::WriterPanicked))
    }
}

impl Drop for TextBatch {
    fn drop(&mut self) {
        // Written files must exist before the staging entries' drops delete them.
        let _ = self.finish_writing();
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
            let staging = self.staging_name();
            batch.write(staging.path.clone(), object.text)?;
            batch.paths.insert(path.clone());
            batch.staged.push((staging, info, object.outputs));
        }
        Ok(path)
    }

    /// Makes every object staged in `batch` valid, and empties it.
    pub fn commit_texts(&self, batch: &mut TextBatch) -> Result<(), StoreError> {
        let written = batch.finish_writing();
        let staged = std::mem::take(&mut batch.staged);
        batch.paths.clear();
        written?;
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
}

/// Creates the staging file `path` holding `contents`, with a store file's metadata
/// (read-only, mtime 1), with as few system calls as possible.
fn write_staged(path: &Path, contents: &str) -> Result<(), StoreError> {
    let create = || fs::OpenOptions::new().write(true).create_new(true).mode(0o444).open(path);
    let mut file = match create() {
        // A leftover of a dead process that had our pid.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            remove_tree(path)?;
            create()
        }
        other => other,
    }
    .map_err(io_err("cannot create", path))?;
    file.write_all(contents.as_bytes()).map_err(io_err("cannot write", path))?;
    file.set_modified(store_mtime()).map_err(io_err("cannot set the modification time of", path))
}
