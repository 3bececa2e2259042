//! The standard library's stdenv and trivial builders, built in the sandbox: what
//! `tests/stdenv/cases.nix` builds must hold what its phases, hooks and flags say (the
//! generic builder is Ferrix's own, so there is no reference output to compare with).
//! `tests/structured/cases.nix` builds with structured attributes and `closureInfo`,
//! whose files for texts are compared with what the reference's
//! `exportReferencesGraph` gives (`tests/structured/expected/`, made from
//! `tests/structured/reference-export.nix` with refnix by `tests/structured/generate.sh`).

mod common;

use common::{TempStore, read, run_linked};
use std::path::{Path, PathBuf};
use std::process::Output;

const CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/stdenv/cases.nix");
const STRUCTURED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/structured/cases.nix");
const EXPECTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/structured/expected");

/// A throwaway store, with the builds of a cases file.
struct Env(TempStore, &'static str);

impl Env {
    /// Builds `tests/stdenv/cases.nix`.
    fn new() -> Env {
        Env::of(CASES)
    }

    fn of(cases: &'static str) -> Env {
        Env(TempStore::new(), cases)
    }

    fn build(&self, attr: &str) -> Output {
        self.0.build(self.1, attr)
    }

    /// What `ferrix ARGS` prints with this store.
    fn ferrix(&self, args: &[&str]) -> String {
        String::from_utf8(self.0.ferrix(args).stdout).unwrap()
    }

    /// Builds `attr` and gives its output's physical place.
    fn built(&self, attr: &str) -> PathBuf {
        self.0.built(self.1, attr)
    }

    /// The physical place of the output at `attr` (evaluated, not built).
    fn output(&self, attr: &str) -> PathBuf {
        self.0.real(&self.0.path_of(self.1, attr))
    }
}

#[test]
fn trivial_builders_write_their_texts_and_run_their_commands() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    assert_eq!(read(&env.built("text")), "hello world\n");
    assert_eq!(read(&env.built("textDir").join("share/doc/readme")), "read me\n");
    let script = env.built("script").join("bin/greet");
    assert_eq!(read(&script), "#!/bin/bash\necho greetings\n");
    assert_eq!(std::fs::metadata(&script).unwrap().permissions().mode() & 0o111, 0o111);
    assert_eq!(read(&env.built("command").join("value")), "from env\n");
}

#[test]
fn a_configure_and_make_package_builds_runs_and_keeps_hook_variables() {
    let env = Env::new();
    let out = env.built("hello");
    let run = std::process::Command::new(out.join("bin/hello")).output().unwrap();
    // --with-greeting from configureFlags reached the program.
    assert_eq!(String::from_utf8_lossy(&run.stdout), "howdy from a configured package\n");
    // A variable exported in preConfigure was still set in postInstall.
    assert_eq!(read(&out.join("hook")), "set in preConfigure\n");
    let log = env.ferrix(&["log", out.to_str().unwrap()]);
    let phases: Vec<&str> = log.lines().filter_map(|l| l.strip_prefix("Running phase: ")).collect();
    let expected = [
        "unpackPhase",
        "patchPhase",
        "configurePhase",
        "buildPhase",
        "checkPhase",
        "installPhase",
        "fixupPhase",
    ];
    assert_eq!(phases, expected);
}

#[test]
fn phases_follow_flags_overrides_hooks_and_final_attrs() {
    let env = Env::new();
    let out = env.built("phased");
    assert_eq!(read(&out.join("built")), "version 2\n");
    assert_eq!(read(&out.join("order")), "pre\npost\n");
    // overrideAttrs re-evaluates the final attributes.
    assert_eq!(read(&env.built("phasedOverridden").join("built")), "version 3\n");
    let order = read(&env.built("phaseLists").join("order"));
    let want = "first before-configure configure before-build build before-install install before-fixup fixup \
                before-dist dist";
    assert_eq!(order.split_whitespace().collect::<Vec<_>>().join(" "), want);
}

