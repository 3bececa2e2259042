//! `--trace-verbose`, through the `ferrix eval` and `nix-instantiate` command lines:
//! `builtins.traceVerbose` traces as `builtins.trace` does with it, and evaluates
//! nothing of its message without it. (The language suite compares only stdout for
//! cases that succeed; traces go to stderr.)

mod common;

use common::{FERRIX, personality, run_with};
use std::path::Path;

const EXPR: &str = r#"builtins.traceVerbose { a = 1; } (builtins.traceVerbose "x" 2)"#;

fn stdout_and_stderr(program: &Path, args: &[&str]) -> (String, String) {
    let out = run_with(program, args, None, b"");
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    (String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

#[test]
fn nix_instantiate_traces_with_the_flag_only() {
    let dir = tempfile::tempdir().unwrap();
    let nix_instantiate = personality(dir.path(), "nix-instantiate");
    let traced = stdout_and_stderr(&nix_instantiate, &["--eval", "--strict", "--trace-verbose", "-E", EXPR]);
    assert_eq!(traced, ("2\n".into(), "trace: { a = 1; }\ntrace: x\n".into()));
    let option = ["--eval", "--option", "trace-verbose", "true", "-E", EXPR];
    assert_eq!(stdout_and_stderr(&nix_instantiate, &option).1, "trace: { a = 1; }\ntrace: x\n");
    let quiet = r#"builtins.traceVerbose (throw "never evaluated") 2"#;
    assert_eq!(stdout_and_stderr(&nix_instantiate, &["--eval", "-E", quiet]), ("2\n".into(), String::new()));
}

#[test]
fn ferrix_eval_traces_with_the_flag_only() {
    let ferrix = Path::new(FERRIX);
    let traced = stdout_and_stderr(ferrix, &["eval", "--trace-verbose", "-E", EXPR]);
    assert_eq!(traced, ("2\n".into(), "trace: { a = 1; }\ntrace: x\n".into()));
    assert_eq!(stdout_and_stderr(ferrix, &["eval", "-E", EXPR]), ("2\n".into(), String::new()));
}
