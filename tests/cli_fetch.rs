//! The fetchers through `nix-instantiate --eval`: `fetchGit` on a repository built here
//! deterministically, and what the language corpus cannot hold (a hash mismatch makes
//! the reference exit with 102; a network URL makes it try the network). The expected
//! `fetchGit` values were produced by the reference (refnix nix-instantiate --eval
//! --strict) on a repository built by the same steps as [`repository`].

mod common;

use common::{fails, ok, personality, run_with};
use std::path::{Path, PathBuf};
use std::process::Command;

const HEAD: &str = "3e39b696f1d20aa1db02df3e2c358d21dd7e5ba0";
const FIRST: &str = "c96bc08a72caf2a8bbfe0d71ba8f1b82812af720";

/// Runs `git args` in `dir` with a fixed identity and dates, and no user configuration.
fn git(dir: &Path, date: &str, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// A repository with two commits: `a.txt` and an executable `d/run.sh` on 2020-01-01,
/// then `b.txt` on 2020-01-02, on branch `main`.
fn repository(dir: &Path) -> PathBuf {
    let repo = dir.join("repo");
    std::fs::create_dir_all(repo.join("d")).unwrap();
    let first = "2020-01-01T00:00:00Z";
    git(&repo, first, &["init", "-q", "-b", "main", "."]);
    std::fs::write(repo.join("a.txt"), "hello\n").unwrap();
    std::fs::write(repo.join("d/run.sh"), "#!/bin/sh\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(repo.join("d/run.sh"), std::fs::Permissions::from_mode(0o755)).unwrap();
    git(&repo, first, &["add", "."]);
    git(&repo, first, &["commit", "-q", "-m", "one"]);
    std::fs::write(repo.join("b.txt"), "world\n").unwrap();
    let second = "2020-01-02T00:00:00Z";
    git(&repo, second, &["add", "b.txt"]);
    git(&repo, second, &["commit", "-q", "-m", "two"]);
    repo
}

/// A sandbox: a store and a `nix-instantiate` link.
struct Sandbox {
    dir: tempfile::TempDir,
    store: PathBuf,
    instantiate: PathBuf,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("store");
        let instantiate = personality(dir.path(), "nix-instantiate");
        Sandbox { dir, store, instantiate }
    }

    fn eval(&self, expr: &str) -> String {
        ok(&self.instantiate, &["--eval", "--strict", "-E", expr], Some(&self.store))
    }

    fn eval_fails(&self, expr: &str) -> String {
        fails(&self.instantiate, &["--eval", "--strict", "-E", expr], Some(&self.store), 1)
    }
}

/// The result the reference gives for a clean commit.
fn clean(out_path: &str, nar_hash: &str, rev: &str, rev_count: u32, day: u32) -> String {
    let (time, date) = match day {
        1 => (1577836800, "20200101000000"),
        _ => (1577923200, "20200102000000"),
    };
    format!(
        "{{ lastModified = {time}; lastModifiedDate = \"{date}\"; narHash = \"{nar_hash}\"; outPath = \"/nix/store/{out_path}\"; rev = \"{rev}\"; revCount = {rev_count}; shortRev = \"{}\"; submodules = false; }}\n",
        &rev[..7]
    )
}

const HEAD_NAR: &str = "sha256-+qQjw0nvFCFEpyBH9F0mI738io8Mkw/R3G6Qq7bwhAU=";
const FIRST_NAR: &str = "sha256-QKg7TJ3Gw0PNZ3VpkpPMYLIxEARpf5nA4PxnJ3nec2s=";

#[test]
fn fetch_git_commits_as_the_reference() {
    let s = Sandbox::new();
    let repo = repository(s.dir.path());
    let r = repo.to_str().unwrap();
    let head = clean("appz9pskimb2ysf4nlgz1qf77gqmic0f-source", HEAD_NAR, HEAD, 2, 2);
    assert_eq!(s.eval(&format!("builtins.fetchGit (/. + \"{r}\")")), head);
    assert_eq!(s.eval(&format!("builtins.fetchGit \"file://{r}\"")), head);
    assert_eq!(s.eval(&format!("builtins.fetchGit {{ url = \"{r}\"; allRefs = true; }}")), head);
    assert_eq!(
        s.eval(&format!("builtins.fetchGit {{ url = \"{r}\"; rev = \"{FIRST}\"; }}")),
        clean("s5bdin7pahs18m5lzin896an51c7hdqw-source", FIRST_NAR, FIRST, 1, 1)
    );
    assert_eq!(
        s.eval(&format!("builtins.fetchGit {{ url = \"{r}\"; rev = \"{FIRST}\"; shallow = true; }}")),
        clean("s5bdin7pahs18m5lzin896an51c7hdqw-source", FIRST_NAR, FIRST, 0, 1)
    );
    assert_eq!(
        s.eval(&format!("builtins.fetchGit {{ url = \"{r}\"; ref = \"main\"; name = \"foo\"; }}")),
        clean("3ia2d0lm4ymym03c1gy23mn7005rjwbf-foo", HEAD_NAR, HEAD, 2, 2)
    );
    // The exported tree: the commit's files, the executable bit kept, no `.git`.
    assert_eq!(
        s.eval(&format!(
            "let t = builtins.fetchGit \"{r}\"; in [ (builtins.readDir t) (builtins.readDir (t.outPath + \"/d\")) (builtins.getContext t.outPath) ]"
        )),
        "[ { \"a.txt\" = \"regular\"; \"b.txt\" = \"regular\"; d = \"directory\"; } { \"run.sh\" = \"regular\"; } { \"/nix/store/appz9pskimb2ysf4nlgz1qf77gqmic0f-source\" = { path = true; }; } ]\n"
    );
    // Read-only evaluation wrote it, as the reference does.
    assert!(s.store.join("nix/store/appz9pskimb2ysf4nlgz1qf77gqmic0f-source/d/run.sh").exists());
}

#[test]
fn fetch_git_dirty_working_tree() {
    let s = Sandbox::new();
    let repo = repository(s.dir.path());
    let r = repo.to_str().unwrap();
    std::fs::write(repo.join("a.txt"), "changed\n").unwrap();
    std::fs::write(repo.join("u.txt"), "untracked\n").unwrap();
    let expr = format!(
        "let r = builtins.fetchGit \"{r}\"; in r // {{ files = builtins.readDir r; a = builtins.readFile \"${{r}}/a.txt\"; }}"
    );
    let dirty = |nar: &str, out: &str, files: &str, a: &str| {
        format!(
            "{{ {a}dirtyRev = \"{HEAD}-dirty\"; dirtyShortRev = \"3e39b69-dirty\"; files = {{ \"a.txt\" = \"regular\"; \"b.txt\" = \"regular\"; d = \"directory\"; {files}}}; lastModified = 1577923200; lastModifiedDate = \"20200102000000\"; narHash = \"{nar}\"; outPath = \"/nix/store/{out}\"; rev = \"0000000000000000000000000000000000000000\"; revCount = 0; shortRev = \"0000000\"; submodules = false; }}\n"
        )
    };
    assert_eq!(
        s.eval(&expr),
        dirty(
            "sha256-HDClFYL/rZ8tKj5F7roIa4r7dO+KH+cbRVVwyg5Dn7k=",
            "v68i9nrawmaj5b04f4fxgk31grbcjjyc-source",
            "",
            "a = \"changed\\n\"; "
        )
    );
    // A staged new file is taken too; untracked ones never are.
    git(&repo, "2020-01-03T00:00:00Z", &["add", "u.txt"]);
    let expr = format!("let r = builtins.fetchGit \"{r}\"; in r // {{ files = builtins.readDir r; }}");
    assert_eq!(
        s.eval(&expr),
        dirty(
            "sha256-uNn+Bl0fUW2FjpiQMUBhGNbOhmac9z9yPh1T+UG67mY=",
            "iypy1srxhx8dxrc84wm0dmhlyvfyn29n-source",
            "\"u.txt\" = \"regular\"; ",
            ""
        )
    );
    let out = run_with(&s.instantiate, &["--eval", "--strict", "-E", &expr], Some(&s.store), b"");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && err.contains(&format!("warning: Git tree '{r}' is dirty")), "{err}");
    // With a ref, the commit is fetched, not the working tree.
    assert_eq!(
        s.eval(&format!("builtins.fetchGit {{ url = \"{r}\"; ref = \"main\"; }}")),
        clean("appz9pskimb2ysf4nlgz1qf77gqmic0f-source", HEAD_NAR, HEAD, 2, 2)
    );
}

