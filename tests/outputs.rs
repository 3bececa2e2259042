//! Multiple outputs as nixpkgs' multiple-outputs hook sorts them: each package of
//! `tests/outputs/cases.nix` installs a file into every place fixup moves from (all
//! under `$out`), under several output lists and user choices, and each file must end
//! in the output nixpkgs' rules give (the output variables' fallback chains), or be
//! gone (developer docs with no `devdoc` output); the configure flags, the `dev`
//! output's propagated inputs and `moveToOutput` from a user's hook are checked too.

mod common;

use common::TempStore;
use std::collections::BTreeMap;
use std::path::PathBuf;

const CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/outputs/cases.nix");

/// The files each package installs, in the order of the tables below (the
/// `files` list of cases.nix).
const FILES: [&str; 14] = [
    "share/info/x.info",
    "share/doc/x/README",
    "share/gtk-doc/html/x/index.html",
    "share/devhelp/books/x/x.devhelp2",
    "share/man/man1/x.1",
    "share/man/man3/x.3",
    "include/x.h",
    "lib/pkgconfig/x.pc",
    "share/pkgconfig/y.pc",
    "lib/cmake/x/x-config.cmake",
    "share/aclocal/x.m4",
    "lib/libx.la",
    "bin/x",
    "flags",
];

/// A built package: each output's logical path and physical place.
struct Built {
    logical: BTreeMap<String, String>,
    physical: BTreeMap<String, PathBuf>,
}

impl Built {
    fn build(store: &TempStore, case: &str) -> Built {
        store.built(CASES, case);
        let expr = format!(
            "let p = (import {CASES}).{case}; in builtins.listToAttrs (map (o: {{ name = o; value = p.${{o}}.outPath; }}) p.outputs)"
        );
        let out = store.ferrix(&["eval", "--json", "-E", &expr]);
        assert!(out.status.success(), "{case}: {}", String::from_utf8_lossy(&out.stderr));
        let logical: BTreeMap<String, String> = serde_json::from_slice(&out.stdout).unwrap();
        let physical = logical.iter().map(|(o, p)| (o.clone(), store.real(p))).collect();
        Built { logical, physical }
    }

    /// The outputs holding `file`, joined with "+" ("-" for none).
    fn place(&self, file: &str) -> String {
        let found: Vec<&str> = self
            .physical
            .iter()
            .filter(|(_, dir)| std::fs::symlink_metadata(dir.join(file)).is_ok())
            .map(|(o, _)| o.as_str())
            .collect();
        if found.is_empty() { "-".to_owned() } else { found.join("+") }
    }

    /// Checks where each of FILES is: `want` names an output (or "-") per file.
    fn assert_places(&self, case: &str, want: &str) {
        let want: Vec<&str> = want.split_whitespace().collect();
        let got: Vec<String> = FILES.iter().map(|f| self.place(f)).collect();
        assert_eq!(got, want, "{case}: {FILES:?}");
    }

    fn path(&self, output: &str) -> &str {
        &self.logical[output]
    }

    fn read(&self, output: &str, file: &str) -> Option<String> {
        std::fs::read_to_string(self.physical[output].join(file)).ok()
    }

    /// The configure flags the package's configure script was given, output paths
    /// written `@name@`.
    fn flags(&self) -> Vec<String> {
        self.read("out", "flags").unwrap_or_default().lines().map(str::to_owned).collect()
    }

    fn assert_flags(&self, want: &[&str]) {
        let flags = self.flags();
        for flag in want {
            assert!(flags.iter().any(|f| f == flag), "{flag}: {flags:?}");
        }
    }

    fn propagated(&self, output: &str) -> Option<String> {
        self.read(output, "nix-support/propagated-build-inputs")
    }
}

#[test]
fn a_single_output_keeps_all_but_developer_docs() {
    let store = TempStore::new();
    let b = Built::build(&store, "single");
    b.assert_places("single", "out out - - out out out out out out out out out out");
    // Output flags even for one output (nixpkgs' current hook); the doc directory is
    // named after the configure script's PACKAGE_TARNAME.
    b.assert_flags(&[
        "--prefix=@out@",
        "--bindir=@out@/bin",
        "--sbindir=@out@/sbin",
        "--docdir=@out@/share/doc/tarname",
    ]);
    assert_eq!(b.flags()[..2], ["--prefix=@out@", "--bindir=@out@/bin"]);
    assert_eq!(b.propagated("out"), None);
    // The pkg-config file is left alone with one output.
    assert!(b.read("out", "lib/pkgconfig/x.pc").unwrap().contains("includedir=${prefix}/include"));
}

