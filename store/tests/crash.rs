//! Crash safety of the local store: a child process (this test binary re-run in child
//! mode) adds a large tree and then text objects referring to it, and is killed with
//! SIGKILL at several points of that work. After every kill the store must verify clean
//! (nothing registered that is missing or corrupt), the add must then succeed with the
//! path an uninterrupted add gives, and the leftovers of the killed process must be
//! removable.

use ferrix_store::StorePath;
use ferrix_store::local::LocalStore;
use ferrix_store::store_path::FileIngestionMethod;
use ferrix_store::{HashAlgo, nar};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const CHILD_ROOT_VAR: &str = "FERRIX_CRASH_CHILD_ROOT";
const CHILD_SOURCE_VAR: &str = "FERRIX_CRASH_CHILD_SOURCE";
/// Kill points per run, spread evenly over the time an uninterrupted child takes.
const KILL_POINTS: u32 = 10;

/// A deterministic tree of 1200 files (2.4 MB) in 30 directories.
fn build_source(dir: &Path) {
    for d in 0..30 {
        let sub = dir.join(format!("dir{d:02}"));
        fs::create_dir_all(&sub).unwrap();
        for f in 0..40 {
            let byte = (d * 40 + f) as u8;
            fs::write(sub.join(format!("file{f:02}")), vec![byte; 2048]).unwrap();
        }
    }
}

/// What the child does: add the tree, then a few text objects referring to it.
fn add_all(store: &LocalStore, source: &Path) -> StorePath {
    let refs = BTreeSet::new();
    let tree =
        store.add_path(source, "big-tree", FileIngestionMethod::Recursive, HashAlgo::Sha256, &refs).unwrap();
    for i in 0..5 {
        store
            .add_text(&format!("note-{i}"), &format!("{i} {tree}"), &BTreeSet::from([tree.clone()]))
            .unwrap();
    }
    tree
}

fn spawn_child(root: &Path, source: &Path) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["child_adds_big_tree", "--exact", "--test-threads=1"])
        .env(CHILD_ROOT_VAR, root)
        .env(CHILD_SOURCE_VAR, source)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// The store under `root` has no registered path that is missing or corrupt.
fn assert_clean(root: &Path, when: &str) -> LocalStore {
    let store = LocalStore::open(root).unwrap();
    let report = store.verify(true).unwrap();
    assert!(report.is_clean(), "{when}: {report:?}");
    for path in store.query_all_valid_paths().unwrap() {
        assert!(store.closure([path]).is_ok(), "{when}: every reference of a valid path is valid");
    }
    store
}

#[test]
fn killed_adds_leave_a_clean_store() {
    let source = tempfile::tempdir().unwrap();
    build_source(source.path());
    let (source_nar_hash, _) = nar::hash_path(source.path()).unwrap();

    let full_root = tempfile::tempdir().unwrap();
    let start = Instant::now();
    let status = spawn_child(full_root.path(), source.path()).wait().unwrap();
    let full_run = start.elapsed();
    assert!(status.success());
    let store = assert_clean(full_root.path(), "uninterrupted");
    let expected = store.query_all_valid_paths().unwrap();
    assert_eq!(expected.len(), 6);

    let mut interrupted_mid_add = 0;
    for k in 0..KILL_POINTS {
        let root = tempfile::tempdir().unwrap();
        let mut child = spawn_child(root.path(), source.path());
        std::thread::sleep(full_run * k / KILL_POINTS);
        child.kill().unwrap();
        child.wait().unwrap();
        let when = format!("killed after {k}/{KILL_POINTS} of {full_run:?}");

        let store = assert_clean(root.path(), &when);
        let before = store.verify(false).unwrap();
        if before.unregistered.iter().any(|name| name.starts_with(".tmp-")) {
            interrupted_mid_add += 1;
        }
        let tree = add_all(&store, source.path());
        assert_eq!(store.query_path_info(&tree).unwrap().unwrap().nar_hash, source_nar_hash, "{when}");
        assert_eq!(store.query_all_valid_paths().unwrap(), expected, "{when}");
        assert_clean(root.path(), &when);

        store.remove_stale_temporaries().unwrap();
        let after = store.verify(false).unwrap();
        assert!(after.unregistered.iter().all(|name| !name.starts_with(".tmp-")), "{when}: {after:?}");
    }
    assert!(interrupted_mid_add > 0, "no kill landed while a path was being staged");
}

/// Child mode of `killed_adds_leave_a_clean_store`: only does something when run by it.
#[test]
fn child_adds_big_tree() {
    let (Some(root), Some(source)) = (std::env::var_os(CHILD_ROOT_VAR), std::env::var_os(CHILD_SOURCE_VAR))
    else {
        return;
    };
    let store = LocalStore::open(Path::new(&root)).unwrap();
    add_all(&store, Path::new(&source));
}
