//! The generic builder's shell functions (nixpkgs' setup.sh helpers), the hook
//! packages of the standard library and its substitution builders, built in the
//! sandbox from `tests/hooks/cases.nix`: each build records what the functions did
//! (files, wrappers' output run by a second build, since /nix/store paths exist only
//! in the sandbox), and the failing ones must fail with nixpkgs' messages.

mod common;

use common::{TempStore, read};
use std::path::{Path, PathBuf};

const CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hooks/cases.nix");

/// A throwaway store with the builds of the cases file.
struct Env(TempStore);

impl Env {
    fn new() -> Env {
        Env(TempStore::new())
    }

    /// Builds `attr` and gives its output's physical place.
    fn built(&self, attr: &str) -> PathBuf {
        self.0.built(CASES, attr)
    }

    /// Builds `attr`, which must fail; gives its log.
    fn failure(&self, attr: &str) -> String {
        let out = self.0.build(CASES, attr);
        assert!(!out.status.success(), "{attr} was built");
        String::from_utf8_lossy(&out.stderr).into_owned()
    }
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).map(|m| m.permissions().mode() & 0o111 != 0).unwrap_or(false)
}

#[test]
fn substitute_replaces_with_each_flag_and_keeps_ampersands() {
    let env = Env::new();
    let out = env.built("substitutions");
    assert_eq!(read(&out.join("inplace")), "a=A & B b=B& keep=@keep@ old=N&W\n\n");
    let warn = read(&out.join("warn"));
    // --replace-warn warns once per file, and the build goes on.
    assert_eq!(
        warn.matches("WARNING: pattern absent doesn't match anything in file 'f").count(),
        2,
        "{warn}"
    );
    assert!(warn.contains("substituteStream() in derivation substitutions: WARNING"), "{warn}");
    assert_eq!(read(&out.join("quiet")), "a=@a@ b=@b@ keep=kept old=OLD\n\n");
    // --replace is deprecated: one warning for the whole build.
    let deprecated = read(&out.join("deprecated"));
    assert_eq!(deprecated.matches("'--replace' is deprecated").count(), 1, "{deprecated}");
    assert_eq!(read(&out.join("twice")), "c=@c@ c=@c@ keep=@keep@ old=OLD\n\n");
    assert_eq!(read(&out.join("stream")), "xA & By");
    let all = read(&out.join("all"));
    assert!(all.starts_with("lc & \\1 A & B @Upper@ /nix/store/"), "{all}");
    assert!(all.ends_with("-substitutions\n"), "{all}");
    assert!(read(&out.join("unset")).contains("ERROR: variable $unsetVariable is unset"));
}

#[test]
fn replace_fail_fails_the_build_with_nixpkgs_message() {
    let log = Env::new().failure("replaceFail");
    assert!(
        log.contains("substituteStream() in derivation replace-fail: ERROR: pattern not\\ there doesn't match anything in file 'f'"),
        "{log}"
    );
}

#[test]
fn substitute_in_place_without_files_fails() {
    let log = Env::new().failure("replaceNoFiles");
    assert!(
        log.contains(
            "substituteInPlace called without any files to operate on (files must come before options!)"
        ),
        "{log}"
    );
}

#[test]
fn helpers_strip_hashes_search_paths_join_and_tell_file_kinds() {
    let env = Env::new();
    let out = env.built("helpers");
    let want = "name-1.0\nname-without-hash\nSP=dir1:dir2\na,b c,d\nx-y\n,b\np q \nflags: a\\ b c\n\
                script-is-script\nplain-is-not-script\nbash-is-elf\nscript-is-not-elf\nbash-is-not-macho\n";
    assert_eq!(read(&out.join("results")), want);
}

#[test]
fn unpack_file_handles_directories_tarballs_zips_and_unpack_cmd() {
    let env = Env::new();
    let out = env.built("unpacked");
    assert_eq!(read(&out.join("default")), "content\n");
    let others =
        "a.custom.d custom\na.tar.bz2.d content\na.tar.d content\na.tgz.d content\na.zip.d content\n";
    assert_eq!(read(&out.join("others")), others);
    assert_eq!(read(&out.join("dir")), "from-dir\n");
    let log = env.failure("unknownArchive");
    assert!(log.contains("do not know how to unpack source archive"), "{log}");
}

