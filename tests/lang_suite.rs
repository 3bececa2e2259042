//! The language test suite: every case in `tests/lang/` (the reference's layout, with
//! expected outputs produced by the reference) is run through the `nix-instantiate`
//! personality and compared: stdout for `*-okay-*`, the innermost error message for
//! `*-fail-*`, and for `eval-fail-*` also the whole rendered error (messages, context
//! frames and their positions; not the source excerpts).
//!
//! Cases that Ferrix does not pass yet are listed in `tests/lang-known-failures.txt`
//! (innermost message or output) and `tests/lang-trace-known-failures.txt` (whole
//! error). The test fails when a case outside a list fails that check (showing a
//! diff), and also when a listed case passes it, so that the lists only ever shrink.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn lang_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lang")
}

/// One case's outcome.
enum Outcome {
    Pass,
    Fail(String),
}

/// A case's outcomes: the main check, and for `eval-fail-*` cases the whole error.
struct Outcomes {
    main: Outcome,
    trace: Option<Outcome>,
}

fn run_case(dir: &Path, nix_instantiate: &Path, name: &str) -> Outcomes {
    let stem = name.trim_end_matches(".nix");
    let flags = std::fs::read_to_string(dir.join(format!("{stem}.flags")));
    let kind_parse = stem.starts_with("parse-");
    let mut args: Vec<String> = match &flags {
        Ok(f) => f.split_whitespace().map(str::to_owned).collect(),
        Err(_) if kind_parse => vec!["--parse".into()],
        Err(_) => vec!["--eval".into(), "--strict".into()],
    };
    args.push(name.to_owned());
    let child = Command::new(nix_instantiate)
        .args(&args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", "/tmp")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run ferrix");
    let Some(out) = wait_with_timeout(child, Duration::from_secs(20)) else {
        let timeout = || Outcome::Fail("timed out after 20 s".into());
        return Outcomes { main: timeout(), trace: stem.starts_with("eval-fail-").then(timeout) };
    };
    let pwd = dir.to_str().expect("utf-8 path");
    let stdout = String::from_utf8_lossy(&out.stdout).replace(pwd, "/pwd");
    let stderr = String::from_utf8_lossy(&out.stderr).replace(pwd, "/pwd");
    if stem.contains("-okay-") {
        return Outcomes { main: okay_outcome(dir, stem, pwd, &out, &stdout, &stderr), trace: None };
    }
    let want = std::fs::read_to_string(dir.join(format!("{stem}.err.exp"))).unwrap_or_default();
    let main = fail_outcome(&want, &out, &stdout, &stderr);
    let trace = stem.starts_with("eval-fail-").then(|| {
        let (want, got) = (trace_text(&want), trace_text(&stderr));
        if want == got { Outcome::Pass } else { Outcome::Fail(diff(&want, &got)) }
    });
    Outcomes { main, trace }
}

/// An okay case: exit 0 and the expected stdout.
fn okay_outcome(
    dir: &Path,
    stem: &str,
    pwd: &str,
    out: &std::process::Output,
    stdout: &str,
    stderr: &str,
) -> Outcome {
    // Output is compared as bytes: strings need not be UTF-8.
    let want = std::fs::read(dir.join(format!("{stem}.exp"))).unwrap_or_default();
    if !out.status.success() {
        return Outcome::Fail(format!("expected success, got exit {:?}:\n{stderr}", out.status.code()));
    }
    if replace_bytes(&out.stdout, pwd.as_bytes(), b"/pwd") != want {
        return Outcome::Fail(diff(&String::from_utf8_lossy(&want), stdout));
    }
    Outcome::Pass
}

/// A fail case: exit 1 and the expected innermost message.
fn fail_outcome(want: &str, out: &std::process::Output, stdout: &str, stderr: &str) -> Outcome {
    if out.status.code() != Some(1) {
        return Outcome::Fail(format!(
            "expected exit 1, got {:?}:\nstdout: {stdout}\nstderr: {stderr}",
            out.status.code()
        ));
    }
    let (want_msg, got_msg) = (innermost_message(want), innermost_message(stderr));
    if want_msg != got_msg {
        return Outcome::Fail(diff(&want_msg, &got_msg));
    }
    Outcome::Pass
}

/// The whole of stderr without the source excerpts: each line trimmed, blank lines and
/// excerpt lines (`12| code`, `| ^`) dropped. What stays is every message, `… while`
/// frame, `at FILE:LINE:COL:` position, hint and truncation note, in order.
fn trace_text(stderr: &str) -> String {
    let excerpt = |l: &str| l.trim_start_matches(|c: char| c.is_ascii_digit()).starts_with('|');
    stderr.lines().map(str::trim).filter(|l| !l.is_empty() && !excerpt(l)).collect::<Vec<_>>().join("\n")
}

