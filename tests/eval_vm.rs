//! The evaluator's robustness requirements, run through the `ferrix` binary: deep
//! recursion within and beyond `max-call-depth`, garbage collected mid-evaluation
//! (bounded memory for a computation allocating over 20 GiB), infinite recursion,
//! re-forcing after `tryEval`, and inputs that must not crash the process.

mod common;

use common::{FERRIX, run_with};
use std::path::Path;

fn eval(args: &[&str]) -> (i32, String, String) {
    let out = run_with(Path::new(FERRIX), args, None, b"");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

const DEEP: &str = "let f = n: if n == 0 then 0 else 1 + f (n - 1); in f 1000000";

#[test]
fn a_million_nested_calls_within_the_limit() {
    let (code, out, err) = eval(&["eval", "--max-call-depth", "2000000", "-E", DEEP]);
    assert_eq!((code, out.as_str()), (0, "1000000\n"), "{err}");
}

#[test]
fn the_default_limit_gives_the_reference_stack_overflow() {
    let (code, out, err) = eval(&["eval", "-E", DEEP]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.starts_with("error: stack overflow; max-call-depth exceeded"), "{err}");
}

#[test]
fn collection_runs_mid_evaluation() {
    // Each step copies a 2 MiB string (`big + ""`): 10240 steps allocate 20 GiB in
    // total while little is live at any time.
    let expr = r#"
      let
        double = s: s + s;
        big = builtins.foldl' (s: _: double s) "0123456789abcdef" (builtins.genList (i: i) 17);
      in builtins.foldl' (acc: _: acc + builtins.stringLength (big + "")) 0 (builtins.genList (i: i) 10240)
    "#;
    let out = std::process::Command::new(FERRIX)
        .args(["eval", "-E", expr])
        .env("FERRIX_SHOW_STATS", "1")
        .output()
        .expect("run ferrix");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stdout, format!("{}\n", 10240u64 * 2 * 1024 * 1024), "{stderr}");
    let stats: serde_json::Value =
        serde_json::from_str(stderr.lines().last().expect("stats line")).expect("json");
    let peak = stats["peakRssKiB"].as_u64().expect("peak RSS");
    assert!(peak < 300 * 1024, "peak RSS {peak} KiB");
}

#[test]
fn infinite_recursion_is_reported_where_it_happens() {
    let (code, _, err) = eval(&["eval", "-E", "let x = x; in x"]);
    assert_eq!(code, 1);
    assert!(err.starts_with("error: infinite recursion encountered"), "{err}");
    assert!(err.contains("«string»:1:9"), "{err}");
    let (code, _, err) = eval(&["eval", "-E", "rec { a = b; b = a; }.a"]);
    assert_eq!(code, 1);
    // After the frame of the attribute being evaluated.
    assert!(err.contains("\n       error: infinite recursion encountered"), "{err}");
}

#[test]
fn a_thunk_that_failed_inside_try_eval_can_be_forced_again() {
    let expr = "let x = throw \"b\"; in [ (builtins.tryEval x) (builtins.tryEval x) ]";
    let (code, out, err) = eval(&["eval", "--strict", "-E", expr]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "[ { success = false; value = false; } { success = false; value = false; } ]\n");
    // A thunk whose evaluation failed is evaluated again, not reported as recursion.
    let expr = "let x = throw \"b\"; y = builtins.tryEval x; in builtins.seq y x";
    let (code, _, err) = eval(&["eval", "-E", expr]);
    assert_eq!(code, 1);
    // After the frame of the `throw` call.
    assert!(err.contains("\n       error: b\n"), "{err}");
}

#[test]
fn hostile_inputs_fail_cleanly() {
    let n = 100_000;
    let cases = [
        format!("{}1{}", "(".repeat(n), ")".repeat(n)),
        format!("{}1{}", "[".repeat(n), "]".repeat(n)),
        format!("{}1", "let a = 1; in ".repeat(n)),
        format!("{}1", "- ".repeat(n)),
        format!("{}true", "!".repeat(n)),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (i, text) in cases.iter().enumerate() {
        let file = dir.path().join(format!("case{i}.nix"));
        std::fs::write(&file, text).unwrap();
        let (code, _, err) = eval(&["eval", "-f", file.to_str().unwrap()]);
        assert_eq!(code, 1, "{}", &err[..err.len().min(300)]);
        assert!(err.starts_with("error: "), "{}", &err[..err.len().min(300)]);
    }
}

#[test]
fn huge_strings_and_invalid_utf8_do_not_crash() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.nix");
    let mut text = b"builtins.stringLength \"".to_vec();
    text.extend(std::iter::repeat_n(b'x', 50 << 20));
    text.extend_from_slice(b"\"");
    std::fs::write(&big, &text).unwrap();
    let (code, out, err) = eval(&["eval", "-f", big.to_str().unwrap()]);
    assert_eq!((code, out), (0, format!("{}\n", 50 << 20)), "{err}");
    let bad = dir.path().join("bad.nix");
    std::fs::write(&bad, b"\"\xff\xfe\" + \"\xc3\"").unwrap();
    let (code, _, err) = eval(&["eval", "-f", bad.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let garbage = dir.path().join("garbage.nix");
    std::fs::write(&garbage, [0xffu8, 0x00, 0x7b, 0x5b, 0x28]).unwrap();
    let (code, _, err) = eval(&["eval", "-f", garbage.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.starts_with("error: "), "{err}");
}
