//! `nix-store --gc/--delete/--optimise` and `ferrix store gc/delete/optimise` against a
//! throwaway store. The expected output is what the reference (Nix 2.34 via refnix)
//! printed for the same inputs; its paths were produced by it too.

mod common;

use common::{FERRIX, TempStore, fails, personality, run_with};
use std::fs;
use std::path::{Path, PathBuf};

/// `nix-store --add` of a file `x` holding 10000 zero bytes, by the reference.
const X: &str = "/nix/store/fzkikzw28bl0z6c7d8yl5w6akq24flcv-x";
/// `nix-store --add` of directories `d1`, `d2` each holding `f` = "same content\n".
const D1: &str = "/nix/store/m5xjxg2vxijmgb07vxxwkwpqw2y6q9aw-d1";
const D2: &str = "/nix/store/a5gkhm3lmq6cbb6d9rn7hvlrljkn5jbg-d2";
const ALIVE: &str = "since it is still alive. To find out why, use: nix-store --query --roots and nix-store --query --referrers";

/// A temporary directory with the inputs (`x`, `d1/f`, `d2/f`) and, below `store`, the
/// store the commands run on.
struct Env(TempStore);

fn env_with_inputs() -> Env {
    let env = Env(TempStore::new());
    let dir = env.0.dir.path();
    fs::write(dir.join("x"), vec![0u8; 10000]).unwrap();
    for d in ["d1", "d2"] {
        fs::create_dir(dir.join(d)).unwrap();
        fs::write(dir.join(d).join("f"), "same content\n").unwrap();
    }
    env
}

impl Env {
    fn store(&self) -> PathBuf {
        self.0.store()
    }
    fn input(&self, name: &str) -> String {
        self.0.dir.path().join(name).to_str().unwrap().to_owned()
    }
    fn nix_store_link(&self) -> PathBuf {
        personality(self.0.dir.path(), "nix-store")
    }
    /// Runs `nix-store args`, expecting success; returns (stdout, stderr).
    fn nix_store(&self, args: &[&str]) -> (String, String) {
        self.run(&self.nix_store_link(), args)
    }
    fn ferrix(&self, args: &[&str]) -> (String, String) {
        self.run(Path::new(FERRIX), args)
    }
    fn run(&self, program: &Path, args: &[&str]) -> (String, String) {
        let out = run_with(program, args, Some(&self.store()), b"");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(out.status.success(), "{args:?}: {stderr}");
        (String::from_utf8(out.stdout).unwrap(), stderr)
    }
    /// A symlink `gcroots/name` to the physical place of `store_path`.
    fn gcroot(&self, name: &str, store_path: &str) -> PathBuf {
        let dir = self.store().join("nix/var/ferrix/gcroots");
        fs::create_dir_all(&dir).unwrap();
        let link = dir.join(name);
        std::os::unix::fs::symlink(self.store().join(store_path.trim_start_matches('/')), &link).unwrap();
        link
    }
}

#[test]
fn gc_deletes_dead_paths_with_the_reference_output() {
    let env = env_with_inputs();
    assert_eq!(env.nix_store(&["--add", &env.input("x")]).0, format!("{X}\n"));
    let (out, err) = env.nix_store(&["--gc"]);
    assert_eq!(out, "1 store paths deleted, 9.8 KiB freed\n");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[..4],
        [
            "finding garbage collector roots...",
            "deleting garbage...",
            &format!("deleting '{X}'"),
            "deleting unused links...",
        ]
    );
    assert!(lines[4].starts_with("note: hard linking is currently saving "), "{err}");
    assert!(!env.store().join(X.trim_start_matches('/')).exists());
    assert_eq!(env.nix_store(&["--gc"]).0, "0 store paths deleted, 0.0 KiB freed\n");
}

