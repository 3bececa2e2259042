//! A throwaway store and helpers shared by the garbage collection and optimise tests.

#![allow(dead_code)] // each test crate uses a different subset

use ferrix_store::local::{GcAction, GcOptions, GcResult, LocalStore};
use ferrix_store::store_path::FileIngestionMethod;
use ferrix_store::{HashAlgo, StorePath};
use std::collections::BTreeSet;
use std::fs::{self, Permissions};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// A store in a temporary directory, which also holds the inputs added to it.
pub struct Env {
    pub dir: tempfile::TempDir,
    pub store: LocalStore,
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let store = LocalStore::open(&dir.path().join("root")).unwrap();
        Env { dir, store }
    }

    /// Adds a text object `name` referring to `refs`.
    pub fn text(&self, name: &str, refs: &[&StorePath]) -> StorePath {
        let text: String = refs.iter().map(|r| format!("{r} ")).collect();
        let refs = refs.iter().map(|r| (*r).clone()).collect();
        self.store.add_text(name, &format!("{name}: {text}"), &refs).unwrap()
    }

    /// Adds the input `src` (a file or tree made by the caller) as `name`.
    pub fn add(&self, src: &Path, name: &str) -> StorePath {
        let none = BTreeSet::new();
        self.store.add_path(src, name, FileIngestionMethod::Recursive, HashAlgo::Sha256, &none).unwrap()
    }

    /// Adds a regular file of `contents` named `name`.
    pub fn file(&self, name: &str, contents: &[u8]) -> StorePath {
        let src = self.dir.path().join(name);
        fs::write(&src, contents).unwrap();
        self.add(&src, name)
    }

    /// Adds a directory `name` holding `f` with `contents` and `mode`.
    pub fn dir_with_file(&self, name: &str, contents: &[u8], mode: u32) -> StorePath {
        let src = self.dir.path().join(name);
        fs::create_dir(&src).unwrap();
        fs::write(src.join("f"), contents).unwrap();
        fs::set_permissions(src.join("f"), Permissions::from_mode(mode)).unwrap();
        self.add(&src, name)
    }

    /// The file `f` of a path made by [`Env::dir_with_file`].
    pub fn file_in(&self, path: &StorePath) -> PathBuf {
        self.store.real_path(path).join("f")
    }

    pub fn links(&self) -> PathBuf {
        self.store.store_dir().join(".links")
    }

    /// `gcroots/`, created.
    pub fn gcroots(&self) -> PathBuf {
        let dir = self.store.state_dir().join("gcroots");
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// This process forgets the temporary roots its adds made, as if another process
    /// had made the store's contents.
    pub fn forget(&self) {
        self.store.clear_temp_roots().unwrap();
    }

    pub fn gc(&self, action: GcAction) -> GcResult {
        self.store.collect_garbage(&GcOptions { action, ..GcOptions::default() }).unwrap()
    }

    pub fn exists(&self, path: &StorePath) -> bool {
        fs::symlink_metadata(self.store.real_path(path)).is_ok()
    }
}
