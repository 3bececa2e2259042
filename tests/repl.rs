//! `ferrix repl` driven through standard input (not a terminal): prompts and inputs
//! are echoed as the reference's `nix repl` does, values are printed in its layout
//! without colours. Expected outputs follow transcripts of the reference (Nix 2.34).

mod common;

use common::{FERRIX, personality};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// A REPL's surroundings: a temporary home, store and working directory.
struct Repl {
    dir: tempfile::TempDir,
}

/// What a session printed.
struct Transcript {
    stdout: String,
    stderr: String,
}

impl Repl {
    fn new() -> Repl {
        Repl { dir: tempfile::tempdir().expect("a temporary directory") }
    }

    fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }

    /// Runs `program args` with `input` on standard input.
    fn command(&self, program: &Path, args: &[&str]) -> Command {
        let mut cmd = Command::new(program);
        cmd.args(args)
            .current_dir(self.dir.path())
            .env("HOME", self.path("home"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("FERRIX_STORE", self.path("store"))
            .env("NO_COLOR", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }

    fn run_program(&self, program: &Path, args: &[&str], input: &str) -> Transcript {
        let mut child = self.command(program, args).spawn().expect("spawn ferrix");
        let _ = child.stdin.take().expect("piped").write_all(input.as_bytes());
        let out = child.wait_with_output().expect("wait for ferrix");
        assert!(out.status.success(), "the REPL failed: {}", String::from_utf8_lossy(&out.stderr));
        Transcript {
            stdout: String::from_utf8(out.stdout).expect("utf-8"),
            stderr: String::from_utf8(out.stderr).expect("utf-8"),
        }
    }

    /// Starts `ferrix repl`, to be fed and read while it runs.
    fn spawn(&self) -> Live {
        let mut child = self.command(Path::new(FERRIX), &["repl"]).spawn().expect("spawn ferrix");
        let stdout = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let mut pipe = child.stdout.take().expect("piped");
        let sink = stdout.clone();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = std::io::Read::read(&mut pipe, &mut buf) {
                sink.lock().unwrap().push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Live { child, stdout, reader }
    }

    fn run(&self, input: &str) -> Transcript {
        self.run_program(Path::new(FERRIX), &["repl"], input)
    }
}

/// A running REPL: input written as the test goes, output read by a thread.
struct Live {
    child: std::process::Child,
    stdout: std::sync::Arc<std::sync::Mutex<String>>,
    reader: std::thread::JoinHandle<()>,
}

impl Live {
    fn send(&mut self, input: &str) {
        let stdin = self.child.stdin.as_mut().expect("piped");
        stdin.write_all(input.as_bytes()).and_then(|()| stdin.flush()).expect("the REPL reads");
    }

    /// Waits (at most a minute) until the output holds `text`.
    fn wait_for(&self, text: &str) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while !self.stdout.lock().unwrap().contains(text) {
            assert!(std::time::Instant::now() < deadline, "no {text:?} in {}", self.stdout.lock().unwrap());
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    /// Ends the input and gives standard output and error.
    fn finish(mut self) -> (String, String) {
        drop(self.child.stdin.take());
        let out = self.child.wait_with_output().expect("wait for ferrix");
        self.reader.join().expect("the reader ends");
        let stdout = self.stdout.lock().unwrap().clone();
        (stdout, String::from_utf8(out.stderr).expect("utf-8"))
    }
}

/// The echoed prompt and input, then what it printed, then the blank line.
fn step(input: &str, printed: &str) -> String {
    format!("nix-repl> {input}\n{printed}\n")
}

#[test]
fn values_print_as_the_reference_prints_them() {
    let repl = Repl::new();
    let t = repl.run(concat!(
        "1 + 1\n",
        "{ a = 1; b = { c = 2; d = [ 1 2 ]; }; e = throw \"boom\"; }\n",
        "[ 1 (throw \"no\") 3 ]\n",
        "[ { a = 1; } [ 2 ] ]\n",
        "{ a = 1; }\n",
        "[ 1 ]\n",
        "{ }\n",
        "[ ]\n",
        "\"str\"\n",
        "(x: x)\n",
        "{ f = x: x; fl = 1.5; n = null; t = true; }\n",
        "builtins.map\n",
        "builtins.add 1\n",
        "let r = { a = r; }; in r\n",
        "derivation { name = \"d\"; builder = \"/bin/sh\"; system = \"x86_64-linux\"; }\n",
        "./x.txt\n",
    ));
    let path = repl.dir.path().join("x.txt");
    let expected = [
        step("1 + 1", "2\n"),
        step(
            "{ a = 1; b = { c = 2; d = [ 1 2 ]; }; e = throw \"boom\"; }",
            "{\n  a = 1;\n  b = { ... };\n  e = «error: boom»;\n}\n",
        ),
        step("[ 1 (throw \"no\") 3 ]", "[\n  1\n  «error: no»\n  3\n]\n"),
        step("[ { a = 1; } [ 2 ] ]", "[\n  { ... }\n  [ ... ]\n]\n"),
        step("{ a = 1; }", "{ a = 1; }\n"),
        step("[ 1 ]", "[ 1 ]\n"),
        step("{ }", "{ }\n"),
        step("[ ]", "[ ]\n"),
        step("\"str\"", "\"str\"\n"),
        step("(x: x)", "«lambda @ «string»:1:2»\n"),
        step(
            "{ f = x: x; fl = 1.5; n = null; t = true; }",
            "{\n  f = «lambda f @ «string»:1:7»;\n  fl = 1.5;\n  n = null;\n  t = true;\n}\n",
        ),
        step("builtins.map", "«primop map»\n"),
        step("builtins.add 1", "«partially applied primop add»\n"),
        step("let r = { a = r; }; in r", "{\n  a = «repeated»;\n}\n"),
        step(
            "derivation { name = \"d\"; builder = \"/bin/sh\"; system = \"x86_64-linux\"; }",
            "«derivation /nix/store/nrb4avj6pm8s9wv5zqyxn1zf91648msi-d.drv»\n",
        ),
        step("./x.txt", &format!("{}\n", path.display())),
        "nix-repl> ".to_owned(),
    ]
    .concat();
    assert_eq!(t.stdout, expected);
    assert!(t.stderr.starts_with("Ferrix "), "{}", t.stderr);
}

#[test]
fn types_are_described_in_the_reference_words() {
    let t = Repl::new().run(concat!(
        ":t 1\n:t 1.0\n:t true\n:t null\n:t \"s\"\n:t ./.\n:t { }\n:t [ ]\n:t (x: x)\n",
        ":t builtins.map\n:t builtins.add 1\n",
    ));
    let answers: Vec<&str> =
        t.stdout.lines().filter(|l| !l.is_empty() && !l.starts_with("nix-repl>")).collect();
    assert_eq!(
        answers,
        [
            "an integer",
            "a float",
            "a Boolean",
            "null",
            "a string",
            "a path",
            "a set",
            "a list",
            "a function",
            "the built-in function 'map'",
            "the partially applied built-in function 'add'",
        ]
    );
}

#[test]
fn print_command_prints_deeply_and_strings_raw() {
    let t = Repl::new().run(concat!(
        ":p { a = { b = { c = 1; }; }; }\n",
        ":p { a = [ 1 2 ]; b = [ 3 ]; c = { }; }\n",
        ":p [ 1 (throw \"x\") ]\n",
        ":p \"a\\\"b\"\n",
    ));
    let expected = [
        step(":p { a = { b = { c = 1; }; }; }", "{\n  a = {\n    b = { c = 1; };\n  };\n}\n"),
        step(
            ":p { a = [ 1 2 ]; b = [ 3 ]; c = { }; }",
            "{\n  a = [\n    1\n    2\n  ];\n  b = [ 3 ];\n  c = { };\n}\n",
        ),
        step(":p [ 1 (throw \"x\") ]", "[\n  1\n  «error: x»\n]\n"),
        step(":p \"a\\\"b\"", "a\"b\n"),
        "nix-repl> ".to_owned(),
    ]
    .concat();
    assert_eq!(t.stdout, expected);
}

#[test]
fn bindings_are_lazy_and_errors_do_not_end_the_session() {
    let t = Repl::new().run(concat!(
        "x = throw \"no\"\n",
        "1\n",
        "x\n",
        "undefined_var\n",
        "y = 3\n",
        "y * 2\n",
        "map = 5\n",
        "map + 1\n",
        ":x\n",
        "x\n",
        "let f = x: f x; in f 1\n",
        "7\n",
    ));
    let answers: Vec<&str> =
        t.stdout.lines().filter(|l| !l.is_empty() && !l.starts_with("nix-repl>")).collect();
    assert_eq!(answers, ["1", "6", "6", "7"]);
    // The binding's error is placed in the line that made it, each time it is used.
    let placed = "       at «string»:1:5:\n            1| x = throw \"no\"\n             |     ^\n";
    assert_eq!(t.stderr.matches(placed).count(), 2, "{}", t.stderr);
    assert!(t.stderr.contains("error: undefined variable 'undefined_var'"), "{}", t.stderr);
    assert!(t.stderr.contains("error: unknown command ':x'"), "{}", t.stderr);
    assert!(t.stderr.contains("error: stack overflow; max-call-depth exceeded"), "{}", t.stderr);
}

#[test]
fn incomplete_input_continues_on_the_next_line() {
    let t = Repl::new().run("let a = 1;\nin a\n\"multi\nline\"\n[ 1\n2 ]\n1 +\n:t (x: x)\n");
    let expected = [
        "nix-repl> let a = 1;\n        > in a\n1\n\n",
        "nix-repl> \"multi\n        > line\"\n\"multi\\nline\"\n\n",
        "nix-repl> [ 1\n        > 2 ]\n[\n  1\n  2\n]\n\n",
        "nix-repl> 1 +\n        > :t (x: x)\n\n",
        "nix-repl> ",
    ]
    .concat();
    assert_eq!(t.stdout, expected);
    assert!(t.stderr.contains("error: syntax error, unexpected ':'"), "{}", t.stderr);
}

#[test]
fn add_load_and_reload_re_read_the_file() {
    let repl = Repl::new();
    let lib = repl.path("lib.nix");
    std::fs::write(&lib, "{ libval = 42; other = 1; }").unwrap();
    let fun = repl.path("fun.nix");
    std::fs::write(&fun, "{ n ? 2 }: { doubled = n * 2; }").unwrap();
    let first = repl.run(&format!(
        ":a {{ y = 5; z = 6; }}\ny + z\n:l {}\nlibval\n:l fun.nix\ndoubled\n:a 1\n",
        lib.display()
    ));
    let answers: Vec<&str> =
        first.stdout.lines().filter(|l| !l.is_empty() && !l.starts_with("nix-repl>")).collect();
    assert_eq!(answers, ["11", "42", "4"]);
    assert!(first.stderr.contains("Added 2 variables.\ny, z\n"), "{}", first.stderr);
    assert!(first.stderr.contains("Added 2 variables.\nlibval, other\n"), "{}", first.stderr);
    assert!(first.stderr.contains("Added 1 variables.\ndoubled\n"), "{}", first.stderr);
    assert!(first.stderr.contains("error: expected a set but found an integer: 1"), "{}", first.stderr);

    // `:r` reads the file again (the import cache is dropped) and empties the scope.
    let mut live = repl.spawn();
    live.send(&format!(":l {}\nlibval\nkept = 1\n", lib.display()));
    live.wait_for("\n42\n");
    std::fs::write(&lib, "{ libval = 43; }").unwrap();
    live.send(":r\nlibval\nkept\n:q\n");
    let (stdout, stderr) = live.finish();
    let answers: Vec<&str> =
        stdout.lines().filter(|l| !l.is_empty() && !l.starts_with("nix-repl>")).collect();
    assert_eq!(answers, ["42", "43"], "{stdout}");
    assert!(stderr.contains("error: undefined variable 'kept'"), "{stderr}");
}

#[test]
fn missing_files_are_reported_as_the_reference_does() {
    let t = Repl::new().run(":l /nonexistent.nix\n1\n");
    assert!(t.stderr.contains("error: path '/nonexistent.nix' does not exist\n"), "{}", t.stderr);
    assert!(t.stdout.contains("\n1\n"), "{}", t.stdout);
}

#[test]
fn build_command_builds_into_the_store_and_log_shows_the_log() {
    let repl = Repl::new();
    let drv = "derivation { name = \"d\"; builder = \"/bin/sh\"; args = [\"-c\" \"echo hi; echo hi > $out\"]; system = builtins.currentSystem; }";
    let t = repl.run(&format!(":b {drv}\n:log {drv}\n:b 1\n"));
    let outputs = "\nThis derivation produced the following outputs:\n  out -> /nix/store/";
    assert!(t.stdout.contains(outputs), "{}\n{}", t.stdout, t.stderr);
    let out_path = t.stdout.split("out -> ").nth(1).and_then(|r| r.lines().next()).expect("an output path");
    let physical = repl.path("store").join(out_path.trim_start_matches('/'));
    assert_eq!(std::fs::read_to_string(physical).expect("the output was built"), "hi\n");
    assert!(t.stdout.contains(&format!(":log {drv}\nhi\n")), "{}", t.stdout);
    assert!(
        t.stderr.contains("error: expression does not evaluate to a derivation, so I can't build it"),
        "{}",
        t.stderr
    );
}

#[test]
fn doc_shows_builtin_documentation() {
    let t = Repl::new().run(":doc map\n:doc (x: x)\n:doc 1\n");
    let synopsis = "nix-repl> :doc map\nSynopsis: builtins.map f list\n\n";
    let doc = t.stdout.split(synopsis).nth(1).expect("the synopsis");
    assert!(doc.lines().next().is_some_and(|l| !l.trim().is_empty()), "{}", t.stdout);
    assert!(t.stdout.contains("Function defined at «string»:1:2\n"), "{}", t.stdout);
    assert!(t.stderr.contains("error: value does not have documentation"), "{}", t.stderr);
}

#[test]
fn help_trace_toggle_and_quit() {
    let t = Repl::new().run(":?\n:te\n:te false\n:q\n1\n");
    assert!(t.stdout.contains("The following commands are available:\n\n  <expr>"), "{}", t.stdout);
    assert!(t.stdout.contains("showing error traces\n\nnix-repl> :te false\nnot showing error traces\n"));
    // Nothing after `:q` runs.
    assert!(t.stdout.ends_with("nix-repl> :q\n"), "{}", t.stdout);
}

#[test]
fn nix_personality_runs_the_repl() {
    let repl = Repl::new();
    let nix = personality(repl.dir.path(), "nix");
    let lib = repl.path("lib.nix");
    std::fs::write(&lib, "{ a }: { b = a + 1; }").unwrap();
    let t = repl.run_program(&nix, &["repl", "--arg", "a", "41", lib.to_str().unwrap()], "b\n");
    assert!(t.stdout.contains("nix-repl> b\n42\n"), "{}\n{}", t.stdout, t.stderr);
    assert!(t.stderr.contains("Added 1 variables.\nb\n"), "{}", t.stderr);
}