#[test]
fn make_wrapper_and_wrap_program_set_the_environment_and_flags() {
    let env = Env::new();
    let run = env.built("wrappersRun");
    let show = "ran --run\nargs: --first two words a b c --last\n\
                GREETING=hello & bye DEFAULTED=given GONE=unset\nLIST=/p1:/p2:/old:/s1\npwd=/\n";
    assert_eq!(read(&run.join("show")), show);
    let prog = read(&run.join("prog"));
    assert!(prog.starts_with("args: -x y\n") && prog.contains("LIST=/e2:/e1\n"), "{prog}");
    assert_eq!(read(&run.join("ls")), ".prog-wrapped\ncolons\nprog\nshow\n");
    assert!(read(&run.join("colons")).starts_with("args: -a -b\n"), "{}", read(&run.join("colons")));
    let wrapped = env.built("wrapped");
    assert!(read(&wrapped.join("bin/prog")).contains("exec -a \"$0\" "));
    let log = env.failure("badWrapper");
    assert!(log.contains("Cannot wrap '/nonexistent' because it is not an executable file"), "{log}");
}

#[test]
fn install_shell_files_puts_pages_and_completions_where_they_belong() {
    let env = Env::new();
    let out = env.built("shellFiles");
    let man = env.built("shellFiles.man");
    for page in ["man1/foo.1", "man3/foo.3", "man5/foo.5.gz"] {
        assert!(man.join("share/man").join(page).is_file(), "{page}");
    }
    for file in [
        "bash-completion/completions/foo.bash",
        "bash-completion/completions/renamed.bash",
        "bash-completion/completions/tool.bash",
        "zsh/site-functions/_foo",
        "zsh/site-functions/_bar",
        "zsh/site-functions/_tool",
        "fish/vendor_completions.d/foo.fish",
        "fish/vendor_completions.d/tool.fish",
    ] {
        assert!(out.join("share").join(file).is_file(), "{file}");
    }
    let warnings = read(&out.join("warnings"));
    assert!(
        warnings.contains("installShellCompletion: warning: unknown shell for path: unknown-kind"),
        "{warnings}"
    );
    assert!(
        warnings.contains("installManPage: error: path missing manpage section suffix: nosection"),
        "{warnings}"
    );
}

#[test]
fn pkg_config_finds_the_inputs_pc_files_through_its_env_hook() {
    let env = Env::new();
    let out = env.built("pkgConfigUser");
    assert_eq!(read(&out.join("versions")), "1.2\n3\n1.0\n");
    let cflags = read(&out.join("cflags"));
    assert!(
        cflags.starts_with("-I/nix/store/") && cflags.trim_end().ends_with("-tiny-lib/include"),
        "{cflags}"
    );
    let libs = read(&out.join("greet-libs"));
    assert!(libs.contains("-lgreet") && libs.contains("-libgreet-1.0-lib/lib"), "{libs}");
    let path = read(&out.join("path"));
    assert!(
        path.contains("-tiny-lib/lib/pkgconfig:") && path.contains("-tiny-lib/share/pkgconfig"),
        "{path}"
    );
}

#[test]
fn env_hooks_see_every_input_in_order() {
    let env = Env::new();
    let seen = read(&env.built("envHooked"));
    let mut first: Vec<&str> = Vec::new();
    for line in seen.lines() {
        if !first.contains(&line) {
            first.push(line);
        }
    }
    let names: Vec<&str> = first.iter().map(|p| p.split_once('-').map_or(*p, |(_, n)| n)).collect();
    assert_eq!(names, ["recorder-hook", "tiny-lib", "tree-src"], "{seen}");
}

#[test]
fn replace_vars_replaces_and_fails_on_absent_or_remaining_names() {
    let env = Env::new();
    assert_eq!(read(&env.built("replaced")), "a=x & y b=2 keep=@keep@ old=OLD\n\n");
    let script = env.built("replacedInDir").join("bin/template.txt");
    assert_eq!(read(&script), "a=1 b=2 keep=3 old=OLD\n\n");
    assert!(is_executable(&script));
    let absent = env.failure("replaceAbsent");
    assert!(
        absent.contains("substituteStream() in derivation template.txt: ERROR: pattern @missing@ doesn't match anything in file '/nix/store/"),
        "{absent}"
    );
    let left = env.failure("replaceLeftOver");
    assert!(
        left.contains("The following look like unsubstituted Nix identifiers that remain in /nix/store/")
            && left.contains("\n@keep@\n")
            && left.contains("Use the more precise `substitute` function if this check is in error."),
        "{left}"
    );
    assert_eq!(read(&env.built("substitutedAll")), "a=one b=&two keep=k old=OLD\n\n");
}
