//! The everyday command line: the grouped help, shell completions, the configuration
//! file, colour, verbosity and exit statuses.

mod common;

use common::TempStore;
use std::path::Path;
use std::process::{Command, Output};

/// `ferrix ARGS` with the store of `store` and extra environment `env`.
fn ferrix(store: &TempStore, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(common::FERRIX);
    cmd.args(args).env("FERRIX_STORE", store.store()).env("FERRIX_CONF", "/dev/null");
    cmd.env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run ferrix")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A derivation whose builder runs the shell command `script`.
fn drv(name: &str, script: &str) -> String {
    format!(
        "derivation {{ name = \"{name}\"; system = \"x86_64-linux\"; builder = \"/bin/sh\"; args = [ \"-c\" {script:?} ]; }}"
    )
}

#[test]
fn help_groups_the_commands_and_completions_cover_them() {
    let s = TempStore::new();
    let out = ferrix(&s, &["--help"], &[]);
    assert!(out.status.success());
    let help = text(&out.stdout);
    for part in [
        "Evaluate:\n  eval ",
        "Build:\n  build ",
        "Store:\n  store ",
        "Shell:\n  completions ",
        "Examples:\n",
    ] {
        assert!(help.contains(part), "{part:?} missing from:\n{help}");
    }
    for shell in ["bash", "zsh", "fish"] {
        let out = ferrix(&s, &["completions", shell], &[]);
        assert!(out.status.success(), "{shell}");
        let script = text(&out.stdout);
        assert!(script.contains("nix-build") && script.contains("completions"), "{shell}: {script}");
    }
    // Usage errors exit with 2.
    assert_eq!(ferrix(&s, &["completions", "tcsh"], &[]).status.code(), Some(2));
    assert_eq!(ferrix(&s, &["no-such-command"], &[]).status.code(), Some(2));
}

#[test]
fn the_configuration_file_sets_build_and_gc_settings() {
    let s = TempStore::new();
    let config_home = s.dir.path().join("config");
    std::fs::create_dir_all(config_home.join("ferrix")).unwrap();
    let conf = config_home.join("ferrix/ferrix.conf");
    // (The file is found at its default place, under XDG_CONFIG_HOME.)
    let with_config = |args: &[&str]| {
        let mut cmd = Command::new(common::FERRIX);
        cmd.args(args).env("FERRIX_STORE", s.store()).env_remove("FERRIX_CONF");
        cmd.env("XDG_CONFIG_HOME", &config_home).output().unwrap()
    };
    // timeout, from the default place: an endless build is killed (status 101).
    std::fs::write(&conf, "# settings\ntimeout = 1\n").unwrap();
    let out = with_config(&["build", "--no-out-link", "-E", &drv("endless", "while :; do :; done")]);
    assert_eq!(out.status.code(), Some(101), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("timed out after 1 seconds"), "{}", text(&out.stderr));
    // An unknown setting is a warning naming where it is; a bad line an error.
    // (Read by the commands that use settings: here, instantiate's realiser.)
    std::fs::write(&conf, "frobnicate = 3\n").unwrap();
    let out = with_config(&["instantiate", "-E", "{ }"]);
    assert!(out.status.success());
    assert!(
        text(&out.stderr).contains(&format!("warning: unknown setting 'frobnicate' ({}:1)", conf.display()))
    );
    std::fs::write(&conf, "max-jobs = lots\n").unwrap();
    let out = with_config(&["instantiate", "-E", "{ }"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains(&format!("{}:1: invalid value 'lots'", conf.display())));
    std::fs::write(&conf, "no equals sign\n").unwrap();
    let err = text(&with_config(&["build", "-E", "{ }"]).stderr);
    assert!(err.contains(&format!("{}:1: syntax error in configuration line", conf.display())), "{err}");
    // A file named by $FERRIX_CONF must exist.
    let out = ferrix(&s, &["build", "-E", "{ }"], &[("FERRIX_CONF", "/nonexistent/ferrix.conf")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr)
            .contains("configuration file '/nonexistent/ferrix.conf' (from $FERRIX_CONF) does not exist")
    );
    // Help and completions work whatever the file holds.
    assert!(with_config(&["--help"]).status.success());
    assert!(with_config(&["completions", "bash"]).status.success());

    // keep-derivations = false: collecting garbage deletes the .drv of a kept output.
    let link = s.dir.path().join("result");
    let build = |config: &str| {
        std::fs::write(&conf, config).unwrap();
        let expr = drv(&format!("kept{}", config.len()), "echo x > $out");
        let out = with_config(&["build", "-o", link.to_str().unwrap(), "-E", &expr]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let drv_path = text(&with_config(&["instantiate", "-E", &expr]).stdout).trim().to_owned();
        assert!(with_config(&["store", "gc"]).status.success());
        s.real(&drv_path).exists()
    };
    assert!(build(""), "by default the derivation stays");
    assert!(!build("keep-derivations = false\n"), "the derivation is collected");
    assert!(Path::new(&link).exists());
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let s = TempStore::new();
    let fail = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = args.to_vec();
        all.extend(["eval", "-E", "throw \"boom\""]);
        let out = ferrix(&s, &all, env);
        assert_eq!(out.status.code(), Some(1));
        text(&out.stderr)
    };
    assert!(fail(&["--color", "always"], &[]).contains("\x1b[31;1merror:\x1b[0m"));
    assert!(!fail(&["--color", "never"], &[]).contains('\x1b'));
    // auto: standard error is a pipe here, and NO_COLOR is set.
    assert!(!fail(&[], &[("NO_COLOR", "1")]).contains('\x1b'));
    assert!(!fail(&[], &[]).contains('\x1b'));
}

#[test]
fn verbosity_says_more_or_less_and_statuses_are_the_references() {
    let s = TempStore::new();
    let out =
        ferrix(&s, &["build", "--no-out-link", "-v", "-E", &drv("loud", "echo said; echo x > $out")], &[]);
    let err = text(&out.stderr);
    assert!(err.contains("building '") && err.contains("said\n"), "{err}");
    assert!(err.contains("-loud.drv' in ") && err.contains(" s\n"), "{err}");
    let out = ferrix(
        &s,
        &["build", "--no-out-link", "--quiet", "-E", &drv("hushed", "echo said; echo x > $out")],
        &[],
    );
    assert!(out.status.success());
    assert_eq!(text(&out.stderr), "", "nothing but failures");
    // A failure under --quiet still shows the log's last lines, and exits with 100.
    let out =
        ferrix(&s, &["build", "--no-out-link", "--quiet", "-E", &drv("failing", "echo why; exit 3")], &[]);
    assert_eq!(out.status.code(), Some(100));
    assert!(text(&out.stderr).contains("> why"), "{}", text(&out.stderr));
    // An evaluation error exits with 1.
    assert_eq!(ferrix(&s, &["eval", "-E", "1 +"], &[]).status.code(), Some(1));
}

#[test]
fn repeated_attr_paths_share_one_evaluation_and_call_functions_on_the_way() {
    let s = TempStore::new();
    let file = s.dir.path().join("set.nix");
    std::fs::write(&file, "{ x ? 1 }: builtins.trace \"evaluated\" { a = x; b = { c = x + 1; }; }").unwrap();
    let file = file.to_str().unwrap();
    // As the reference: the function on the way to an attribute is called, for each
    // path anew (so its body is traced twice); without -A it is printed as it is.
    let traces = |out: &Output| text(&out.stderr).matches("trace: evaluated").count();
    let out = ferrix(&s, &["nix-instantiate", "--eval", file, "-A", "a", "-A", "b.c"], &[]);
    assert_eq!(text(&out.stdout), "1\n2\n");
    assert_eq!(traces(&out), 2, "{}", text(&out.stderr));
    // A set is evaluated (and traced) once for all the paths.
    let set = s.dir.path().join("plain.nix");
    std::fs::write(&set, "builtins.trace \"evaluated\" { a = 1; b = 2; }").unwrap();
    let out = ferrix(&s, &["nix-instantiate", "--eval", set.to_str().unwrap(), "-A", "a", "-A", "b"], &[]);
    assert_eq!(text(&out.stdout), "1\n2\n");
    assert_eq!(traces(&out), 1, "{}", text(&out.stderr));
    let out = ferrix(&s, &["nix-instantiate", "--eval", file, "--arg", "x", "5", "-A", "b.c"], &[]);
    assert_eq!(text(&out.stdout), "6\n");
    assert_eq!(text(&ferrix(&s, &["nix-instantiate", "--eval", file], &[]).stdout), "<LAMBDA>\n");
}
