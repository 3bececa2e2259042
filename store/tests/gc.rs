//! Garbage collection of the local store: roots (direct, indirect, into an object,
//! stale, invalid), temporary roots of live and dead processes (a child process of this
//! test binary holds them), liveness through references and derivers, `--delete`'s
//! refusals and order, `--max-freed`, freed bytes and `.links` pruning. Wording and
//! numbers follow what the reference (Nix 2.34 via refnix) printed for the same cases.

mod common;

use ferrix_store::local::{GcAction, GcOptions, LocalStore, PathInfo, StoreError, render_size};
use ferrix_store::store_path::{FileIngestionMethod, make_output_path};
use ferrix_store::{Hash, HashAlgo, StorePath, nar};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{BufRead, BufReader};
use std::os::unix::fs::{MetadataExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::Env;

/// Set (to `<store root>\n<path>`) when this binary runs as a child holding a temp root.
const CHILD_VAR: &str = "FERRIX_GC_CHILD";

fn abs(paths: &[&StorePath]) -> Vec<String> {
    let mut v: Vec<String> = paths.iter().map(|p| p.to_absolute()).collect();
    v.sort();
    v
}

#[test]
fn roots_direct_indirect_and_into_an_object() {
    let env = Env::new();
    let a = env.text("a", &[]);
    let b = env.text("b", &[]);
    let c = env.text("c", &[]);
    let dead = env.text("dead", &[]);
    let tree_src = env.dir.path().join("tree");
    fs::create_dir_all(tree_src.join("bin")).unwrap();
    fs::write(tree_src.join("bin/foo"), "foo").unwrap();
    let tree = env.add(&tree_src, "tree");

    let gcroots = env.gcroots();
    fs::create_dir_all(gcroots.join("sub")).unwrap();
    // Physical target, logical target, a file inside an object, an indirect root.
    symlink(env.store.real_path(&a), gcroots.join("sub/physical")).unwrap();
    symlink(b.to_absolute(), gcroots.join("logical")).unwrap();
    symlink(env.store.real_path(&tree).join("bin/foo"), gcroots.join("inner")).unwrap();
    let result_link = env.dir.path().join("result");
    env.store.add_perm_root(&c, &result_link).unwrap();
    env.forget();
    // The same indirect root once more, by hand, outside gcroots/auto.
    symlink(&result_link, gcroots.join("by-hand")).unwrap();

    let roots = env.gc(GcAction::PrintRoots).roots;
    let expected = BTreeMap::from([
        (gcroots.join("sub/physical"), a.clone()),
        (gcroots.join("logical"), b.clone()),
        (gcroots.join("inner"), tree.clone()),
        (result_link.clone(), c.clone()),
    ]);
    assert_eq!(roots, expected);
    assert_eq!(env.gc(GcAction::PrintLive).paths, abs(&[&a, &b, &c, &tree]));
    assert_eq!(env.gc(GcAction::PrintDead).paths, abs(&[&dead]));
    assert!(env.exists(&dead), "listing deletes no valid path");

    let result = env.gc(GcAction::DeleteDead);
    assert_eq!(result.paths, abs(&[&dead]));
    assert!(result.messages.contains(&format!("deleting '{dead}'")), "{:?}", result.messages);
    assert!(!env.exists(&dead) && !env.store.is_valid(&dead).unwrap());
    for kept in [&a, &b, &c, &tree] {
        assert!(env.exists(kept) && env.store.is_valid(kept).unwrap(), "{kept}");
    }
}

#[test]
fn stale_auto_links_are_removed_and_invalid_roots_skipped() {
    let env = Env::new();
    let a = env.text("a", &[]);
    let link = env.dir.path().join("result");
    env.store.add_perm_root(&a, &link).unwrap();
    let auto: Vec<PathBuf> =
        fs::read_dir(env.gcroots().join("auto")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(auto.len(), 1);
    fs::remove_file(&link).unwrap();
    let invalid = StorePath::from_base_name("00000000000000000000000000000000-gone").unwrap();
    symlink(invalid.to_absolute(), env.gcroots().join("invalid")).unwrap();

    env.forget();
    let result = env.gc(GcAction::DeleteDead);
    let stale = format!("removing stale link from \"{}\" to \"{}\"", auto[0].display(), link.display());
    let invalid_link = env.gcroots().join("invalid");
    let skipped = format!("skipping invalid root from \"{}\" to \"{invalid}\"", invalid_link.display());
    assert!(result.messages.contains(&stale) && result.messages.contains(&skipped), "{:?}", result.messages);
    assert!(fs::symlink_metadata(&auto[0]).is_err(), "the stale auto link is gone");
    assert!(fs::symlink_metadata(env.gcroots().join("invalid")).is_ok(), "only auto links are removed");
    assert_eq!(result.paths, abs(&[&a]));
}

#[test]
fn closure_and_derivers_keep_paths_alive() {
    let env = Env::new();
    let lib = env.text("lib", &[]);
    let app = env.text("app", &[&lib]);
    let unrelated = env.text("unrelated", &[]);
    let drv = env.text("thing.drv", &[]);
    let out = make_output_path("out", &Hash::digest(HashAlgo::Sha256, "thing"), "thing").unwrap();
    let real = env.store.real_path(&out);
    fs::write(&real, "output").unwrap();
    let (nar_hash, nar_size) = nar::hash_path(&real).unwrap();
    let mut info = PathInfo::new(out.clone(), nar_hash, nar_size);
    info.deriver = Some(drv.clone());
    env.store.register_valid_paths(&[info]).unwrap();
    env.store.add_derivation_outputs(&drv, &BTreeMap::from([("out".to_owned(), out.clone())])).unwrap();
    env.forget();

    symlink(env.store.real_path(&app), env.gcroots().join("app")).unwrap();
    symlink(env.store.real_path(&out), env.gcroots().join("out")).unwrap();
    let dead = |options: GcOptions| {
        env.store.collect_garbage(&GcOptions { action: GcAction::PrintDead, ..options }).unwrap().paths
    };
    // keep-derivations (the default) keeps the output's derivation.
    assert_eq!(dead(GcOptions::default()), abs(&[&unrelated]));
    let no_drvs = GcOptions { keep_derivations: false, ..GcOptions::default() };
    assert_eq!(dead(no_drvs), abs(&[&unrelated, &drv]));

    // keep-outputs: a live derivation keeps its output.
    fs::remove_file(env.gcroots().join("out")).unwrap();
    symlink(env.store.real_path(&drv), env.gcroots().join("drv")).unwrap();
    assert_eq!(dead(GcOptions::default()), abs(&[&unrelated, &out]));
    let outputs = GcOptions { keep_outputs: true, ..GcOptions::default() };
    assert_eq!(dead(outputs), abs(&[&unrelated]));
}

/// Starts a child (this binary) that makes `path` a temporary root of `root`'s store
/// and waits until its stdin closes. Returns once the root is recorded.
fn spawn_root_holder(root: &Path, path: &StorePath) -> std::process::Child {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["child_holds_temp_root", "--exact", "--test-threads=1", "--nocapture"])
        .env(CHILD_VAR, format!("{}\n{path}", root.display()))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    // (The test harness prints the test's name on the same line.)
    assert!(lines.any(|l| l.unwrap().ends_with("temp root held")), "the child did not record its root");
    // Keep reading, so the child's last words do not meet a closed pipe.
    std::thread::spawn(move || lines.for_each(drop));
    child
}

#[test]
fn temp_roots_of_live_processes_keep_paths_and_staging_entries() {
    let env = Env::new();
    let held = env.text("held", &[]);
    let dep = env.text("dep", &[]);
    let referrer = env.text("referrer", &[&dep]);
    let own = env.text("own", &[]);
    env.forget();
    let root = env.store.root().to_owned();
    let mut child = spawn_root_holder(&root, &held);
    let mut child_referrer = spawn_root_holder(&root, &referrer);
    let child_staging = env.store.store_dir().join(format!(".tmp-{}-0", child.id()));
    fs::create_dir(&child_staging).unwrap();
    let own_staging = env.store.store_dir().join(format!(".tmp-{}-999999", std::process::id()));
    fs::write(&own_staging, "staging").unwrap();
    let junk = env.store.store_dir().join("junk");
    fs::write(&junk, "junk").unwrap();
    // A path this process is about to build: temp-rooted, not valid yet.
    let building = StorePath::from_base_name("11111111111111111111111111111111-building").unwrap();
    env.store.add_temp_root(&building).unwrap();
    fs::write(env.store.real_path(&building), "half written").unwrap();
    env.store.add_temp_root(&own).unwrap();

    let result = env.gc(GcAction::DeleteDead);
    assert_eq!(result.paths, ["/nix/store/junk"], "{:?}", result.messages);
    for kept in [&held, &dep, &referrer, &own] {
        assert!(env.store.is_valid(kept).unwrap() && env.exists(kept), "{kept}");
    }
    assert!(child_staging.exists() && own_staging.exists() && env.exists(&building));

    // Once the holder of `held` exits its roots and staging entry are garbage.
    drop(child.stdin.take());
    assert!(child.wait().unwrap().success());
    let temproots = env.store.state_dir().join("temproots");
    assert!(temproots.join(child.id().to_string()).exists());
    let result = env.gc(GcAction::DeleteDead);
    let staging_name = format!("/nix/store/.tmp-{}-0", child.id());
    assert_eq!(result.paths, [staging_name, held.to_absolute()], "{:?}", result.messages);
    assert!(!temproots.join(child.id().to_string()).exists(), "the stale roots file is deleted");
    assert!(env.store.is_valid(&dep).unwrap() && env.store.is_valid(&own).unwrap());
    drop(child_referrer.stdin.take());
    assert!(child_referrer.wait().unwrap().success());
    let result = env.gc(GcAction::DeleteDead);
    assert_eq!(result.paths, [referrer.to_absolute(), dep.to_absolute()], "referrers first");
}

/// Child mode of the temp roots test: only does something when run by it.
#[test]
fn child_holds_temp_root() {
    let Some(spec) = std::env::var_os(CHILD_VAR) else { return };
    let spec = spec.into_string().unwrap();
    let (root, path) = spec.split_once('\n').unwrap();
    let store = LocalStore::open(Path::new(root)).unwrap();
    store.add_temp_root(&StorePath::parse(path).unwrap()).unwrap();
    println!("temp root held");
    std::io::stdin().lines().for_each(drop);
}

/// Set (to a store root) when this binary runs as a child adding paths during
/// collections.
const ADDER_VAR: &str = "FERRIX_GC_ADDER";

#[test]
fn collections_never_delete_what_a_running_process_adds() {
    let env = Env::new();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["child_adds_paths", "--exact", "--test-threads=1"])
        .env(ADDER_VAR, env.store.root())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut collections = 0;
    while child.try_wait().unwrap().is_none() {
        env.gc(GcAction::DeleteDead);
        collections += 1;
        let report = env.store.verify(false).unwrap();
        assert!(report.missing.is_empty(), "{report:?}");
    }
    assert!(child.wait().unwrap().success(), "the adding child found a path of its own gone");
    assert!(collections > 1);
    // Its temporary roots died with it.
    env.gc(GcAction::DeleteDead);
    assert!(env.store.query_all_valid_paths().unwrap().is_empty());
}

