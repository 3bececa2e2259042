//! `ferrix repl` in a real terminal: tmux runs it in a detached 120x40 session, the
//! test types with `tmux send-keys` and reads the screen with `tmux capture-pane`
//! (waiting, with a timeout, for what it expects). Covers editing on a terminal:
//! results, bindings, the continuation prompt, tab completion, Ctrl-C during an
//! endless evaluation, and `:q`. Skipped (with a message) when tmux is missing.

mod common;

use common::FERRIX;
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux session running `ferrix repl`; killed when dropped.
struct Tmux {
    name: String,
    dir: tempfile::TempDir,
}

impl Tmux {
    /// Starts the REPL, or `None` when tmux is not installed.
    fn start(test: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            // CI installs tmux: there, its absence is a failure.
            assert!(std::env::var_os("CI").is_none(), "tmux is not installed");
            eprintln!("skipping {test}: tmux is not installed");
            return None;
        }
        let dir = tempfile::tempdir().expect("a temporary directory");
        let name = format!("ferrix-{test}-{}", std::process::id());
        let p = |s: &str| dir.path().join(s).display().to_string();
        let command = format!(
            "env HOME={} XDG_DATA_HOME={} FERRIX_STORE={} NO_COLOR=1 {FERRIX} repl",
            p("home"),
            p("data"),
            p("store")
        );
        let status = Command::new("tmux")
            .args(["new-session", "-d", "-x", "120", "-y", "40", "-s", &name, &command])
            .status()
            .expect("run tmux");
        assert!(status.success(), "tmux new-session failed");
        let tmux = Tmux { name, dir };
        tmux.wait_for("nix-repl> ");
        Some(tmux)
    }

    /// Sends keys (`tmux send-keys` names: `Enter`, `Tab`, `C-c`; other text literally).
    fn keys(&self, keys: &[&str]) {
        for key in keys {
            let named = matches!(*key, "Enter" | "Tab" | "C-c");
            let mut cmd = Command::new("tmux");
            cmd.args(["send-keys", "-t", &self.name]);
            if !named {
                cmd.arg("-l");
            }
            // tmux reads an argument ending in `;` as the end of its command.
            let key = match key.strip_suffix(';') {
                Some(rest) => format!("{rest}\\;"),
                None => key.to_string(),
            };
            let status = cmd.arg(key).status().expect("run tmux");
            assert!(status.success(), "tmux send-keys failed");
        }
    }

    fn screen(&self) -> String {
        let out =
            Command::new("tmux").args(["capture-pane", "-p", "-t", &self.name]).output().expect("run tmux");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits (at most 30 seconds) until the screen shows `text` (spaces at the ends
    /// of lines aside: tmux drops them); gives the screen.
    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        let text = trim_lines(text);
        loop {
            let screen = trim_lines(&self.screen());
            if screen.contains(&text) {
                return screen;
            }
            assert!(Instant::now() < deadline, "the screen never showed {text:?}:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the REPL shows a fresh, empty prompt, then types `keys`: what is
    /// typed while it is busy is not the test's concern.
    fn input(&self, keys: &[&str]) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let screen = trim_lines(&self.screen());
            if screen.lines().rev().find(|l| !l.is_empty()) == Some("nix-repl>") {
                break;
            }
            assert!(Instant::now() < deadline, "no fresh prompt:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
        self.keys(keys);
    }

    /// The REPL's history file (under `$XDG_DATA_HOME`).
    fn history(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("data/ferrix/repl-history")).unwrap_or_default()
    }

    /// True once the session (the REPL) has ended.
    fn ended(&self) -> bool {
        let mut cmd = Command::new("tmux");
        cmd.args(["has-session", "-t", &self.name]).stderr(std::process::Stdio::null());
        !cmd.status().is_ok_and(|s| s.success())
    }
}

/// `text` without spaces at the ends of its lines.
fn trim_lines(text: &str) -> String {
    text.split('\n').map(str::trim_end).collect::<Vec<_>>().join("\n")
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let mut cmd = Command::new("tmux");
        let _ = cmd.args(["kill-session", "-t", &self.name]).stderr(std::process::Stdio::null()).status();
    }
}

#[test]
fn the_repl_works_in_a_terminal() {
    let Some(t) = Tmux::start("terminal") else { return };
    t.input(&["6 * 7", "Enter"]);
    t.wait_for("nix-repl> 6 * 7\n42\n");

    t.input(&["x = { abcdef = 1; }", "Enter"]);
    t.wait_for("nix-repl> x = { abcdef = 1; }\n");
    t.input(&["x.abcdef + 1", "Enter"]);
    t.wait_for("nix-repl> x.abcdef + 1\n2\n");

    t.input(&["let a = 1;", "Enter"]);
    t.wait_for("        > ");
    t.keys(&["in a + 2", "Enter"]);
    t.wait_for("nix-repl> let a = 1;\n        > in a + 2\n3\n");

    t.input(&["builtins.toStr", "Tab"]);
    t.wait_for("nix-repl> builtins.toString");
    t.keys(&[" 5", "Enter"]);
    t.wait_for("nix-repl> builtins.toString 5\n\"5\"\n");

    t.input(&["x.ab", "Tab"]);
    t.wait_for("nix-repl> x.abcdef");
    t.keys(&["Enter"]);
    t.wait_for("nix-repl> x.abcdef\n1\n");

    // Inputs are kept in the history file, a multi-line one as one entry.
    let history = t.history();
    assert!(history.contains("6 * 7"), "{history}");
    assert!(history.contains("builtins.toString 5"), "{history}");
}

#[test]
fn ctrl_c_stops_an_endless_evaluation() {
    let Some(t) = Tmux::start("interrupt") else { return };
    let endless = "builtins.length (builtins.genericClosure { startSet = [ { key = 0; } ]; \
                   operator = x: [ { key = x.key + 1; } ]; })";
    t.input(&["y = ", endless, "Enter"]);
    t.input(&["y", "Enter"]);
    t.wait_for("nix-repl> y\n");
    std::thread::sleep(Duration::from_millis(500));
    t.keys(&["C-c"]);
    t.wait_for("error: interrupted by the user");
    t.input(&["1 + 2", "Enter"]);
    t.wait_for("nix-repl> 1 + 2\n3\n");
    // The binding interrupted is evaluated again, not left as infinite recursion.
    t.input(&["y", "Enter"]);
    std::thread::sleep(Duration::from_millis(500));
    t.keys(&["C-c"]);
    let screen =
        t.wait_for("nix-repl> y\n^Cerror: interrupted by the user\n\nnix-repl> 1 + 2\n3\n\nnix-repl> y\n");
    assert!(!screen.contains("infinite recursion"), "{screen}");
    t.input(&[":q", "Enter"]);
    let deadline = Instant::now() + Duration::from_secs(30);
    while !t.ended() {
        assert!(Instant::now() < deadline, "the REPL did not quit:\n{}", t.screen());
        std::thread::sleep(Duration::from_millis(50));
    }
}