#[test]
fn a_failing_command_fails_the_build() {
    let env = Env::new();
    let out = env.build("failing");
    assert_eq!(out.status.code(), Some(100));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("about to fail") && !err.contains("not reached"), "{err}");
}

#[test]
fn symlink_join_and_link_farm_make_trees_of_symlinks() {
    let env = Env::new();
    let joined = env.built("joined");
    // (Links point at /nix/store/..., which on this host is the store's physical root.)
    let target = |p: PathBuf| std::fs::read_link(&p).unwrap().to_string_lossy().into_owned();
    // The first path wins a collision; files of both are there; postBuild ran.
    assert!(target(joined.join("share/pkg/common")).ends_with("-left/share/pkg/common"));
    assert!(std::fs::symlink_metadata(joined.join("bin/right")).unwrap().is_symlink());
    assert!(std::fs::symlink_metadata(joined.join("share")).unwrap().is_dir());
    assert_eq!(read(&joined.join("added")), "extra\n");
    let stripped = env.built("stripped");
    assert!(stripped.to_string_lossy().ends_with("-stripped-1"));
    assert!(target(stripped.join("pkg/common")).ends_with("-left/share/pkg/common"));
    assert!(!stripped.join("bin").exists());
    // With stripPrefix, a path without it is skipped (failOnMissing's default is
    // `stripPrefix == ""`), unless failOnMissing is set.
    let missing = env.built("missing");
    assert!(target(missing.join("left")).ends_with("-left/bin/left"));
    assert_eq!(std::fs::read_dir(&missing).unwrap().count(), 1);
    let out = env.build("missingStrict");
    assert_eq!(out.status.code(), Some(100));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-hello.txt/bin: Not a directory"));
    // Without stripPrefix, a path that is not a directory fails the build, unless
    // failOnMissing is false.
    assert_eq!(env.build("joinFile").status.code(), Some(100));
    assert!(env.built("joinLenient").join("bin/left").is_symlink());
    let nested = env.built("joinNested");
    assert!(nested.join("bin/left").is_symlink() && nested.join("bin/right").is_symlink());
    // A symlink to a directory is linked as it is (its own target), not mirrored.
    let linked = env.built("joinLinkedDir");
    assert_eq!(target(linked.join("alias")), "real");
    assert!(std::fs::symlink_metadata(linked.join("real")).unwrap().is_dir());
    let farm = env.built("farm");
    assert!(target(farm.join("a/left")).ends_with("-left"));
    assert!(target(farm.join("right")).ends_with("-right"));
    assert!(target(env.built("farmSet").join("l")).ends_with("-left"));
    // A later entry of a name wins; linkFarmFromDrvs names links after the derivations.
    assert!(target(env.built("farmRepeated").join("x")).ends_with("-right"));
    assert!(target(env.built("farmDrvs").join("left")).ends_with("-left"));
}

#[test]
fn run_command_cc_has_the_compiler_and_run_command_has_not() {
    let env = Env::new();
    let with = env.built("withCC");
    assert_eq!(read(&with.join("cc")), "cc");
    assert!(read(&with.join("which")).contains("/.ferrix-cc/bin/cc"), "{}", read(&with.join("which")));
    assert!(with.join("prog").is_file());
    let without = env.built("withoutCC");
    assert_eq!(read(&without.join("cc")), "unset");
    assert_eq!(read(&without.join("cflags")), "unset");
    assert!(!read(&without.join("which")).contains(".ferrix-cc"));
    // writeShellScript checks the script's syntax.
    assert_eq!(env.build("badShellScript").status.code(), Some(100));
}

