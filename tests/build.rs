//! Building in the sandbox (`ferrix build`, `nix-build`, `nix-store --realise`, logs):
//! the derivations of `tests/build/cases.nix`, with what the reference printed or
//! produced for them in `tests/build/expected/` (see `tests/build/generate.sh`), and
//! what only the sandbox shows: no network but for fixed outputs, no host files but
//! those asked for, timeouts, locks between concurrent builds, and a build killed
//! with SIGKILL leaving nothing registered.

mod common;

use common::{FERRIX, TempStore, run_with};
use std::path::Path;
use std::process::{Command, Output, Stdio};

const CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/build/cases.nix");
const EXPECTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/build/expected");
/// The host tools the builders use, exposed read-only.
const HOST_TOOLS: &str = "/bin /usr /lib /lib64";

/// A throwaway store, with the build of `tests/build/cases.nix`.
struct Env(TempStore);

impl std::ops::Deref for Env {
    type Target = TempStore;
    fn deref(&self) -> &TempStore {
        &self.0
    }
}

impl Env {
    fn new() -> Env {
        Env(TempStore::new())
    }

    /// `ferrix build CASES -A attr --no-out-link` with the host tools and 2 cores.
    fn build(&self, attr: &str, extra: &[&str]) -> Output {
        let mut args = vec![
            "build",
            CASES,
            "-A",
            attr,
            "--no-out-link",
            "--option",
            "sandbox-paths",
            HOST_TOOLS,
            "--cores",
            "2",
        ];
        args.extend_from_slice(extra);
        self.ferrix(&args)
    }
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(Path::new(EXPECTED).join(name)).unwrap()
}

/// Stderr without the lines that list and announce builds (as generate.sh strips them).
fn errors(out: &Output) -> String {
    stderr(out)
        .lines()
        .filter(|l| !(l.starts_with("  /nix/store/") && l.ends_with(".drv")))
        .filter(|l| !l.ends_with("will be built:") && !l.starts_with("building '"))
        .map(|l| format!("{l}\n"))
        .collect()
}

#[track_caller]
fn succeeds(out: &Output) -> String {
    assert!(out.status.success(), "build failed: {}", stderr(out));
    stdout(out)
}

#[test]
fn builds_register_outputs_as_the_reference() {
    let env = Env::new();
    let out = succeeds(&env.build("linked", &[]));
    let info = expected("linked.info");
    let mut lines = info.lines();
    assert_eq!(out.trim(), lines.next().unwrap());
    let path = out.trim();
    let query = |flag: &str| stdout(&env.ferrix(&["nix-store", "-q", flag, path]));
    assert_eq!(query("--hash").trim(), lines.next().unwrap());
    assert_eq!(query("--size").trim(), lines.next().unwrap());
    // (As sets: the reference prints them in registration order.)
    let mut references: Vec<String> = query("--references").lines().map(str::to_owned).collect();
    let mut expected: Vec<String> = lines.map(str::to_owned).collect();
    references.sort();
    expected.sort();
    assert_eq!(references, expected);
    assert!(query("--deriver").trim().ends_with("-linked.drv"));
    // Canonical metadata.
    let copy = env.real(path).join("copy");
    let meta = std::fs::metadata(&copy).unwrap();
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    assert_eq!((meta.permissions().mode() & 0o777, meta.mtime()), (0o444, 1));
    // Built once: the second build finds the outputs valid.
    let again = env.build("linked", &[]);
    assert_eq!(succeeds(&again), out);
    assert!(!stderr(&again).contains("building"), "{}", stderr(&again));
}

#[test]
fn the_builder_environment_is_the_references() {
    let env = Env::new();
    for attr in ["envPlain", "envStructured", "exportPlain", "exportDrv", "exportStructured"] {
        let out = succeeds(&env.build(attr, &[]));
        let first = out.lines().next().unwrap();
        let written = std::fs::read_to_string(env.real(first)).unwrap();
        assert_eq!(written, expected(&format!("{attr}.out")), "{attr}");
    }
}