#[test]
fn fetch_git_errors() {
    let s = Sandbox::new();
    let repo = repository(s.dir.path());
    let r = repo.to_str().unwrap();
    let missing = "1111111111111111111111111111111111111111";
    let err = s.eval_fails(&format!("builtins.fetchGit {{ url = \"{r}\"; rev = \"{missing}\"; }}"));
    assert!(
        err.contains(&format!("… while fetching the input 'git+file://{r}?exportIgnore=1&rev={missing}'"))
    );
    assert!(err.contains(&format!("error: getting Git object '{missing}': object not found")), "{err}");
    let err = s.eval_fails(&format!("builtins.fetchGit {{ url = \"{r}\"; ref = \"nope\"; }}"));
    assert!(err.contains("error: resolving Git reference 'nope': revspec 'nope' not found"), "{err}");
    let err = s.eval_fails(&format!("builtins.fetchGit {{ url = \"{r}\"; rev = \"abc\"; }}"));
    assert!(err.contains("error: hash 'abc' has wrong length for hash algorithm 'sha1'"), "{err}");
    let err = s.eval_fails(&format!("builtins.fetchGit {{ url = \"{r}\"; foo = 1; }}"));
    assert!(err.contains("error: input attribute 'foo' not supported by scheme 'git'"), "{err}");
    let not_repo = s.dir.path().to_str().unwrap();
    let err = s.eval_fails(&format!("builtins.fetchGit \"{not_repo}\""));
    assert!(err.contains(&format!("error: '{not_repo}' is not a Git repository")), "{err}");
    let err = s.eval_fails("builtins.fetchGit \"https://example.com/x.git\"");
    assert!(err.contains("error: Ferrix cannot fetch 'https://example.com/x.git': fetching over the network is not supported (use a file:// URL or a local path)"), "{err}");
}

