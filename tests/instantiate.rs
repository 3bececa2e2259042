//! Instantiation against the reference: each case in `tests/instantiate/` (see its
//! README) is instantiated into a fresh store; the printed paths must be the
//! reference's, and every `.drv` file in the closure must be byte for byte the one the
//! reference wrote. Also: `--eval` writes nothing, and `--add-root` makes GC roots.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/instantiate")
}

/// Runs `ferrix nix-instantiate ARGS` in the cases' directory with the store at `store`.
fn instantiate(store: &Path, args: &[&str]) -> Output {
    Command::new(common::FERRIX)
        .arg("nix-instantiate")
        .args(args)
        .current_dir(cases_dir())
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", "/tmp")
        .env("FERRIX_STORE", store)
        .output()
        .expect("run ferrix")
}

/// The `(path, text)` pairs of a `.drvs` file: a path line, then the `.drv` text line.
fn expected_drvs(case: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(cases_dir().join(format!("{case}.drvs"))).expect("golden .drvs");
    let lines: Vec<&str> = text.lines().collect();
    lines.chunks(2).map(|pair| (pair[0].to_owned(), pair[1].to_owned())).collect()
}

/// Instantiates `case` and compares with the reference; gives the differences.
fn check_case(case: &str) -> Vec<String> {
    let store = tempfile::tempdir().expect("temporary store");
    let out = instantiate(store.path(), &[&format!("{case}.nix")]);
    let mut problems = Vec::new();
    if !out.status.success() {
        return vec![format!("{case}: failed: {}", String::from_utf8_lossy(&out.stderr))];
    }
    let expected = std::fs::read_to_string(cases_dir().join(format!("{case}.out"))).expect("golden .out");
    if String::from_utf8_lossy(&out.stdout) != expected {
        problems
            .push(format!("{case}: printed\n{}\nexpected\n{expected}", String::from_utf8_lossy(&out.stdout)));
    }
    for (path, text) in expected_drvs(case) {
        let written = store.path().join(path.trim_start_matches('/'));
        match std::fs::read_to_string(&written) {
            Ok(got) if got == text => {}
            Ok(got) => problems.push(format!("{case}: {path} differs:\n got {got}\nwant {text}")),
            Err(e) => problems.push(format!("{case}: {path} not written: {e}")),
        }
    }
    problems
}

#[test]
fn drv_files_are_the_references() {
    let mut cases: Vec<String> = std::fs::read_dir(cases_dir())
        .expect("cases")
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".nix").map(str::to_owned))
        .collect();
    cases.sort();
    assert!(cases.len() >= 5, "cases: {cases:?}");
    let problems: Vec<String> = cases.iter().flat_map(|c| check_case(c)).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn eval_mode_computes_paths_without_writing() {
    let store = tempfile::tempdir().expect("temporary store");
    let expr = r#"(derivation {
        name = "x"; system = "s"; builder = "/b";
        src = ./src/data.txt; script = builtins.toFile "s" "echo";
      }).drvPath"#;
    let out = instantiate(store.path(), &["--eval", "-E", expr]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains(".drv"));
    let objects = store.path().join("nix/store");
    let written = std::fs::read_dir(&objects).map(|d| d.count()).unwrap_or(0);
    assert_eq!(written, 0, "--eval wrote to the store");
}