#[test]
fn failures_are_reported_as_the_reference_reports_them() {
    let env = Env::new();
    for (attr, code) in [
        ("fail", 100),
        ("noout", 1),
        ("cycle", 1),
        ("allowed", 1),
        ("disallowed", 1),
        ("badspec", 1),
        ("fodBad", 102),
        ("fodRef", 102),
        ("fodFlatRef", 1),
        ("loosePerm", 1),
        ("exportOdd", 1),
        ("exportBadName", 1),
        ("exportNonStore", 1),
        ("exportNotInput", 100),
        ("exportBadValue", 1),
    ] {
        let out = env.build(attr, &["-Q"]);
        assert_eq!(out.status.code(), Some(code), "{attr}: {}", stderr(&out));
        assert_eq!(errors(&out), expected(&format!("{attr}.err")), "{attr}");
    }
    // The reference names a temporary path here; Ferrix names the output.
    let out = env.build("fodFlatDir", &["-Q"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "-fod-flat-dir\" should be a non-executable regular file since recursive hashing is \
                                not enabled (one of outputHashMode={flat,text} is true)"
        ),
        "{}",
        stderr(&out)
    );
    // Nothing of the failed builds is valid.
    let store = env.store();
    let valid = stdout(&env.ferrix(&["store", "verify"]));
    assert!(!valid.contains("fail"), "{valid}");
    assert!(std::fs::read_dir(store.join("nix/var/ferrix/builds")).unwrap().next().is_none());
}

#[test]
fn a_failed_dependency_fails_its_dependents_and_keep_going_builds_the_rest() {
    let env = Env::new();
    let out = env.build("dependent", &["-Q"]);
    assert_eq!(out.status.code(), Some(100));
    assert_eq!(errors(&out), expected("dependent.err"));
    let expr = format!("with import {CASES} {{}}; [ fail ok ]");
    let args = ["build", "-E", &expr, "--no-out-link", "-k", "-Q", "--option", "sandbox-paths", HOST_TOOLS];
    let out = env.ferrix(&args);
    assert_eq!(out.status.code(), Some(100), "{}", stderr(&out));
    let ok = succeeds(&env.build("ok", &[]));
    assert_eq!(std::fs::read_to_string(env.real(&ok)).unwrap(), "ok\n");
}

#[test]
fn logs_are_kept_and_shown() {
    let env = Env::new();
    let out = env.build("fail", &[]);
    // Shown as it comes, so no tail in the error.
    assert!(stderr(&out).contains("line 12\nerror: Cannot build"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("Last 12 log lines"));
    let drv = stderr(&out)
        .lines()
        .find_map(|l| l.strip_prefix("building '")?.strip_suffix("'..."))
        .unwrap()
        .to_owned();
    let log = stdout(&env.ferrix(&["log", &drv]));
    assert_eq!(log, (1..=12).map(|i| format!("line {i}\n")).collect::<String>());
    assert_eq!(stdout(&env.ferrix(&["nix-store", "--read-log", &drv])), log);
}

#[test]
fn the_sandbox_has_no_network_but_for_fixed_outputs() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port().to_string();
    let env = Env::new();
    let out = env.build("net", &["--argstr", "port", &port, "-Q"]);
    assert_eq!(out.status.code(), Some(100));
    assert!(stderr(&out).contains("Connection refused"), "{}", stderr(&out));
    let out = succeeds(&env.build("netFod", &["--argstr", "port", &port]));
    assert_eq!(std::fs::read_to_string(env.real(&out)).unwrap(), "connected\n");
}

#[test]
fn host_files_are_invisible_unless_asked_for_and_then_read_only() {
    let env = Env::new();
    let secret = env.dir.path().join("secret");
    std::fs::write(&secret, "host data\n").unwrap();
    let secret = secret.to_str().unwrap();
    let out = env.build("host", &["--argstr", "secret", secret, "-Q"]);
    assert_eq!(out.status.code(), Some(100));
    assert!(stderr(&out).contains("No such file or directory"), "{}", stderr(&out));
    // Asking for it is refused unless allowed-impure-host-deps allows it.
    let out = env.build("hostDeps", &["--argstr", "secret", secret]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!(
            "requested impure path '{secret}', but it was not in allowed-impure-host-deps"
        ))
    );
    let allowed = ["--argstr", "secret", secret, "--option", "extra-allowed-impure-host-deps", secret];
    let out = succeeds(&env.build("hostDeps", &allowed));
    assert_eq!(std::fs::read_to_string(env.real(&out)).unwrap(), "host data\nread-only\n");
    assert_eq!(std::fs::read_to_string(secret).unwrap(), "host data\n");
}

