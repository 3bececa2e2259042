//! Helpers shared by the binary's integration tests: running `ferrix` (or one of its
//! personalities through a symlink) and checking its output.

#![allow(dead_code)] // each test crate uses a different subset

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const FERRIX: &str = env!("CARGO_BIN_EXE_ferrix");

/// A symlink named `personality` to the binary, inside `dir`.
pub fn personality(dir: &Path, personality: &str) -> PathBuf {
    let link = dir.join(personality);
    if !link.exists() {
        std::os::unix::fs::symlink(FERRIX, &link).expect("symlink to the ferrix binary");
    }
    link
}

/// Runs `program args` with the store at `store` and `stdin` as input.
pub fn run_with(program: &Path, args: &[&str], store: Option<&Path>, stdin: &[u8]) -> Output {
    let mut cmd = Command::new(program);
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    // No configuration file of the user running the tests applies.
    cmd.env("FERRIX_CONF", "/dev/null");
    match store {
        Some(s) => cmd.env("FERRIX_STORE", s),
        None => cmd.env_remove("FERRIX_STORE"),
    };
    let mut child = cmd.spawn().expect("spawn ferrix");
    {
        use std::io::Write;
        let mut input = child.stdin.take().expect("stdin is piped");
        // A command that exits early closes its stdin; that is not the test's failure.
        let _ = input.write_all(stdin);
    }
    child.wait_with_output().expect("wait for ferrix")
}

/// Runs and expects success; returns stdout as text.
pub fn ok(program: &Path, args: &[&str], store: Option<&Path>) -> String {
    let out = run_with(program, args, store, b"");
    assert!(
        out.status.success(),
        "{} {args:?} failed: {}",
        program.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// Runs and expects failure with `code`; returns stderr as text.
pub fn fails(program: &Path, args: &[&str], store: Option<&Path>, code: i32) -> String {
    let out = run_with(program, args, store, b"");
    assert_eq!(
        out.status.code(),
        Some(code),
        "{} {args:?}: {}",
        program.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stderr).expect("utf-8 output")
}

/// A throwaway store, and a directory around it, for tests that build.
pub struct TempStore {
    pub dir: tempfile::TempDir,
}

impl TempStore {
    pub fn new() -> TempStore {
        TempStore { dir: tempfile::tempdir().expect("a temporary directory") }
    }

    /// The store's physical root.
    pub fn store(&self) -> PathBuf {
        self.dir.path().join("store")
    }

    /// Runs `ferrix ARGS` with this store.
    pub fn ferrix(&self, args: &[&str]) -> Output {
        run_with(Path::new(FERRIX), args, Some(&self.store()), b"")
    }

    /// The physical place of a store path (as a build prints it).
    pub fn real(&self, path: &str) -> PathBuf {
        self.store().join(path.trim().trim_start_matches('/'))
    }

    /// `ferrix build FILE -A ATTR --no-out-link` with this store.
    pub fn build(&self, file: &str, attr: &str) -> Output {
        self.ferrix(&["build", file, "-A", attr, "--no-out-link"])
    }

    /// Builds `attr` of `file`, which must succeed; its output's physical place.
    pub fn built(&self, file: &str, attr: &str) -> PathBuf {
        let out = self.build(file, attr);
        assert!(out.status.success(), "{attr}: {}", String::from_utf8_lossy(&out.stderr));
        self.real(&String::from_utf8(out.stdout).expect("utf-8 output"))
    }

    /// The store path of `attr` of `file` (evaluated, not built).
    pub fn path_of(&self, file: &str, attr: &str) -> String {
        let out = self.ferrix(&["eval", "-E", &format!("(import {file}).{attr}.outPath")]);
        assert!(out.status.success(), "{attr}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("utf-8 output").trim().trim_matches('"').to_owned()
    }
}

/// The text of `path` (the test fails naming it when it cannot be read).
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What `program` prints, which must succeed; run with `lib` (a library's physical
/// place, standing in for its /nix/store path) on the library search path.
pub fn run_linked(program: &Path, lib: Option<&Path>) -> String {
    let mut command = Command::new(program);
    if let Some(lib) = lib {
        command.env("LD_LIBRARY_PATH", lib);
    }
    let out = command.output().unwrap_or_else(|e| panic!("{}: {e}", program.display()));
    assert!(out.status.success(), "{}: {}", program.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}
