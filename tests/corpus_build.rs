//! The corpus package set (`corpus/`), built in the sandbox into a throwaway store:
//! every package in it builds, and each does what it is there to show (a configure and
//! make program, a library with multiple outputs and a program that finds it through
//! its build inputs alone, joins and farms of symlinks, a fixed-output fetch of a
//! tarball in the repository, `passAsFile`, `writeShellApplication`, and the closure
//! difference between linking to a file and copying it). Also `fetchurl`'s failures and
//! `<nix/fetchurl.nix>`.

mod common;

use common::{TempStore, read, run_linked};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");

struct Corpus(TempStore);

impl Corpus {
    fn new() -> Corpus {
        Corpus(TempStore::new())
    }

    /// `ferrix ARGS`, which must succeed; its standard output.
    fn ferrix(&self, args: &[&str]) -> String {
        let out = self.0.ferrix(args);
        assert!(out.status.success(), "ferrix {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// The value of the expression `f` applied to the corpus, as JSON.
    fn eval(&self, f: &str) -> serde_json::Value {
        let expr = format!("({f}) (import {CORPUS} {{ }})");
        serde_json::from_str(&self.ferrix(&["eval", "--json", "--strict", "-E", &expr])).unwrap()
    }

    /// The physical place of the output at attribute path `attr` (built already).
    fn output(&self, attr: &str) -> PathBuf {
        let path = self.eval(&format!("c: c.{attr}.outPath"));
        self.0.real(path.as_str().unwrap())
    }

    /// The names (without hashes) of the runtime closure of the output at `attr`.
    fn closure(&self, attr: &str) -> Vec<String> {
        let path = self.eval(&format!("c: c.{attr}.outPath"));
        let listed = self.ferrix(&["store", "closure", path.as_str().unwrap()]);
        let mut names: Vec<String> =
            listed.lines().map(|l| l.split_once('-').map_or(l, |(_, n)| n).to_owned()).collect();
        names.sort();
        names
    }

    /// Builds `expr` (a Nix expression); the build's output.
    fn build_expr(&self, expr: &str) -> Output {
        self.0.ferrix(&["build", "--no-out-link", "-E", expr])
    }
}

/// Where the symlink `link` points.
fn target(link: &Path) -> String {
    std::fs::read_link(link).unwrap_or_else(|e| panic!("{}: {e}", link.display())).display().to_string()
}

#[test]
fn every_corpus_package_builds_and_does_what_it_shows() {
    let c = Corpus::new();
    // Every derivation of the set, all outputs.
    let names = c.eval("c: builtins.attrNames (c.lib.filterAttrs (_: c.lib.isDerivation) c)");
    let names: Vec<&str> = names.as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
    for expected in
        ["hello", "hello-release", "libgreet", "greet", "greeters", "corpus-farm", "greet-everyone"]
    {
        assert!(names.contains(&expected), "{expected} missing from {names:?}");
    }
    let mut args = vec!["build", "--no-out-link", CORPUS];
    let attrs: Vec<String> = names.iter().map(|n| format!("{n}.all")).collect();
    for attr in &attrs {
        args.extend(["-A", attr]);
    }
    c.ferrix(&args);

    // configure and make, from a source tree; the overlay's greeting; the manual page
    // in its own output, which outputsToInstall names.
    assert_eq!(run_linked(&c.output("hello").join("bin/hello"), None), "Hello,corpus!\n");
    assert_eq!(run_linked(&c.output("hello-plain").join("bin/hello"), None), "Hello, world!\n");
    assert!(c.output("hello.man").join("share/man/man1/hello.1").is_file());
    assert!(!c.output("hello").join("share").exists());
    assert_eq!(c.eval("c: c.hello.meta.outputsToInstall"), serde_json::json!(["out", "man"]));

    // The same program from its release tarball, fetched through the corpus's mirror.
    assert_eq!(run_linked(&c.output("hello-release").join("bin/hello"), None), "Hello,corpus!\n");
    let src = c.eval("c: c.hello-release.src.outPath");
    assert!(src.as_str().unwrap().ends_with("-hello-2.12.tar.gz"), "{src}");
    assert_eq!(
        c.eval("c: builtins.head c.hello-release.src.urls").as_str().unwrap(),
        format!("file://{CORPUS}/sources/hello-2.12.tar.gz")
    );

    // The library's outputs each hold their kind of file.
    let output = |o: &str| c.output(&format!("libgreet.{o}"));
    let lib = output("lib").join("lib");
    assert!(lib.join("libgreet.so").is_file());
    assert!(output("dev").join("include/greet.h").is_file());
    assert!(output("dev").join("lib/pkgconfig/greet.pc").is_file());
    assert!(!lib.join("pkgconfig").exists());
    assert!(output("doc").join("share/doc/libgreet/README").is_file());
    assert!(output("man").join("share/man/man1/greet-cli.1").is_file());
    assert!(output("man").join("share/man/man3/greet.3").is_file());
    assert!(output("out").join("share/licenses/libgreet/LICENSE").is_file());
    assert_eq!(c.eval("c: c.libgreet.meta.outputsToInstall"), serde_json::json!(["bin", "man"]));
    // Its own command finds the library in the `lib` output (the self rpath).
    assert_eq!(run_linked(&output("bin").join("bin/greet-cli"), Some(&lib)), "Greetings, command line!\n");
    assert_eq!(c.closure("libgreet.bin"), ["libgreet-1.0-bin", "libgreet-1.0-lib"]);

    // The program that uses it needs only its `lib` output at run time.
    assert_eq!(run_linked(&c.output("greet").join("bin/greet"), Some(&lib)), "Greetings, world!\n");
    assert_eq!(c.closure("greet"), ["greet-1.0", "libgreet-1.0-lib"]);

    // symlinkJoin with stripPrefix and postBuild.
    let greeters = c.output("greeters");
    assert!(target(&greeters.join("hello")).ends_with("-hello-2.12/bin/hello"));
    assert!(target(&greeters.join("greet")).ends_with("-greet-1.0/bin/greet"));
    assert_eq!(read(&greeters.join(".index")), "greet\nhello\n");

    // linkFarm.
    let farm = c.output("corpus-farm");
    assert!(target(&farm.join("bin/hello")).ends_with("-hello-2.12/bin/hello"));
    assert!(target(&farm.join("include/greet.h")).ends_with("-libgreet-1.0-dev/include/greet.h"));
    assert!(target(&farm.join("etc/motd")).ends_with("-motd"));

    // buildEnv: outputsToInstall (hello's and libgreet's man pages, libgreet's bin
    // rather than its out) and the extra dev output, within pathsToLink.
    let profile = c.output("corpus-env");
    for (link, from) in [
        ("bin/hello", "-hello-2.12/bin/hello"),
        ("bin/greet", "-greet-1.0/bin/greet"),
        ("bin/greet-cli", "-libgreet-1.0-bin/bin/greet-cli"),
        ("share/man/man1/hello.1", "-hello-2.12-man/share/man/man1/hello.1"),
        ("share/man/man3", "-libgreet-1.0-man/share/man/man3"),
        // (pathsToLink's own directories are always real ones.)
        ("include/greet.h", "-libgreet-1.0-dev/include/greet.h"),
    ] {
        assert!(target(&profile.join(link)).ends_with(from), "{link}: {}", target(&profile.join(link)));
    }
    assert!(!profile.join("lib").exists() && !profile.join("share/doc").exists());
    assert!(!profile.join("share/licenses").exists(), "libgreet's out is not installed");

    // passAsFile.
    let motd = "Welcome to the corpus.\nEverything here was built by Ferrix.\n";
    assert_eq!(read(&c.output("motd")), motd);

    // A symlink keeps the file's package in the closure; a copy does not.
    assert_eq!(c.closure("motd-linked"), ["motd", "motd-linked"]);
    assert_eq!(c.closure("motd-copied"), ["motd-copied"]);
    assert_eq!(read(&c.output("motd-copied").join("etc/motd")), motd);

    // writeShellApplication: strict options, its inputs on PATH, checked by bash -n.
    let script = read(&c.output("greet-everyone").join("bin/greet-everyone"));
    let hello = c.eval("c: c.hello.outPath");
    let greet = c.eval("c: c.greet.outPath");
    assert!(script.starts_with("#!/bin/bash\nset -o errexit\nset -o nounset\nset -o pipefail\n"), "{script}");
    let path_line =
        format!("export PATH=\"{}/bin:{}/bin:$PATH\"\n", hello.as_str().unwrap(), greet.as_str().unwrap());
    assert!(script.contains(&path_line), "{script}");
    assert_eq!(
        c.closure("greet-everyone"),
        ["greet-1.0", "greet-everyone", "hello-2.12", "libgreet-1.0-lib"]
    );
}

#[test]
fn fetchurl_checks_hashes_and_reports_what_it_cannot_read() {
    let c = Corpus::new();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data.txt");
    std::fs::write(&file, "fetched data\n").unwrap();
    let fetch = |args: &str| format!("(import {CORPUS} {{ }}).fetchurl {{ {args} }}");
    let url = format!("url = \"file://{}\";", file.display());
    let hash = c.ferrix(&["hash", "file", "--type", "sha256", "--sri", file.to_str().unwrap()]);
    let hash = hash.trim();

    // The right hash: the file, as it is; executable: made executable.
    let out = c.build_expr(&fetch(&format!("{url} hash = \"{hash}\";")));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(read(&c.0.real(&String::from_utf8_lossy(&out.stdout))), "fetched data\n");
    // (Its hash is that of the NAR of an executable file.)
    let executable = dir.path().join("executable");
    std::fs::copy(&file, &executable).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&executable, std::fs::Permissions::from_mode(0o755)).unwrap();
    let nar_hash = c.ferrix(&["hash", "path", "--type", "sha256", "--sri", executable.to_str().unwrap()]);
    let nar_hash = nar_hash.trim();
    let out = c.build_expr(&fetch(&format!("{url} executable = true; hash = \"{nar_hash}\";")));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let fetched = c.0.real(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(std::fs::metadata(fetched).unwrap().permissions().mode() & 0o111, 0o111);

    // A wrong hash: the reference's message and exit status.
    let zeros = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    let out = c.build_expr(&fetch(&format!("{url} name = \"wrong\"; hash = \"{zeros}\";")));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(102), "{err}");
    assert!(err.contains(&format!("specified: {zeros}\n            got:    {hash}")), "{err}");

    // A file that is not there.
    let missing = dir.path().join("missing.txt");
    let out = c.build_expr(&fetch(&format!("url = \"file://{}\"; hash = \"{zeros}\";", missing.display())));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let reason = format!("Could not read a file:// file (37) Could not open file {}", missing.display());
    assert!(err.contains(&reason), "{err}");

    // A derivation whose `out` points elsewhere (written by hand) is refused before the
    // fetcher, which runs outside the sandbox, could write or delete there.
    let canary = dir.path().join("canary");
    std::fs::create_dir(&canary).unwrap();
    std::fs::write(canary.join("keep"), "kept").unwrap();
    let hostile = format!("/nix/store/../../../../../../../..{}", canary.display());
    let expr = format!(
        "let d = import <nix/fetchurl.nix> {{ url = \"file:///nonexistent\"; hash = \"{zeros}\"; }};
         in builtins.toFile \"evil.drv\" (builtins.replaceStrings
           [ ''(\"out\",\"${{d.outPath}}\")'' ] [ ''(\"out\",\"{hostile}\")'' ] (builtins.readFile d.drvPath))"
    );
    let evil = c.ferrix(&["nix-instantiate", "--eval", "--read-write-mode", "--raw", "-E", &expr]);
    let out = c.0.ferrix(&["nix-store", "--realise", evil.trim()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("its 'out' variable is not the path of its output 'out'"), "{err}");
    assert_eq!(read(&canary.join("keep")), "kept");

    // A mirror nobody named, and no hash: evaluation errors.
    let out = c.build_expr(&fetch(&format!("url = \"mirror://nowhere/x\"; hash = \"{zeros}\";")));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no mirrors are known for 'mirror://nowhere'"));
    let out = c.build_expr(&fetch(&url));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("fetchurl requires a hash for fixed-output derivation")
    );
}

#[test]
fn nix_fetchurl_is_the_references_derivation_and_unpacks_nars() {
    let c = Corpus::new();
    // The derivation the reference makes of this call (refnix nix-instantiate).
    let expr = r#"(import <nix/fetchurl.nix> { url = "file:///tmp/fu/x.txt"; sha256 = "0000000000000000000000000000000000000000000000000000"; }).drvPath"#;
    assert_eq!(
        c.ferrix(&["eval", "-E", expr]).trim(),
        r#""/nix/store/k30aynpda3k8mr0w66w16vx09xi88zy6-x.txt.drv""#
    );

    // `unpack`: the file is a NAR, restored as the output.
    let dir = tempfile::tempdir().unwrap();
    let tree = Path::new(CORPUS).join("sources/greet");
    let nar = dir.path().join("greet.nar");
    let dumped = c.0.ferrix(&["nix-store", "--dump", tree.to_str().unwrap()]);
    assert!(dumped.status.success());
    std::fs::write(&nar, dumped.stdout).unwrap();
    let hash = c.ferrix(&["hash", "path", "--type", "sha256", "--sri", tree.to_str().unwrap()]);
    let expr = format!(
        "import <nix/fetchurl.nix> {{ url = \"file://{}\"; hash = \"{}\"; unpack = true; }}",
        nar.display(),
        hash.trim()
    );
    let out = c.build_expr(&expr);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let restored = c.0.real(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(read(&restored.join("Makefile")), read(&tree.join("Makefile")));

    // The same NAR compressed with xz (a `.xz` URL), under another name.
    let status = Command::new("xz").arg("-k").arg(&nar).status().expect("run xz");
    assert!(status.success());
    let expr = expr.replace("greet.nar\"", "greet.nar.xz\"; name = \"greet-xz\"");
    let out = c.build_expr(&expr);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let restored = c.0.real(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(read(&restored.join("main.c")), read(&tree.join("main.c")));
}