#[test]
fn gc_prints_roots_live_and_dead_paths() {
    let env = env_with_inputs();
    env.nix_store(&["--add", &env.input("x"), &env.input("d1"), &env.input("d2")]);
    let link = env.gcroot("mine", D1);
    let (out, err) = env.nix_store(&["--gc", "--print-roots"]);
    assert_eq!(out, format!("\"{}\" -> {D1}\n", link.display()));
    assert_eq!(err, "");
    let (out, err) = env.nix_store(&["--gc", "--print-live"]);
    assert_eq!(out, format!("{D1}\n"));
    assert_eq!(err, "finding garbage collector roots...\ndetermining live/dead paths...\n");
    assert_eq!(env.nix_store(&["--gc", "--print-dead"]).0, format!("{D2}\n{X}\n"));
    assert_eq!(env.ferrix(&["store", "gc", "--print-dead"]).0, format!("{D2}\n{X}\n"));
    assert_eq!(env.ferrix(&["store", "gc", "--print-roots"]).0, format!("\"{}\" -> {D1}\n", link.display()));
    // Paths go in name order (d2 before x), until more than --max-freed bytes are freed.
    let (out, err) = env.ferrix(&["store", "gc", "--max-freed", "1"]);
    assert_eq!(out, "1 store paths deleted, 0.0 KiB freed\n");
    assert!(err.contains(&format!("deleting '{D2}'\ndeleted more than 1 bytes; stopping\n")), "{err}");
    let (out, err) = env.nix_store(&["--gc", "--max-freed", "1K"]);
    assert_eq!(out, "1 store paths deleted, 9.8 KiB freed\n");
    assert!(err.contains("deleted more than 1024 bytes; stopping\n"), "{err}");
    assert!(env.store().join(D1.trim_start_matches('/')).exists());
}

#[test]
fn delete_refuses_live_paths_and_deletes_dead_ones() {
    let env = env_with_inputs();
    env.nix_store(&["--add", &env.input("x"), &env.input("d1")]);
    env.gcroot("x", X);
    let out = run_with(&env.nix_store_link(), &["--delete", X], Some(&env.store()), b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "0 store paths deleted, 0.0 KiB freed\n");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.ends_with(&format!("error: Cannot delete path '{X}' {ALIVE}\n")), "{err}");
    assert!(err.starts_with("finding garbage collector roots...\n"), "{err}");

    let (out, err) = env.nix_store(&["--delete", D1]);
    assert_eq!(out, "1 store paths deleted, 0.0 KiB freed\n");
    assert!(err.contains(&format!("deleting '{D1}'\n")), "{err}");
    let (out, _) = env.ferrix(&["store", "delete", "--ignore-liveness", X]);
    assert_eq!(out, "1 store paths deleted, 9.8 KiB freed\n");
}

#[test]
fn optimise_reports_what_hard_linking_freed() {
    let env = env_with_inputs();
    env.nix_store(&["--add", &env.input("d1"), &env.input("d2")]);
    let (out, err) = env.nix_store(&["--optimise"]);
    assert_eq!((out.as_str(), err.as_str()), ("", "0.0 KiB freed by hard-linking 1 files\n"));
    let (_, err) = env.ferrix(&["store", "optimise"]);
    assert_eq!(err, "0.0 KiB freed by hard-linking 0 files\n");
    let ino = |p: &str| {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(env.store().join(p.trim_start_matches('/')).join("f")).unwrap().ino()
    };
    assert_eq!(ino(D1), ino(D2));
}

#[test]
fn gc_usage_errors_are_worded_as_the_reference() {
    let env = env_with_inputs();
    let nix_store = env.nix_store_link();
    let store = env.store();
    let cases: [(&[&str], &str); 4] = [
        (&["--gc", "--max-freed", "abc"], "error: invalid unit specifier 'C'"),
        (&["--gc", "--max-freed", "1.5"], "error: '1.5' is not an integer"),
        (&["--gc", "extra"], "error: no arguments expected"),
        (&["--optimise", "extra"], "error: no arguments expected"),
    ];
    for (args, message) in cases {
        let err = fails(&nix_store, args, Some(&store), 2);
        assert!(err.starts_with(&format!("{message}\nTry 'nix-store --help'")), "{args:?}: {err}");
    }
}