/// Child mode of the test above: adds texts and trees, each referring to the previous,
/// and checks after each add that everything it added is still there.
#[test]
fn child_adds_paths() {
    let Some(root) = std::env::var_os(ADDER_VAR) else { return };
    let store = LocalStore::open(Path::new(&root)).unwrap();
    let src = tempfile::tempdir().unwrap();
    let mut added: Vec<StorePath> = Vec::new();
    for i in 0..200 {
        let refs: BTreeSet<StorePath> = added.last().cloned().into_iter().collect();
        let path = if i % 4 == 0 {
            let tree = src.path().join(format!("t{i}"));
            fs::create_dir(&tree).unwrap();
            fs::write(tree.join("f"), format!("{i}")).unwrap();
            let none = BTreeSet::new();
            store.add_path(&tree, "tree", FileIngestionMethod::Recursive, HashAlgo::Sha256, &none).unwrap()
        } else {
            store.add_text(&format!("t{i}"), &format!("{i} {refs:?}"), &refs).unwrap()
        };
        added.push(path);
        for p in &added {
            assert!(store.is_valid(p).unwrap() && fs::symlink_metadata(store.real_path(p)).is_ok(), "{p}");
        }
    }
}

#[test]
fn delete_refuses_live_paths_and_deletes_referrers_with_them() {
    let env = Env::new();
    let a = env.text("a", &[]);
    let b = env.text("b", &[&a]);
    let drv = env.text("d.drv", &[&b]);
    let link = env.dir.path().join("r");
    env.store.add_perm_root(&b, &link).unwrap();
    env.forget();
    let message = format!(
        "Cannot delete path '{a}' since it is still alive. To find out why, use: nix-store --query --roots and nix-store --query --referrers"
    );
    let err = env.store.delete_paths(std::slice::from_ref(&a), false).unwrap_err();
    assert!(matches!(err, StoreError::StillAlive(ref p) if *p == a));
    assert_eq!(err.to_string(), message);
    fs::remove_file(&link).unwrap();
    // Dead now, but `b` refers to it and is not being deleted.
    let err = env.store.delete_paths(std::slice::from_ref(&a), false).unwrap_err();
    assert_eq!(err.to_string(), message);
    assert!(env.store.is_valid(&a).unwrap());

    let result = env.store.delete_paths(&[a.clone(), drv.clone(), b.clone()], false).unwrap();
    assert_eq!(result.paths, [drv.to_absolute(), b.to_absolute(), a.to_absolute()]);
    for p in [&a, &b, &drv] {
        assert!(!env.store.is_valid(p).unwrap() && !env.exists(p));
    }
    assert!(result.messages.last().unwrap().starts_with("note: hard linking is currently saving "));

    // --ignore-liveness deletes a rooted path (that nothing refers to).
    let c = env.text("c", &[]);
    env.store.add_perm_root(&c, &link).unwrap();
    env.forget();
    assert!(env.store.delete_paths(std::slice::from_ref(&c), false).is_err());
    let result = env.store.delete_paths(std::slice::from_ref(&c), true).unwrap();
    assert_eq!(result.paths, [c.to_absolute()]);
}