#[test]
fn the_builder_runs_as_the_build_user_in_its_own_root() {
    let env = Env::new();
    let expr = "derivation { name = \"who\"; system = \"x86_64-linux\"; builder = \"/bin/bash\"; \
                PATH = \"/bin\"; args = [ \"-c\" \"{ id -u; id -g; hostname; cat /etc/passwd /etc/group \
                /etc/hosts; ls /; ls /nix/store | wc -l; } > $out\" ]; }";
    let out = succeeds(&env.ferrix(&[
        "build",
        "-E",
        expr,
        "--no-out-link",
        "--option",
        "sandbox-paths",
        HOST_TOOLS,
    ]));
    let seen = std::fs::read_to_string(env.real(&out)).unwrap();
    let expected = "1000\n100\nlocalhost\n\
        root:x:0:0:Nix build user:/build:/noshell\nnixbld:x:1000:100:Nix build user:/build:/noshell\n\
        nobody:x:65534:65534:Nobody:/:/noshell\nroot:x:0:\nnixbld:!:100:\nnogroup:x:65534:\n\
        127.0.0.1 localhost\n::1 localhost\nbin\nbuild\ndev\netc\nlib\nlib64\nnix\nproc\ntmp\nusr\n1\n";
    assert_eq!(seen, expected);
}

#[test]
fn timeouts_kill_the_build() {
    let env = Env::new();
    let started = std::time::Instant::now();
    let out = env.build("sleepy", &["--timeout", "1", "-Q"]);
    assert_eq!(out.status.code(), Some(101), "{}", stderr(&out));
    assert!(stderr(&out).contains("Reason: timed out after 1 seconds."), "{}", stderr(&out));
    let out = env.build("sleepy", &["--max-silent-time", "1", "-Q"]);
    assert_eq!(out.status.code(), Some(101));
    assert!(stderr(&out).contains("timed out after 1 seconds of silence"), "{}", stderr(&out));
    assert!(started.elapsed().as_secs() < 30);
}

