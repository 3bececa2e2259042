//! The standard library embedded in the binary: `<ferrix>` is the repository's
//! `stdlib/` tree, written to the store as `ferrix-stdlib` on first use (also by
//! read-only evaluation), unless the search path names another `ferrix`.

mod common;

use common::{FERRIX, run_with};
use std::path::Path;

const STDLIB: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/stdlib");

fn eval(store: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["nix-instantiate", "--eval", "--strict"];
    all.extend_from_slice(args);
    run_with(Path::new(FERRIX), &all, Some(store), b"")
}

/// The files under `dir`, relative, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_owned()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else {
                found.push(path.strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    found.sort();
    found
}

#[test]
fn ferrix_is_the_embedded_stdlib_in_the_store() {
    let store = tempfile::tempdir().unwrap();
    let out = eval(store.path(), &["-E", "toString <ferrix>"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed = String::from_utf8(out.stdout).unwrap();
    let path = printed.trim().trim_matches('"');
    assert!(path.starts_with("/nix/store/") && path.ends_with("-ferrix-stdlib"), "{path}");
    let physical = store.path().join(path.trim_start_matches('/'));
    assert_eq!(files(&physical), files(Path::new(STDLIB)));
    for file in files(&physical) {
        assert_eq!(
            std::fs::read(physical.join(&file)).unwrap(),
            std::fs::read(Path::new(STDLIB).join(&file)).unwrap()
        );
    }
    // `import <ferrix>` reads its default.nix; the same contents give the same path.
    let out = eval(store.path(), &["-E", "(import <ferrix> {}) ? lib"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "true\n");
    let again = eval(tempfile::tempdir().unwrap().path(), &["-E", "toString <ferrix>"]);
    assert_eq!(String::from_utf8(again.stdout).unwrap(), printed);
}

#[test]
fn the_search_path_comes_first_and_missing_files_are_errors() {
    let store = tempfile::tempdir().unwrap();
    let mine = tempfile::tempdir().unwrap();
    std::fs::write(mine.path().join("default.nix"), "42").unwrap();
    let include = format!("ferrix={}", mine.path().display());
    let out = eval(store.path(), &["-I", &include, "-E", "import <ferrix>"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "42\n");
    let out = eval(store.path(), &["-E", "<ferrix/missing.nix>"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("error: file 'ferrix/missing.nix' was not found in the Nix search path"), "{err}");
}

/// `<ferrix>` takes nixpkgs' `config`: check-meta refuses a broken package unless
/// `config.allowBroken`, and stdenv's hostPlatform is the current system elaborated.
#[test]
fn ferrix_config_reaches_check_meta() {
    let store = tempfile::tempdir().unwrap();
    let pkg = "stdenvNoCC.mkDerivation { name = \"b\"; meta.broken = true; }";
    let refused = eval(store.path(), &["-E", &format!("with import <ferrix> {{ }}; ({pkg}).drvPath")]);
    assert_eq!(refused.status.code(), Some(1));
    let err = String::from_utf8_lossy(&refused.stderr);
    // (The place is «unknown-file»: Ferrix has no attribute positions for `-E` text.)
    assert!(err.contains("error: Package ‘b’ in "), "{err}");
    assert!(err.contains(" is marked as broken, refusing to evaluate."), "{err}");
    let allowed = eval(
        store.path(),
        &[
            "-E",
            &format!(
                "with import <ferrix> {{ config.allowBroken = true; }}; builtins.isString ({pkg}).drvPath"
            ),
        ],
    );
    assert_eq!(
        String::from_utf8_lossy(&allowed.stdout),
        "true\n",
        "{}",
        String::from_utf8_lossy(&allowed.stderr)
    );
    let platform = eval(
        store.path(),
        &[
            "-E",
            "with import <ferrix> { }; [ (stdenv.hostPlatform.system == builtins.currentSystem) stdenv.hostPlatform.parsed.kernel.name stdenv.isLinux ]",
        ],
    );
    assert_eq!(String::from_utf8_lossy(&platform.stdout), "[ true \"linux\" true ]\n");
}

#[test]
fn a_path_inside_the_store_is_copied_when_interpolated() {
    // The stdlib is in the store (its objects elsewhere on this host): interpolating
    // one of its files copies that file as a source of its own, as the reference does.
    let store = tempfile::tempdir().unwrap();
    let out = eval(store.path(), &["--read-write-mode", "-E", "\"${<ferrix/default.nix>}\""]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let path = String::from_utf8(out.stdout).unwrap().trim().trim_matches('"').to_owned();
    assert!(path.starts_with("/nix/store/") && path.ends_with("-default.nix"), "{path}");
    let copied = store.path().join(path.trim_start_matches('/'));
    let original = std::fs::read_to_string(Path::new(STDLIB).join("default.nix")).unwrap();
    assert_eq!(std::fs::read_to_string(copied).unwrap(), original);
}
