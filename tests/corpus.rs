//! The instantiation package set in `tests/corpus/drv-set/` against the reference: every package's (and output's)
//! `.drv` path and output path, for the plain set, with overlays and for another
//! system, must be the reference's (`tests/corpus/expected-paths.json`, produced by
//! `tests/corpus/generate.sh`); instantiating the set writes every one of those `.drv`
//! files.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn ferrix(store: &Path, args: &[&str]) -> String {
    let out = Command::new(common::FERRIX)
        .args(args)
        .current_dir(repo())
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", "/tmp")
        .env("FERRIX_STORE", store)
        .output()
        .expect("run ferrix");
    assert!(out.status.success(), "ferrix {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// Every `drvPath` in the expected paths.
fn drv_paths(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("drvPath", serde_json::Value::String(s)) => out.push(s.clone()),
                    _ => drv_paths(v, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| drv_paths(v, out)),
        _ => {}
    }
}

#[test]
fn corpus_paths_are_the_references() {
    let store = tempfile::tempdir().expect("temporary store");
    let printed = ferrix(
        store.path(),
        &["nix-instantiate", "--eval", "--strict", "--json", "tests/corpus/drv-set/paths.nix"],
    );
    let expected = std::fs::read_to_string(repo().join("tests/corpus/expected-paths.json")).expect("golden");
    let got: serde_json::Value = serde_json::from_str(&printed).expect("JSON output");
    let want: serde_json::Value = serde_json::from_str(&expected).expect("golden JSON");
    assert_eq!(got, want);
    assert_eq!(printed, expected, "same paths, printed differently");
}

#[test]
fn instantiating_the_corpus_writes_every_drv() {
    let store = tempfile::tempdir().expect("temporary store");
    let expected = std::fs::read_to_string(repo().join("tests/corpus/expected-paths.json")).expect("golden");
    let want: serde_json::Value = serde_json::from_str(&expected).expect("golden JSON");
    let mut drvs = Vec::new();
    drv_paths(&want["plain"], &mut drvs);
    assert!(drvs.len() > 10, "{drvs:?}");
    let printed = ferrix(store.path(), &["nix-instantiate", "tests/corpus/drv-set/default.nix"]);
    assert!(!printed.is_empty());
    for drv in drvs {
        let file = store.path().join(drv.trim_start_matches('/'));
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{drv} not written: {e}"));
        assert!(text.starts_with("Derive(["), "{drv}");
    }
}