#[test]
fn max_freed_stops_after_exceeding_it() {
    let env = Env::new();
    for name in ["p1", "p2", "p3"] {
        env.file(name, &vec![name.as_bytes()[1]; 10000]);
    }
    env.forget();
    let nothing =
        env.store.collect_garbage(&GcOptions { max_freed: Some(0), ..GcOptions::default() }).unwrap();
    assert!(nothing.paths.is_empty() && !nothing.messages.contains(&"deleting garbage...".to_owned()));
    let options = GcOptions { max_freed: Some(10000), ..GcOptions::default() };
    let result = env.store.collect_garbage(&options).unwrap();
    assert_eq!(result.paths.len(), 2, "the second path takes it over 10000 bytes");
    assert_eq!(result.bytes_freed, 20000);
    assert!(result.messages.contains(&"deleted more than 10000 bytes; stopping".to_owned()));
    assert_eq!(env.store.query_all_valid_paths().unwrap().len(), 1);
}

#[test]
fn freed_bytes_and_unused_links_as_the_reference() {
    let env = Env::new();
    let contents = vec![b'a'; 20000];
    let dirs: Vec<StorePath> =
        ["e1", "e2"].iter().map(|name| env.dir_with_file(name, &contents, 0o644)).collect();
    env.store.optimise().unwrap();
    env.forget();
    let links = env.store.store_dir().join(".links");
    let orphan = links.join("orphan");
    fs::write(&orphan, vec![0; 50000]).unwrap();
    // Deleting a file that is still linked twice frees nothing; the orphan is pruned
    // without counting.
    let first = env.store.delete_paths(&dirs[..1], false).unwrap();
    assert_eq!(first.bytes_freed, 0);
    assert!(!orphan.exists());
    assert_eq!(fs::read_dir(&links).unwrap().count(), 1);
    assert!(first.messages.contains(&"deleting unused links...".to_owned()));
    let dir_bytes = fs::metadata(&links).unwrap().blocks() as i64 * 512;
    // One entry of 20000 bytes linked twice: 20000 shared, minus its 20000 and the directory.
    let note = format!("note: hard linking is currently saving {}", render_size(-dir_bytes));
    assert_eq!(first.messages.last(), Some(&note));
    // The last link but one (the other is in .links) counts, and the entry goes.
    let second = env.store.delete_paths(&dirs[1..], false).unwrap();
    assert_eq!(second.bytes_freed, 20000);
    assert_eq!(fs::read_dir(&links).unwrap().count(), 0);
}

#[test]
fn sizes_are_rendered_as_the_reference() {
    assert_eq!(render_size(19), "0.0 KiB");
    assert_eq!(render_size(10000), "9.8 KiB");
    assert_eq!(render_size(20000), "19.5 KiB");
    assert_eq!(render_size(1048576), "1024.0 KiB");
    assert_eq!(render_size(3000000), "2.9 MiB");
    assert_eq!(render_size(-4096), "-4.0 KiB");
    assert_eq!(render_size(35904), "35.1 KiB");
}