/// `hay` with every occurrence of `from` replaced by `to`.
fn replace_bytes(hay: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(hay.len());
    let mut i = 0;
    while i < hay.len() {
        if hay[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(hay[i]);
            i += 1;
        }
    }
    out
}

/// Waits for `child`, killing it after `limit`.
fn wait_with_timeout(mut child: std::process::Child, limit: Duration) -> Option<std::process::Output> {
    let start = Instant::now();
    // Drain the pipes on threads so a chatty child cannot block on a full pipe.
    let mut out_pipe = child.stdout.take().expect("piped");
    let mut err_pipe = child.stderr.take().expect("piped");
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut out_pipe, &mut v);
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut err_pipe, &mut v);
        v
    });
    let status = loop {
        if let Ok(Some(status)) = child.try_wait() {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    Some(std::process::Output { status, stdout: out.join().ok()?, stderr: err.join().ok()? })
}

/// The innermost error message of a rendered error (the reference's or ours, drawn
/// alike): the text after the last `error:` up to the position line.
fn innermost_message(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().collect();
    let start = lines.iter().rposition(|l| l.trim_start().starts_with("error:")).unwrap_or(0);
    let first = lines.get(start).map(|l| l.trim_start().trim_start_matches("error:").trim()).unwrap_or("");
    let mut msg = vec![first.to_owned()];
    for l in &lines[(start + 1).min(lines.len())..] {
        let t = l.trim();
        if t.starts_with("at ") || t.is_empty() || t.starts_with('…') {
            break;
        }
        msg.push(t.to_owned());
    }
    msg.join("\n").trim().to_owned()
}

/// A line diff of expected and actual text.
fn diff(want: &str, got: &str) -> String {
    let mut out = String::new();
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    for i in 0..w.len().max(g.len()) {
        match (w.get(i), g.get(i)) {
            (Some(a), Some(b)) if a == b => out.push_str(&format!("  {a}\n")),
            (a, b) => {
                if let Some(a) = a {
                    out.push_str(&format!("- {a}\n"));
                }
                if let Some(b) = b {
                    out.push_str(&format!("+ {b}\n"));
                }
            }
        }
    }
    out
}

/// A ratchet list: case names, one a line (`#` comments).
fn read_list(name: &str) -> BTreeSet<String> {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(name))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// Checks one kind of outcome against its ratchet list; gives the complaints.
fn check(list_name: &str, results: &[(&str, &Outcome)]) -> Option<String> {
    let known = read_list(list_name);
    let (mut unexpected, mut now_passing, mut failing) = (Vec::new(), Vec::new(), Vec::new());
    for &(name, outcome) in results {
        let listed = known.contains(name);
        match outcome {
            Outcome::Pass if listed => now_passing.push(name),
            Outcome::Pass => {}
            Outcome::Fail(d) => {
                failing.push(name);
                if !listed {
                    unexpected.push(format!("=== {name}\n{d}"));
                }
            }
        }
    }
    eprintln!(
        "{list_name}: {} of {} cases pass ({} listed as known failures)",
        results.len() - failing.len(),
        results.len(),
        known.len()
    );
    if std::env::var_os("FERRIX_LANG_FAILURES").is_some() {
        eprintln!("failing cases ({list_name}):\n{}", failing.join("\n"));
    }
    (!unexpected.is_empty() || !now_passing.is_empty()).then(|| {
        format!(
            "{} unexpected failures:\n{}\n{} known failures now pass (remove them from tests/{list_name}):\n{}",
            unexpected.len(),
            unexpected.join("\n"),
            now_passing.len(),
            now_passing.join("\n")
        )
    })
}

#[test]
fn language_suite() {
    let dir = lang_dir();
    let tmp = tempfile::tempdir().expect("tempdir");
    let nix_instantiate = common::personality(tmp.path(), "nix-instantiate");
    let mut cases: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/lang")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".nix") && (n.starts_with("eval-") || n.starts_with("parse-")))
        .collect();
    cases.sort();
    let results: Vec<(String, Outcomes)> = std::thread::scope(|s| {
        let chunks: Vec<&[String]> = cases.chunks(cases.len().div_ceil(4).max(1)).collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                let (dir, exe) = (&dir, &nix_instantiate);
                s.spawn(move || chunk.iter().map(|c| (c.clone(), run_case(dir, exe, c))).collect::<Vec<_>>())
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("runner thread")).collect()
    });
    let main: Vec<(&str, &Outcome)> = results.iter().map(|(n, o)| (n.as_str(), &o.main)).collect();
    let traces: Vec<(&str, &Outcome)> =
        results.iter().filter_map(|(n, o)| Some((n.as_str(), o.trace.as_ref()?))).collect();
    let complaints: Vec<String> =
        [check("lang-known-failures.txt", &main), check("lang-trace-known-failures.txt", &traces)]
            .into_iter()
            .flatten()
            .collect();
    assert!(complaints.is_empty(), "{}", complaints.join("\n"));
}