#[test]
fn a_dev_output_takes_headers_and_build_files_and_propagates_out() {
    let store = TempStore::new();
    let b = Built::build(&store, "dev");
    b.assert_places("dev", "out out - - out out dev dev dev dev dev out out out");
    let (out, dev) = (b.path("out"), b.path("dev"));
    assert_eq!(b.propagated("dev").as_deref(), Some(format!(" {out}").as_str()));
    assert!(b.read("dev", "lib/pkgconfig/x.pc").unwrap().contains(&format!("includedir={dev}/include\n")));
    b.assert_flags(&["--includedir=@dev@/include", "--libdir=@out@/lib", "--docdir=@out@/share/doc/xpkg"]);
    assert!(!b.flags().iter().any(|f| f.contains("pkgconfigdir")), "installFlags are not configure flags");
}

#[test]
fn a_bin_output_takes_man_and_info_pages() {
    let store = TempStore::new();
    let b = Built::build(&store, "binDev");
    // bin/x stays where it was installed: fixup moves no binaries.
    b.assert_places("binDev", "bin out - - bin bin dev dev dev dev dev out out out");
    let (bin, out) = (b.path("bin"), b.path("out"));
    assert_eq!(b.propagated("dev").as_deref(), Some(format!(" {bin} {out}").as_str()));
    // A PACKAGE_TARNAME with other characters: the name, up to its version, instead.
    b.assert_flags(&[
        "--bindir=@bin@/bin",
        "--mandir=@bin@/share/man",
        "--infodir=@bin@/share/info",
        "--docdir=@out@/share/doc/xpkg",
    ]);
}

#[test]
fn every_kind_of_file_goes_to_its_own_output() {
    let store = TempStore::new();
    let b = Built::build(&store, "all");
    b.assert_places("all", "info doc devdoc devdoc man devman dev dev dev dev dev out out out");
    let out = b.path("out");
    assert_eq!(b.propagated("dev").as_deref(), Some(format!(" {out}").as_str()));
    b.assert_flags(&[
        "--mandir=@man@/share/man",
        "--infodir=@info@/share/info",
        "--docdir=@doc@/share/doc/xpkg",
    ]);
}

#[test]
fn a_lib_output_gets_the_library_flags_and_is_propagated() {
    let store = TempStore::new();
    let b = Built::build(&store, "libDev");
    // Libtool archives stay beside the library as installed.
    b.assert_places("libDev", "out out - - out out dev dev dev dev dev out out out");
    let (lib, out) = (b.path("lib"), b.path("out"));
    assert_eq!(b.propagated("dev").as_deref(), Some(format!(" {lib} {out}").as_str()));
    b.assert_flags(&["--libdir=@lib@/lib", "--libexecdir=@lib@/libexec", "--localedir=@lib@/share/locale"]);
}

#[test]
fn a_man_output_takes_every_section_without_devman() {
    let store = TempStore::new();
    let b = Built::build(&store, "man");
    // outputDevman falls back through devdoc to outputMan; with no dev output the
    // development files stay in out, which propagates nothing.
    b.assert_places("man", "out out - - man man out out out out out out out out");
    assert_eq!(b.propagated("out"), None);
}

#[test]
fn output_variables_set_by_the_user_win() {
    let store = TempStore::new();
    let b = Built::build(&store, "chosen");
    b.assert_places("chosen", "out out doc doc out out out dev dev dev dev out out out");
    let out = b.path("out");
    // Headers stayed in out, so the pkg-config file points there.
    assert!(b.read("dev", "lib/pkgconfig/x.pc").unwrap().contains(&format!("includedir={out}/include\n")));
    // setOutputFlags = false: only the prefix.
    assert_eq!(b.flags(), ["--prefix=@out@"]);
    assert_eq!(b.propagated("dev").as_deref(), Some(format!(" {out}").as_str()));
}

#[test]
fn move_to_output_from_a_hook_and_chosen_propagated_outputs() {
    let store = TempStore::new();
    let b = Built::build(&store, "hooked");
    b.assert_places("hooked", "bin out - - bin bin dev dev dev dev dev dev out out");
    assert_eq!(b.read("bin", "share/locale/de/x.mo").as_deref(), Some("mo\n"));
    // Removed, and the directories it left empty with it.
    assert!(!b.physical["out"].join("share/extra").exists());
    assert!(!b.physical["out"].join("share/locale").exists());
    // propagatedBuildOutputs names what dev propagates.
    assert_eq!(b.propagated("dev").as_deref(), Some(format!(" {}", b.path("out")).as_str()));
}

#[test]
fn propagated_build_inputs_are_recorded_in_dev_before_its_outputs() {
    let store = TempStore::new();
    let b = Built::build(&store, "propagating");
    let propagated = b.propagated("dev").unwrap();
    let (first, rest) = propagated.split_once(' ').unwrap();
    assert!(first.ends_with("-propagated"), "{propagated:?}");
    assert_eq!(rest, format!(" {}", b.path("out")));
    assert_eq!(b.propagated("out"), None);
}