#[test]
fn network_urls_are_refused_at_once() {
    let s = Sandbox::new();
    for builtin in ["fetchurl", "fetchTarball"] {
        let url = "https://example.com/archive.tar.gz";
        let err = s.eval_fails(&format!("builtins.{builtin} {{ url = \"{url}\"; }}"));
        assert!(
            err.contains(&format!(
                "error: Ferrix cannot fetch '{url}': fetching over the network is not supported"
            )),
            "{err}"
        );
    }
    let err = s.eval_fails("builtins.fetchMercurial \"https://example.com/repo\"");
    assert!(err.contains("'builtins.fetchMercurial' is not supported by Ferrix"), "{err}");
}

/// The hash mismatch errors, as the reference words them (it exits with 102 then).
#[test]
fn hash_mismatches() {
    let s = Sandbox::new();
    let lib = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lang/lib/fetch");
    let url = format!("file://{}", lib.join("hello.txt").display());
    let err = s.eval_fails(&format!(
        "builtins.fetchurl {{ url = \"{url}\"; sha256 = \"sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"; }}"
    ));
    assert!(
        err.contains(&format!(
            "error: hash mismatch in file downloaded from '{url}':\n         specified: sha256:0000000000000000000000000000000000000000000000000000\n         got:       sha256:0ix4jahrkll5zg01wandq78jw3ab30q4nscph67rniqg5x7r0j59\n"
        )),
        "{err}"
    );
    let url = format!("file://{}", lib.join("hello.tar.xz").display());
    let err = s.eval_fails(&format!("builtins.fetchTarball {{ url = \"{url}\"; sha256 = \"\"; }}"));
    assert!(err.contains(
        "warning: found empty hash, assuming 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='"
    ));
    assert!(
        err.contains(&format!(
            "error: hash mismatch in file downloaded from '{url}':\n         specified: sha256:0000000000000000000000000000000000000000000000000000\n         got:       sha256:1v66yghlv6l5k7a0xcc4h70gg616c0djw6fbvn8xxsf6wdvn4nml\n"
        )),
        "{err}"
    );
    // Nothing was added.
    assert!(std::fs::read_dir(s.store.join("nix/store")).map_or(true, |mut d| d.next().is_none()));
}
