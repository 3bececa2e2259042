//! The standard library's `buildEnv`, built in the sandbox: what `tests/buildenv/cases.nix`
//! builds must be the tree of symlinks nixpkgs' buildEnv makes of the same packages
//! (which paths are links, to which package, which are merged directories), or fail
//! with its message.

mod common;

use common::TempStore;
use std::path::{Path, PathBuf};
use std::process::Output;

const CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/buildenv/cases.nix");

/// A throwaway store, with the builds of `tests/buildenv/cases.nix`.
struct Env(TempStore);

impl Env {
    fn new() -> Env {
        Env(TempStore::new())
    }

    fn build(&self, attr: &str) -> Output {
        self.0.build(CASES, attr)
    }

    /// Builds `attr` and gives its output's physical place.
    fn built(&self, attr: &str) -> PathBuf {
        self.0.built(CASES, attr)
    }

    /// Builds `attr`, expecting the build to fail; gives what it printed.
    fn failed(&self, attr: &str) -> String {
        let out = self.build(attr);
        assert_eq!(out.status.code(), Some(100), "{attr}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stderr).into_owned()
    }

    /// What `ferrix eval` prints for `expr`, with the cases in scope.
    fn eval(&self, expr: &str) -> Output {
        self.0.ferrix(&["eval", "--strict", "-E", &format!("with import {CASES}; {expr}")])
    }

    /// The store path of `attr` of the cases (without building it).
    fn path_of(&self, attr: &str) -> String {
        self.0.path_of(CASES, attr)
    }
}

/// Where the link `rel` of the environment `env` points (a /nix/store path: links do
/// not resolve on this host, whose store is elsewhere).
fn link(env: &Path, rel: &str) -> String {
    let target = std::fs::read_link(env.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    target.to_string_lossy().into_owned()
}

/// Whether `rel` is a real directory of the environment (not a link to one).
fn is_dir(env: &Path, rel: &str) -> bool {
    std::fs::symlink_metadata(env.join(rel)).is_ok_and(|m| m.is_dir())
}

fn absent(env: &Path, rel: &str) -> bool {
    std::fs::symlink_metadata(env.join(rel)).is_err()
}

#[test]
fn a_path_of_one_package_is_one_link_and_the_lower_priority_number_wins() {
    let env = Env::new();
    let (tools, other) = (env.path_of("tools"), env.path_of("other"));
    for attr in ["preferOther", "preferOtherListedFirst"] {
        let out = env.built(attr);
        // bin is in both: a directory, merged; other (hiPrio) wins bin/tool.
        assert!(is_dir(&out, "bin"), "{attr}");
        assert_eq!(link(&out, "bin/tool"), format!("{other}/bin/tool"), "{attr}");
        assert_eq!(link(&out, "bin/tools-only"), format!("{tools}/bin/tools-only"));
        assert_eq!(link(&out, "bin/other-only"), format!("{other}/bin/other-only"));
        // share and lib are one package's each: one link to the directory.
        assert_eq!(link(&out, "share"), format!("{tools}/share"));
        assert_eq!(link(&out, "lib"), format!("{other}/lib"));
    }
}

#[test]
fn files_with_the_same_contents_do_not_collide() {
    let env = Env::new();
    let out = env.built("identical");
    assert_eq!(link(&out, "bin/tool"), format!("{}/bin/tool", env.path_of("tools")));
}

#[test]
fn a_collision_fails_the_build_unless_collisions_are_ignored() {
    let env = Env::new();
    let (tools, other) = (env.path_of("tools"), env.path_of("other"));
    let err = env.failed("colliding");
    let message = format!("collision between `{other}/bin/tool' and `{tools}/bin/tool'");
    assert!(err.contains(&message), "{err}");
    let out = env.built("ignoring");
    assert_eq!(link(&out, "bin/tool"), format!("{tools}/bin/tool"));
    let log = String::from_utf8(env.0.ferrix(&["log", out.to_str().unwrap()]).stdout).unwrap();
    assert!(log.contains(&format!("warning: {message}")), "{log}");
}

#[test]
fn paths_to_link_restrict_the_environment() {
    let env = Env::new();
    let out = env.built("shareOnly");
    assert!(is_dir(&out, "share"));
    assert_eq!(link(&out, "share/tools"), format!("{}/share/tools", env.path_of("tools")));
    assert!(absent(&out, "bin") && absent(&out, "lib"));
}

#[test]
fn outputs_are_chosen_by_meta_extra_outputs_and_output_specified() {
    let env = Env::new();
    let (out, dev, man) = (env.path_of("multi.out"), env.path_of("multi.dev"), env.path_of("multi.man"));
    // meta.outputsToInstall: out and man.
    let default = env.built("defaultOutputs");
    assert_eq!(link(&default, "lib"), format!("{out}/lib"));
    assert_eq!(link(&default, "share"), format!("{man}/share"));
    assert!(absent(&default, "include"));
    // extraOutputsToInstall adds dev; the missing doc is left out.
    let extra = env.built("extraOutputs");
    assert_eq!(link(&extra, "include"), format!("{dev}/include"));
    assert_eq!(link(&extra, "lib"), format!("{out}/lib"));
    // A package chosen by its output installs that output only.
    let dev_only = env.built("devOnly");
    assert_eq!(link(&dev_only, "include"), format!("{dev}/include"));
    assert!(absent(&dev_only, "lib") && absent(&dev_only, "share"));
    // Without outputSpecified, the same value installs meta.outputsToInstall.
    let unspecified = env.built("devUnspecified");
    assert_eq!(link(&unspecified, "lib"), format!("{out}/lib"));
    assert!(absent(&unspecified, "include"));
    let meta = env.built("metaOutputs");
    assert_eq!(link(&meta, "include"), format!("{dev}/include"));
    assert!(absent(&meta, "lib"));
    // nix-support (dev's propagated-build-inputs) never is in an environment.
    assert!(absent(&extra, "nix-support") && absent(&dev_only, "nix-support"));
}

#[test]
fn extra_prefix_post_build_manifest_passthru_and_meta() {
    let env = Env::new();
    let out = env.built("decorated");
    let tools = env.path_of("tools");
    assert_eq!(link(&out, "opt/env/bin"), format!("{tools}/bin"));
    assert!(absent(&out, "bin"));
    let marker = std::fs::read_to_string(out.join("marker")).unwrap();
    assert_eq!(marker, format!("built at {}\n", env.path_of("decorated")));
    assert_eq!(link(&out, "manifest"), env.path_of("decorated.manifest"));
    let manifest = env.path_of("decorated.manifest");
    assert!(manifest.ends_with("-manifest.nix"), "{manifest}");
    let attrs =
        env.eval("[ decorated.greeting decorated.meta.description (builtins.length decorated.paths) ]");
    let printed = String::from_utf8_lossy(&attrs.stdout);
    assert_eq!(printed.trim(), r#"[ "hello" "a decorated environment" 1 ]"#);
}

#[test]
fn propagated_user_env_packages_are_installed_and_lose_collisions() {
    let env = Env::new();
    let out = env.built("propagating");
    let (main, other) = (env.path_of("withUserEnv"), env.path_of("other"));
    assert_eq!(link(&out, "bin/tool"), format!("{main}/bin/tool"));
    assert_eq!(link(&out, "bin/other-only"), format!("{other}/bin/other-only"));
    assert_eq!(link(&out, "lib"), format!("{other}/lib"));
    assert!(absent(&out, "nix-support"));
}

#[test]
fn a_package_that_is_a_file_is_refused_unless_ignored() {
    let env = Env::new();
    let single = env.path_of("single");
    let err = env.failed("singleFile");
    let message = format!(
        "The store path {single} is a file and can't be merged into an environment using pkgs.buildEnv!"
    );
    assert!(err.contains(&message), "{err}");
    let out = env.built("singleFileIgnored");
    assert_eq!(link(&out, "bin"), format!("{}/bin", env.path_of("tools")));
}

#[test]
fn include_closures_merges_the_closures_of_the_packages_after_them() {
    let env = Env::new();
    let (refers, other) = (env.path_of("refersToOther"), env.path_of("other"));
    let out = env.built("closures");
    assert_eq!(link(&out, "bin/refers"), format!("{refers}/bin/refers"));
    assert_eq!(link(&out, "bin/tool"), format!("{refers}/bin/tool"));
    assert_eq!(link(&out, "bin/other-only"), format!("{other}/bin/other-only"));
    assert_eq!(link(&out, "lib"), format!("{other}/lib"));
    let out = env.built("noClosures");
    assert_eq!(link(&out, "bin"), format!("{refers}/bin"));
    assert!(absent(&out, "lib"));
}

#[test]
fn write_closure_lists_the_closures_sorted_once() {
    let env = Env::new();
    let (refers, other, tools) = (env.path_of("refersToOther"), env.path_of("other"), env.path_of("tools"));
    let read = |attr: &str| std::fs::read_to_string(env.built(attr)).unwrap();
    let lines = |paths: &[&String]| {
        let mut paths: Vec<&String> = paths.to_vec();
        paths.sort();
        paths.iter().map(|p| format!("{p}\n")).collect::<String>()
    };
    assert_eq!(read("closureOfOne"), lines(&[&refers, &other]));
    assert_eq!(read("closureOfMany"), lines(&[&refers, &other, &tools]));
    assert_eq!(read("closureOfNone"), "");
}