#[test]
fn concurrent_processes_build_a_derivation_once() {
    let env = Env::new();
    // Instantiate first, so that both processes only build.
    let drv = succeeds(&env.ferrix(&["instantiate", CASES, "-A", "slow"]));
    let spawn = || {
        Command::new(FERRIX)
            .args(["store", "realise", drv.trim(), "--option", "sandbox-paths", HOST_TOOLS])
            .env("FERRIX_STORE", env.store())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert_eq!(succeeds(&a), succeeds(&b));
    let builds = [&a, &b].iter().map(|o| stderr(o).matches("building '").count()).sum::<usize>();
    assert_eq!(builds, 1, "{}\n{}", stderr(&a), stderr(&b));
}

#[test]
fn a_build_killed_with_sigkill_leaves_nothing_registered() {
    let env = Env::new();
    let drv = succeeds(&env.ferrix(&["instantiate", CASES, "-A", "slow"]));
    let mut child = start_build(&env, "slow", &[]);
    child.kill().unwrap();
    child.wait().unwrap();
    let builds = env.store().join("nix/var/ferrix/builds");
    assert_eq!(std::fs::read_dir(&builds).unwrap().count(), 1, "the killed build's directory is left");
    let verify = env.ferrix(&["store", "verify"]);
    assert!(verify.status.success(), "{}", stderr(&verify));
    // Rerun: builds it (nothing half-built was taken as valid) and succeeds.
    let out = env.ferrix(&["store", "realise", drv.trim(), "--option", "sandbox-paths", HOST_TOOLS]);
    assert!(stderr(&out).contains("building '"), "{}", stderr(&out));
    let path = succeeds(&out);
    assert_eq!(std::fs::read_to_string(env.real(&path)).unwrap(), "done\n");
    // The next build removed the dead one's directory.
    assert_eq!(std::fs::read_dir(&builds).unwrap().count(), 0);
}

#[test]
fn nix_build_links_results_and_realise_prints_outputs() {
    let env = Env::new();
    let link_dir = env.dir.path().join("work");
    std::fs::create_dir(&link_dir).unwrap();
    let nix_build = common::personality(env.dir.path(), "nix-build");
    let result = link_dir.join("result");
    let args =
        ["-A", "multi.dev", CASES, "-o", result.to_str().unwrap(), "--option", "sandbox-paths", HOST_TOOLS];
    let out = run_with(&nix_build, &args, Some(&env.store()), b"");
    let dev = succeeds(&out);
    assert!(dev.trim().ends_with("-multi-dev"), "{dev}");
    let link = link_dir.join("result-dev");
    assert_eq!(std::fs::read_to_string(link.join("file")).unwrap(), "dev\n");
    // The link is a root: its target is the output's place in this store.
    assert_eq!(std::fs::read_link(&link).unwrap(), env.real(&dev));
    // Links are numbered by derivation: two outputs of one are `result` and `result-dev`.
    let both = link_dir.join("both");
    let expr = format!("with import {CASES} {{}}; [ multi multi.dev ok ]");
    let args = ["-E", &expr, "-o", both.to_str().unwrap(), "--option", "sandbox-paths", HOST_TOOLS];
    succeeds(&run_with(&nix_build, &args, Some(&env.store()), b""));
    for name in ["both", "both-dev", "both-2"] {
        assert!(link_dir.join(name).is_symlink(), "{name}");
    }
    // `nix-store --realise` of the .drv prints every output.
    let drv = succeeds(&env.ferrix(&["instantiate", CASES, "-A", "multi"]));
    let outputs = succeeds(&env.ferrix(&["nix-store", "--realise", drv.trim()]));
    assert_eq!(outputs.lines().count(), 2);
    assert!(outputs.contains(dev.trim()));
    // With --add-root it makes roots named as the reference names them, and prints them.
    let ok = succeeds(&env.ferrix(&["instantiate", CASES, "-A", "ok"]));
    let root = link_dir.join("r");
    let root = root.to_str().unwrap();
    let args = [
        "nix-store",
        "-r",
        ok.trim(),
        drv.trim(),
        "--add-root",
        root,
        "--option",
        "sandbox-paths",
        HOST_TOOLS,
    ];
    let printed = succeeds(&env.ferrix(&args));
    let names: Vec<String> =
        ["r", "r-2-dev", "r-2"].iter().map(|n| link_dir.join(n).display().to_string()).collect();
    let mut printed: Vec<&str> = printed.lines().collect();
    printed.sort();
    let mut expected: Vec<&str> = names.iter().map(String::as_str).collect();
    expected.sort();
    assert_eq!(printed, expected);
    assert_eq!(std::fs::read_link(link_dir.join("r-2-dev")).unwrap(), env.real(&dev));
}

#[test]
fn building_without_the_sandbox_needs_the_store_at_nix_store() {
    let env = Env::new();
    let out = env.build("ok", &["--option", "sandbox", "false"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("without the sandbox"), "{}", stderr(&out));
}

/// Whether a process named `name` (its `argv[0]`) runs on this host.
fn process_runs(name: &str) -> bool {
    std::fs::read_dir("/proc").unwrap().flatten().any(|e| {
        std::fs::read(e.path().join("cmdline"))
            .is_ok_and(|c| c.split(|b| *b == 0).next() == Some(name.as_bytes()))
    })
}

/// Polls `done` for up to 10 seconds.
fn wait_until(done: impl Fn() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !done() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Starts `ferrix build -A attr` and waits until its builder printed "start".
fn start_build(env: &Env, attr: &str, extra: &[&str]) -> std::process::Child {
    let mut args = vec!["build", CASES, "-A", attr, "--no-out-link", "--option", "sandbox-paths", HOST_TOOLS];
    args.extend_from_slice(extra);
    let mut child = Command::new(FERRIX)
        .args(&args)
        .env("FERRIX_STORE", env.store())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = child.stderr.take().unwrap();
    let mut seen = Vec::new();
    while !String::from_utf8_lossy(&seen).contains("start") {
        let mut buf = [0; 256];
        let n = std::io::Read::read(&mut err, &mut buf).unwrap();
        assert!(n > 0, "the build ended early: {}", String::from_utf8_lossy(&seen));
        seen.extend_from_slice(&buf[..n]);
    }
    // Keep reading, so that what the build prints later does not meet a closed pipe.
    std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
    child
}

#[test]
fn a_timeout_and_ctrl_c_kill_the_whole_process_tree() {
    let env = Env::new();
    let out = env.build("stubborn", &["--timeout", "1", "-Q"]);
    assert_eq!(out.status.code(), Some(101), "{}", stderr(&out));
    wait_until(|| !process_runs("ferrix-test-stubborn"));
    assert!(!process_runs("ferrix-test-stubborn"), "a builder's background process survived the timeout");
    let mut child = start_build(&env, "stubborn", &[]);
    // The background process may still be starting when the builder says "start".
    wait_until(|| process_runs("ferrix-test-stubborn"));
    assert!(process_runs("ferrix-test-stubborn"));
    // SAFETY: signals the child we started.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    wait_until(|| !process_runs("ferrix-test-stubborn"));
    assert!(!process_runs("ferrix-test-stubborn"), "a builder's background process survived Ctrl-C");
    assert!(std::fs::read_dir(env.store().join("nix/var/ferrix/builds")).unwrap().next().is_none());
}

#[test]
fn dry_run_lists_what_would_be_built_and_builds_nothing() {
    let env = Env::new();
    let out = env.build("dep2", &["--dry-run"]);
    let err = stderr(&out);
    let listed: Vec<&str> = err.lines().skip(1).map(str::trim).collect();
    assert!(err.starts_with("these 2 derivations will be built:\n"), "{err}");
    assert!(listed[0].ends_with("-dep1.drv") && listed[1].ends_with("-dep2.drv"), "{listed:?}");
    assert_eq!(stdout(&out), "");
    // Nothing was built: a real build now builds both.
    let out = env.build("dep2", &[]);
    succeeds(&out);
    assert_eq!(stderr(&out).matches("building '").count(), 2);
}

#[test]
fn read_write_evaluation_builds_what_it_imports() {
    let env = Env::new();
    let expr = "(import (derivation { name = \"ifd\"; system = \"x86_64-linux\"; builder = \"/bin/sh\"; \
                args = [ \"-c\" \"echo '{ x = 42; }' > $out\" ]; \
                __impureHostDeps = [ \"/bin\" \"/usr\" \"/lib\" \"/lib64\" ]; })).x";
    let out = env.ferrix(&["nix-instantiate", "--eval", "--read-write-mode", "-E", expr]);
    assert_eq!(succeeds(&out), "42\n");
    assert!(stderr(&out).contains("building '/nix/store/"), "{}", stderr(&out));
}

#[test]
fn an_output_symlinking_into_a_path_keeps_it_alive_and_a_copy_does_not() {
    let env = Env::new();
    let work = env.dir.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let link = work.join("result");
    let link_arg = link.to_str().unwrap();
    let build = |attr: &str| {
        let args = ["build", CASES, "-A", attr, "-o", link_arg, "--option", "sandbox-paths", HOST_TOOLS];
        succeeds(&env.ferrix(&args)).trim().to_owned()
    };
    let provider = build("provider");
    let symlinked = build("bySymlink");
    let gc = || succeeds(&env.ferrix(&["store", "gc"]));
    gc();
    // The symlink refers to a file inside `provider`: the whole path stays, not only it.
    let target = std::fs::read_link(link.join("file")).unwrap();
    assert_eq!(target, Path::new(&provider).join("share/file"));
    assert_eq!(std::fs::read_to_string(env.real(&provider).join("share/file")).unwrap(), "data\n");
    assert_eq!(std::fs::read_to_string(env.real(&provider).join("other")).unwrap(), "more\n");
    let valid = |p: &str| env.ferrix(&["store", "path-info", p]).status.success();
    assert!(valid(&provider) && valid(&symlinked));
    // The copy refers to nothing: with it as the only root, `provider` goes.
    let copied = build("byCopy");
    gc();
    assert!(!valid(&provider) && !env.real(&provider).exists());
    assert!(!valid(&symlinked));
    assert!(valid(&copied));
    assert_eq!(std::fs::read_to_string(link.join("file")).unwrap(), "data\n");
}

#[test]
fn a_collection_during_a_build_keeps_the_builds_inputs() {
    let env = Env::new();
    let provider = succeeds(&env.build("provider", &[]));
    let child = start_build(&env, "lateUser", &[]);
    // `provider` is no root's: only the running build's temporary roots keep it.
    succeeds(&env.ferrix(&["store", "gc"]));
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(env.ferrix(&["store", "path-info", provider.trim()]).status.success());
    let late = succeeds(&env.build("lateUser", &[]));
    assert_eq!(std::fs::read_to_string(env.real(&late)).unwrap(), "data\n");
}

#[test]
fn identical_files_of_outputs_share_an_inode_after_optimising() {
    use std::os::unix::fs::MetadataExt;
    let env = Env::new();
    let auto = ["--option", "auto-optimise-store", "true"];
    let a = succeeds(&env.build("twinA", &auto));
    let b = succeeds(&env.build("twinB", &auto));
    let inode = |env: &Env, p: &str, f: &str| std::fs::metadata(env.real(p).join(f)).unwrap().ino();
    // Auto-optimising links each new output's files through `.links`.
    assert_eq!(inode(&env, &a, "f"), inode(&env, &b, "f"));
    assert_ne!(inode(&env, &a, "a"), inode(&env, &b, "b"));
    let link = env.store().join("nix/store/.links");
    assert!(std::fs::read_dir(&link).unwrap().count() >= 1);
    // `ferrix store optimise` over a store built without it.
    let env = Env::new();
    let a = succeeds(&env.build("twinA", &[]));
    let b = succeeds(&env.build("twinB", &[]));
    assert_ne!(inode(&env, &a, "f"), inode(&env, &b, "f"));
    let out = env.ferrix(&["store", "optimise"]);
    assert!(stderr(&out).contains("freed by hard-linking"), "{}", stderr(&out));
    assert_eq!(inode(&env, &a, "f"), inode(&env, &b, "f"));
}

#[test]
fn bin_sh_is_the_static_shell_by_default() {
    // As the reference packaged by Debian (`sandbox-paths = /bin/sh=/usr/bin/bash-static`;
    // CI installs bash-static).
    let env = Env::new();
    let expr = "derivation { name = \"sh\"; system = \"x86_64-linux\"; builder = \"/bin/sh\"; \
                args = [ \"-c\" \"echo $BASH_VERSION > $out; test -e /bin/ls || echo alone >> $out\" ]; }";
    let out = succeeds(&env.ferrix(&["build", "-E", expr, "--no-out-link"]));
    let written = std::fs::read_to_string(env.real(&out)).unwrap();
    assert!(written.starts_with('5') && written.ends_with("\nalone\n"), "{written}");
}

#[test]
fn the_builder_gets_no_terminal_no_inherited_descriptors_and_a_read_only_root() {
    // Under `script` Ferrix has a terminal, and the shell leaves descriptor 7 open.
    let env = Env::new();
    let command = format!(
        "exec 7</dev/null; {FERRIX} build {CASES} -A holdings --no-out-link --option sandbox-paths '{HOST_TOOLS}'"
    );
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("FERRIX_STORE", env.store())
        .output()
        .expect("script (bsdutils) runs");
    assert!(out.status.success(), "{}", stdout(&out));
    // (The terminal output holds the progress line; the output path is printed last.)
    let text = stdout(&out);
    let start = text.rfind("/nix/store/").unwrap();
    let path: String = text[start..].chars().take_while(|c| !c.is_whitespace()).collect();
    let seen = std::fs::read_to_string(env.real(&path)).unwrap();
    // Descriptors 0-2 and the one `ls` reads /proc/self/fd with; tty_nr 0; no writes to /.
    assert_eq!(seen, "0\n1\n2\n3\n0\nread-only-root\n");
}
