//! The standard library's `lib` (`stdlib/lib/`), evaluated by Ferrix and compared with
//! the reference evaluator's outputs for the same files (`tests/stdlib/generate.sh`):
//! each `tests/stdlib/lib/NAME.nix` must print `NAME.exp` under
//! `nix-instantiate --eval --strict`, and each `tests/stdlib/errors/NAME.nix` must fail
//! with `NAME.err.exp` on stderr: the whole rendered error.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The `.nix` files of `tests/stdlib/<sub>`, sorted.
fn cases(sub: &str) -> Vec<PathBuf> {
    let dir = repo().join("tests/stdlib").join(sub);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "nix"))
        .collect();
    files.sort();
    files
}

/// `nix-instantiate --eval --strict FILE` in the file's directory, as generate.sh runs
/// the reference; stdout and stderr with the repository's path made `/repo`.
fn eval(nix_instantiate: &Path, file: &Path) -> (Output, String, String) {
    let out = Command::new(nix_instantiate)
        .args(["--eval", "--strict"])
        .arg(file.file_name().expect("file name"))
        .current_dir(file.parent().expect("directory"))
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", "/tmp")
        .stdin(Stdio::null())
        .output()
        .expect("run ferrix");
    let repo = repo();
    let repo = repo.to_str().expect("utf-8 path");
    let stdout = String::from_utf8_lossy(&out.stdout).replace(repo, "/repo");
    let stderr = String::from_utf8_lossy(&out.stderr).replace(repo, "/repo");
    (out, stdout, stderr)
}

fn expected(file: &Path, suffix: &str) -> String {
    let exp = file.with_extension(suffix);
    std::fs::read_to_string(&exp).unwrap_or_else(|e| panic!("{}: {e}", exp.display()))
}

/// Runs every case of `tests/stdlib/<sub>` (at least `min` of them) and collects what
/// `judge(file, output, stdout, stderr)` finds wrong.
fn check_cases(sub: &str, min: usize, judge: impl Fn(&Path, &Output, &str, &str) -> Option<String>) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let nix_instantiate = common::personality(tmp.path(), "nix-instantiate");
    let files = cases(sub);
    assert!(files.len() >= min, "the {sub} tests are missing: {files:?}");
    let failures: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let (out, stdout, stderr) = eval(&nix_instantiate, file);
            judge(file, &out, &stdout, &stderr).map(|why| format!("{}: {why}", file.display()))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn lib_tests_print_the_references_values() {
    check_cases("lib", 9, |file, out, stdout, stderr| {
        let want = expected(file, "exp");
        if !out.status.success() {
            Some(format!("failed: {stderr}"))
        } else {
            (stdout != want).then(|| format!("\n  want: {want}\n  got:  {stdout}"))
        }
    });
}

#[test]
fn lib_errors_are_the_references() {
    check_cases("errors", 3, |file, out, _, stderr| {
        let want = expected(file, "err.exp");
        if out.status.code() != Some(1) {
            Some(format!("exit {:?}: {stderr}", out.status.code()))
        } else {
            (stderr != want).then(|| format!("\n--- want\n{want}\n--- got\n{stderr}"))
        }
    });
}

/// The brief's contract: every section is a set in `lib`, and (but for `versions` and
/// `generators`, which nixpkgs keeps by section too) each of its names is also flat.
#[test]
fn sections_are_flattened() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let nix_instantiate = common::personality(tmp.path(), "nix-instantiate");
    let lib = repo().join("stdlib/lib");
    let expr = format!(
        "let lib = import {}; flat = [ \"trivial\" \"lists\" \"strings\" \"attrsets\" \"fixedPoints\" \
         \"customisation\" \"asserts\" \"meta\" ]; \
         in builtins.concatMap (s: builtins.filter (n: !(lib ? ${{n}})) (builtins.attrNames lib.${{s}})) flat",
        lib.display()
    );
    let out = common::ok(&nix_instantiate, &["--eval", "--strict", "-E", &expr], None);
    assert_eq!(out, "[ ]\n");
}