#[test]
fn add_root_links_each_derivation() {
    let store = tempfile::tempdir().expect("temporary store");
    let roots = tempfile::tempdir().expect("root directory");
    let link = roots.path().join("result");
    let out = instantiate(store.path(), &["--add-root", link.to_str().expect("utf-8"), "multi-output.nix"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed = String::from_utf8_lossy(&out.stdout);
    let expected = std::fs::read_to_string(cases_dir().join("multi-output.out")).expect("golden");
    assert_eq!(printed.lines().count(), expected.lines().count());
    for (i, (line, drv)) in printed.lines().zip(expected.lines()).enumerate() {
        let name = if i == 0 { "result".to_owned() } else { format!("result-{}", i + 1) };
        let root = roots.path().join(&name);
        // The printed root keeps the output suffix, as the `.drv` path would.
        let suffix = drv.find('!').map_or("", |i| &drv[i..]);
        assert_eq!(line, format!("{}{suffix}", root.display()));
        let target = std::fs::read_link(&root).expect("a symlink");
        let drv_path = drv.split('!').next().expect("a path");
        assert_eq!(target, store.path().join(drv_path.trim_start_matches('/')));
    }
    let auto = store.path().join("nix/var/ferrix/gcroots/auto");
    let registered: Vec<PathBuf> = std::fs::read_dir(&auto)
        .expect("indirect roots")
        .map(|e| std::fs::read_link(e.expect("entry").path()).expect("link"))
        .collect();
    assert!(registered.contains(&link), "{registered:?}");
}

#[test]
fn import_from_derivation_in_read_only_mode_needs_the_drv_written() {
    // Read-only evaluation writes no `.drv`, so there is nothing to build (the
    // reference's message; read-write evaluation builds it: tests/build.rs).
    let store = tempfile::tempdir().expect("temporary store");
    let expr = r#"import (derivation { name = "a"; system = "x"; builder = "/b"; })"#;
    let out = instantiate(store.path(), &["--eval", "-E", expr]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("while realising the context of path '/nix/store/"), "{stderr}");
    assert!(stderr.contains("error: path 'zls09i4hh0vfzm882j1ry186i11233w6-a.drv' is not valid"), "{stderr}");
    // With the `.drv` written, read-only evaluation cannot write its output.
    let out =
        instantiate(store.path(), &["-E", r#"derivation { name = "a"; system = "x"; builder = "/b"; }"#]);
    assert!(out.status.success());
    let out = instantiate(store.path(), &["--eval", "-E", expr]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let expected = "error: cannot substitute path '/nix/store/jmiqmmfgfzm7hx55p1kpgbnn52ys6k29-a' - no write \
                    access to the Nix store";
    assert!(stderr.contains(expected), "{stderr}");
}

#[test]
fn ferrix_instantiate_takes_arguments() {
    let store = tempfile::tempdir().expect("temporary store");
    let expr = r#"{ n, s }: derivation { name = "${s}-${toString n}"; system = "x"; builder = "/b"; }"#;
    let out = Command::new(common::FERRIX)
        .args(["--store", store.path().to_str().expect("utf-8")])
        .args(["instantiate", "--arg", "n", "1 + 1", "--argstr", "s", "pkg", "-E", expr])
        .output()
        .expect("run ferrix");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed = String::from_utf8_lossy(&out.stdout);
    let drv = printed.trim();
    assert!(drv.starts_with("/nix/store/") && drv.ends_with("-pkg-2.drv"), "{printed}");
    let text = std::fs::read_to_string(store.path().join(drv.trim_start_matches('/'))).expect("written");
    assert!(text.contains(r#"("name","pkg-2")"#), "{text}");
}

#[test]
fn read_write_mode_writes_what_eval_computes() {
    let store = tempfile::tempdir().expect("temporary store");
    let expr = r#"(derivation { name = "rw"; system = "s"; builder = "/b"; script = builtins.toFile "s" "echo"; }).drvPath"#;
    let out = instantiate(store.path(), &["--eval", "--read-write-mode", "-E", expr]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed = String::from_utf8_lossy(&out.stdout);
    let drv = printed.trim().trim_matches('"');
    let text =
        std::fs::read_to_string(store.path().join(drv.trim_start_matches('/'))).expect("the .drv written");
    let script = text.split('"').find(|s| s.ends_with("-s")).expect("the toFile input");
    assert!(store.path().join(script.trim_start_matches('/')).is_file(), "{script} not written");
}

#[test]
fn store_given_before_the_personality_is_used() {
    let store = tempfile::tempdir().expect("temporary store");
    let out = Command::new(common::FERRIX)
        .args(["nix-instantiate", "--store", store.path().to_str().expect("utf-8")])
        .args(["-E", r#"derivation { name = "x"; system = "s"; builder = "/b"; }"#])
        .env_remove("FERRIX_STORE")
        .env("HOME", store.path().join("home"))
        .output()
        .expect("run ferrix");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let drv = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert!(store.path().join(drv.trim_start_matches('/')).is_file(), "{drv} not in the given store");
    assert!(!store.path().join("home").exists(), "the default store was used");
}
