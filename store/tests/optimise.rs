//! Optimising the local store: identical files share an inode through `.links` named as
//! the reference names them (the link name below was produced by Nix 2.34 via refnix),
//! contents and metadata stay what was registered, executables and plain files are not
//! merged, and a collection afterwards prunes the entries nothing uses.

mod common;

use ferrix_store::StorePath;
use ferrix_store::local::{GcOptions, OptimiseStats, StoreError};
use std::fs::{self, Permissions};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use common::Env;

/// `.links` name of a regular, non-executable file holding "same content\n" (refnix).
const SAME_CONTENT_LINK: &str = "0zv3q8kzg89iw672fc00j77qqaw887zlr5nkzgcxlycbq0ykfsms";

/// Adds a directory `name` holding a read-only `f` = "same content\n".
fn same_content(env: &Env, name: &str) -> StorePath {
    env.dir_with_file(name, b"same content\n", 0o644)
}

fn ino(path: &Path) -> u64 {
    fs::symlink_metadata(path).unwrap().ino()
}

#[test]
fn identical_files_share_an_inode_named_as_the_reference() {
    let env = Env::new();
    let d1 = same_content(&env, "d1");
    let d2 = same_content(&env, "d2");
    let exe = env.dir_with_file("exe", b"same content\n", 0o755);

    let stats = env.store.optimise().unwrap();
    assert_eq!(stats, OptimiseStats { files_linked: 1, bytes_saved: 13, warnings: vec![] });
    let link = env.links().join(SAME_CONTENT_LINK);
    assert_eq!(ino(&env.file_in(&d1)), ino(&link));
    assert_eq!(ino(&env.file_in(&d2)), ino(&link));
    assert_eq!(fs::symlink_metadata(&link).unwrap().nlink(), 3);
    // The executable is a different NAR: its own entry, not merged.
    assert_ne!(ino(&env.file_in(&exe)), ino(&link));
    assert_eq!(fs::read_dir(env.links()).unwrap().count(), 2);

    // The objects are what was registered, directories read-only with mtime 1 again.
    assert!(env.store.verify(true).unwrap().is_clean());
    for path in [&d1, &d2] {
        let meta = fs::metadata(env.store.real_path(path)).unwrap();
        assert_eq!((meta.mode() & 0o777, meta.mtime()), (0o555, 1), "{path}");
        assert_eq!(fs::read_to_string(env.file_in(path)).unwrap(), "same content\n");
    }
    assert!(env.store.verify(false).unwrap().unregistered.is_empty(), ".links and no staging leftovers");

    // A second run finds everything linked already.
    assert_eq!(env.store.optimise().unwrap(), OptimiseStats::default());
}

#[test]
fn optimise_path_links_one_path() {
    let env = Env::new();
    let d1 = same_content(&env, "d1");
    let first = env.store.optimise_path(&d1).unwrap();
    assert_eq!((first.files_linked, first.bytes_saved), (0, 0), "the first copy becomes the entry");
    assert_eq!(ino(&env.file_in(&d1)), ino(&env.links().join(SAME_CONTENT_LINK)));
    let d2 = same_content(&env, "d2");
    let second = env.store.optimise_path(&d2).unwrap();
    assert_eq!((second.files_linked, second.bytes_saved), (1, 13));
    assert_eq!(ino(&env.file_in(&d2)), ino(&env.file_in(&d1)));

    let invalid = StorePath::from_base_name("00000000000000000000000000000000-gone").unwrap();
    assert!(matches!(env.store.optimise_path(&invalid), Err(StoreError::NotValid(p)) if p == invalid));
}

#[test]
fn writable_files_are_skipped_with_the_reference_warning() {
    let env = Env::new();
    let d1 = same_content(&env, "d1");
    let d2 = same_content(&env, "d2");
    let writable = env.file_in(&d1);
    fs::set_permissions(&writable, Permissions::from_mode(0o644)).unwrap();
    let stats = env.store.optimise().unwrap();
    assert_eq!(stats.warnings, [format!("skipping suspicious writable file '\"{}\"'", writable.display())]);
    assert_eq!(stats.files_linked, 0);
    assert_eq!(fs::symlink_metadata(&writable).unwrap().nlink(), 1);
    assert_eq!(fs::symlink_metadata(env.file_in(&d2)).unwrap().nlink(), 2);
}

#[test]
fn collecting_afterwards_prunes_links_nothing_uses() {
    let env = Env::new();
    let keep = env.dir_with_file("keep", b"kept\n", 0o644);
    let d1 = same_content(&env, "d1");
    let d2 = same_content(&env, "d2");
    let stats = env.store.optimise().unwrap();
    assert_eq!(stats.files_linked, 1);
    assert_eq!(fs::read_dir(env.links()).unwrap().count(), 2);
    env.store.clear_temp_roots().unwrap();
    let gcroots = env.store.state_dir().join("gcroots");
    fs::create_dir_all(&gcroots).unwrap();
    std::os::unix::fs::symlink(env.store.real_path(&keep), gcroots.join("keep")).unwrap();

    let result = env.store.collect_garbage(&GcOptions::default()).unwrap();
    let mut deleted = vec![d1.to_absolute(), d2.to_absolute()];
    deleted.sort();
    assert_eq!(result.paths, deleted);
    let left: Vec<_> = fs::read_dir(env.links()).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(left.len(), 1, "only the entry of the kept file remains");
    assert_eq!(ino(&left[0]), ino(&env.file_in(&keep)));
}