#[test]
fn packages_outputs_and_trivial_builders_carry_nixpkgs_attributes() {
    let env = Env::new();
    let out = env.0.ferrix(&["eval", "--json", "--strict", "-f", CASES, "-A", "evaluated"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let want = serde_json::json!({
        // Each output carries outputSpecified (the top-level value does not), its own
        // outputName and paths, and the package's passthru, meta and overrideAttrs.
        "outputSpecified": [false, true, true],
        "outputNames": ["lib", "lib", "dev", "out"],
        "devCarries": ["passed", "d", "passed", "pkg"],
        "devPaths": [true, true],
        "topIsFirst": true,
        "getDevOfLib": "lib",
        "getDevOfPkg": "dev",
        "overriddenDev": ["renamed", "dev"],
        // bin, else out, else the first output; and man.
        "outputsToInstall": [["out"], ["bin", "man"], ["out", "man"], ["lib"], ["out"], ["bin", "man"]],
        "ccs": [true, true, true, ""],
        // runCommand, then runCommandLocal (local, never substituted, passAsFile merged).
        "runCommand": [[true, null, null, ["buildCommand"]], [true, true, false, ["buildCommand", "more"]]],
        "writeTextFile": ["tool", 1, false, true],
        "scriptMainProgram": "s",
        "notProgram": false,
        "badDestinations": [true, true, false],
        "badPrefixes": [true, true, false],
        "noName": true,
        "joinAttrs": [true, false, [1, null, 1]],
        "farm": [["x"], true, false],
    });
    assert_eq!(got, want);
}

#[test]
fn a_program_finds_a_library_through_build_inputs_alone() {
    let env = Env::new();
    let greeter = env.built("greeter");
    let refs = env.ferrix(&["store", "references", greeter.to_str().unwrap()]);
    // The program refers to the library (its path is in the run path) and nothing
    // else: fixup's patchELF dropped the run path of its own `lib`, which holds nothing
    // it loads.
    let libgreet = refs.lines().find(|l| l.ends_with("-libgreet")).unwrap_or_else(|| panic!("{refs}"));
    assert_eq!(refs.lines().count(), 1, "{refs}");
    let binary = std::fs::read(greeter.join("bin/greeter")).unwrap();
    // Built with -g, stripped of its debugging sections in fixup.
    assert!(!binary.windows(11).any(|w| w == b".debug_info"), "not stripped");
    let run_path = format!("{libgreet}/lib");
    assert!(binary.windows(run_path.len()).any(|w| w == run_path.as_bytes()));
    let lib = env.0.store().join(libgreet.trim_start_matches('/')).join("lib");
    assert_eq!(run_linked(&greeter.join("bin/greeter"), Some(&lib)), "hello from libgreet\n");
}

#[test]
fn multiple_outputs_sort_files_and_a_user_needs_only_the_library() {
    let env = Env::new();
    let store = env.0.store();
    let user = env.built("multiUser");
    let output = |name: &str| env.output(&format!("libmulti.{name}"));
    let (out, dev, doc, man) = (output("out"), output("dev"), output("doc"), output("man"));
    // Headers and pkg-config files to dev, docs to doc, man pages (all sections, with no
    // devman or devdoc output) to man; the library stays in out.
    assert!(out.join("lib/libmulti.so").is_file());
    assert!(!out.join("include").exists() && !out.join("share").exists());
    assert!(dev.join("include/multi.h").is_file() && dev.join("lib/pkgconfig/multi.pc").is_file());
    assert!(doc.join("share/doc/multi/README").is_file());
    assert!(man.join("share/man/man1/multi.1").is_file() && man.join("share/man/man3/multi.3").is_file());
    // The pkg-config file points at the headers' new place.
    let pc = read(&dev.join("lib/pkgconfig/multi.pc"));
    let dev_path = format!("/{}", dev.strip_prefix(&store).unwrap().display());
    assert!(pc.contains(&format!("includedir={dev_path}/include\n")), "{pc}");
    // dev propagates out, so the user finds the library through `buildInputs = [ libmulti ]`.
    let propagated = read(&dev.join("nix-support/propagated-build-inputs"));
    assert!(propagated.trim().ends_with("-libmulti-1.0"), "{propagated:?}");
    // The user's runtime closure is the library's out: not dev, doc or man.
    let refs = env.ferrix(&["store", "closure", user.to_str().unwrap()]);
    let names: Vec<&str> = refs.lines().map(|l| l.split_once('-').map_or(l, |(_, n)| n)).collect();
    assert_eq!(names, ["libmulti-1.0", "multi-user"], "{refs}");
    assert_eq!(run_linked(&user.join("bin/multi-user"), Some(&out.join("lib"))), "hello from libmulti\n");
}

#[test]
fn fixup_patches_interpreters_to_the_inputs() {
    let env = Env::new();
    let scripts = env.built("scripts");
    let first_line = |f: &str| read(&scripts.join(f)).lines().next().unwrap_or_default().to_owned();
    // `#!/usr/bin/env myinterp` and `#!/bin/myinterp -e` both find the input's interpreter.
    assert!(
        first_line("bin/a").starts_with("#!/nix/store/")
            && first_line("bin/a").ends_with("-interp/bin/myinterp")
    );
    assert!(first_line("bin/b").ends_with("-interp/bin/myinterp -e"), "{}", first_line("bin/b"));
    // Files that are not executable are left alone.
    assert_eq!(first_line("share/not-executable"), "#!/usr/bin/env myinterp");
}

#[test]
fn write_shell_application_makes_a_strict_script_with_its_inputs_on_path() {
    let env = Env::new();
    let app = env.built("app");
    let script = read(&app.join("bin/app"));
    let lines: Vec<&str> = script.lines().collect();
    assert_eq!(lines[..4], ["#!/bin/bash", "set -o errexit", "set -o nounset", "set -o pipefail"]);
    assert_eq!(lines[4], "export GREETING='hi there'");
    assert!(
        lines[5].starts_with("export PATH=\"/nix/store/") && lines[5].ends_with("-interp/bin:$PATH\""),
        "{}",
        lines[5]
    );
    // A syntax error fails the build.
    let out = env.build("badApp");
    assert_eq!(out.status.code(), Some(100), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn fixup_records_propagated_inputs_and_the_setup_hook_for_users() {
    let env = Env::new();
    let path_of = |attr: &str| env.0.path_of(CASES, attr);
    let hooked = env.built("hooked");
    let support = |file: &str| read(&hooked.join("nix-support").join(file));
    assert_eq!(support("propagated-native-build-inputs"), format!("{} ", path_of("nativeTool")));
    assert_eq!(support("propagated-host-host-deps"), format!("{} ", path_of("hostTool")));
    assert_eq!(support("propagated-user-env-packages"), format!("{} ", path_of("text")));
    assert!(!hooked.join("nix-support/propagated-build-inputs").exists());
    // The hook has its @out@ and @toolName@ replaced.
    let hook = support("setup-hook");
    assert!(hook.contains(&format!("export HOOKED_FROM=\"{}\"\n", path_of("hooked"))), "{hook}");
    assert!(hook.contains("export HOOKED_TOOL=\"native-tool\"\n"), "{hook}");
    assert!(hook.contains("export HOOKED_NOTE=\"this & that\"\n"), "{hook}");
    // A user (through depsBuildBuild) gets the hook sourced and both propagated tools.
    let user = env.built("hookedUser");
    assert_eq!(read(&user.join("hook")), format!("{} native-tool\n", path_of("hooked")));
    assert_eq!(read(&user.join("tools")), "native tool\nhost tool\n");
}

#[test]
fn a_structured_package_gets_arrays_outputs_hooks_and_env() {
    let env = Env::of(STRUCTURED);
    let store = env.0.store();
    let out = env.built("hello");
    let run = std::process::Command::new(out.join("bin/hello")).output().unwrap();
    // The configure flag with a space reached configure as one argument, and the make
    // flag make (else `with` and `spaces` would be targets).
    assert_eq!(String::from_utf8_lossy(&run.stdout), "howdy partner from a configured package\n");
    assert_eq!(read(&out.join("note")), "made with spaces\n");
    assert_eq!(read(&out.join("hook")), "set in preConfigure\n");
    assert_eq!(read(&out.join("foo")), "from env\n");
    // $dev was exported from the outputs array; fixup moved headers and docs there.
    assert_eq!(read(&out.join("dev-exported")), "yes\n");
    let output = |name: &str| env.output(&format!("hello.{name}"));
    let (dev, doc) = (output("dev"), output("doc"));
    assert!(dev.join("include/hello.h").is_file() && !out.join("include").exists());
    let propagated = read(&dev.join("nix-support/propagated-build-inputs"));
    assert!(propagated.trim().ends_with("-hello-1.0"), "{propagated:?}");
    assert_eq!(read(&doc.join("share/doc/hello/README")), "read me\n");
    assert!(!out.join("share/doc").exists());
    let refs = env.ferrix(&["store", "references", out.to_str().unwrap()]);
    // The library came through buildInputs and the compiler wrapper.
    let libgreet = refs.lines().find(|l| l.ends_with("-libgreet")).unwrap_or_else(|| panic!("{refs}"));
    let lib = store.join(libgreet.trim_start_matches('/')).join("lib");
    assert_eq!(run_linked(&out.join("bin/greeter"), Some(&lib)), "hello from libgreet\n");
    let log = env.ferrix(&["log", out.to_str().unwrap()]);
    assert!(log.contains("Running phase: checkPhase"), "{log}");
}

#[test]
fn structured_values_are_bash_arrays_and_plain_ones_words() {
    let env = Env::of(STRUCTURED);
    let command = env.built("command");
    assert_eq!(read(&command.join("values")), "a b\nc\nvalue\n1\n");
    let exported = read(&command.join("exported"));
    assert!(exported.trim().ends_with("-structured-command"), "{exported}");
    let plain = env.built("plainFlags");
    assert_eq!(read(&plain.join("flags")), "--a=b\nc\n");
    assert_eq!(read(&plain.join("foo")), "plain env\n");
}

#[test]
fn env_attributes_are_checked_as_nixpkgs_checks_them() {
    let env = Env::of(STRUCTURED);
    let error = |attr: &str| {
        let out = env.0.ferrix(&["eval", "-f", STRUCTURED, "-A", &format!("envErrors.{attr}.drvPath")]);
        assert!(!out.status.success(), "{attr}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let clash = error("clash");
    // (The message's second line is indented as the error's.)
    let expected = "The `env` attribute set cannot contain any attributes passed to derivation. \
        The following attributes are overlapping:\n";
    assert!(clash.contains(expected), "{clash}");
    assert!(clash.contains("  - FOO: in `env`: \"b\"; in derivation arguments: \"a\"\n"), "{clash}");
    let float = error("float");
    assert!(float.contains("The `X` attribute is of type float."), "{float}");
    let not_set = error("notSet");
    assert!(not_set.contains("`env` must be an attribute set of environment variables."), "{not_set}");
}

#[test]
fn closure_info_writes_what_the_reference_closure_gives() {
    let env = Env::of(STRUCTURED);
    let texts = env.built("texts");
    for file in ["registration", "store-paths", "total-nar-size"] {
        let expected = read(&Path::new(EXPECTED).join("closure-info").join(file));
        assert_eq!(read(&texts.join(file)), expected, "{file}");
    }
    let empty = env.built("empty");
    assert_eq!(read(&empty.join("store-paths")), "");
    assert_eq!(read(&empty.join("registration")), "");
    assert_eq!(read(&empty.join("total-nar-size")), "0\n");
    // A package's closure, as the store lists it (sorted by store path).
    let package = env.built("package");
    let hello = env.built("hello");
    let closure = env.ferrix(&["store", "closure", hello.to_str().unwrap()]);
    let mut sorted: Vec<&str> = closure.lines().collect();
    sorted.sort();
    let paths = read(&package.join("store-paths"));
    assert_eq!(paths.lines().collect::<Vec<_>>(), sorted);
    let registration = read(&package.join("registration"));
    assert_eq!(registration.lines().filter(|l| l.starts_with("sha256:")).count(), sorted.len());
}
