//! Commands of the generic builder written in Rust and called from the build's shell
//! as functions: `moveToOutput` (see `outputs.rs`), `patchShebangs` (see
//! `shebangs.rs`), `buildEnv` (see `buildenv.rs`), `closureInfo` (see
//! `closure_info.rs`), `patchELF` (see `rpath.rs`), and `lndir [-silent] FROM TO`, X11's lndir, which nixpkgs'
//! `symlinkJoin` uses: it mirrors the tree `FROM` into the directory `TO`, a directory
//! for each directory and a symlink for everything else, and never replaces what `TO`
//! has already (so the first of several trees wins).

use std::fs;
use std::path::{Path, PathBuf};

/// Runs command `name`; the error message when it fails.
pub(crate) fn run(name: &str, args: &[String]) -> Result<(), String> {
    match name {
        "lndir" => {
            let silent = args.iter().any(|a| a == "-silent");
            let paths: Vec<&String> = args.iter().filter(|a| *a != "-silent").collect();
            let [from, to] = paths.as_slice() else {
                return Err("usage: lndir [-silent] FROM TO".to_owned());
            };
            lndir(Path::new(from.as_str()), Path::new(to.as_str()), silent)
        }
        "patchShebangs" => match args.split_first() {
            Some((search_path, paths)) => super::shebangs::patch_shebangs(search_path, paths),
            None => Err("usage: patchShebangs PATH...".to_owned()),
        },
        "patchELF" => match args {
            [dir] => super::rpath::patch_elf(Path::new(dir)),
            _ => Err("usage: patchELF DIR".to_owned()),
        },
        "closureInfo" => match args {
            [attrs_json, out] => super::closure_info::closure_info(Path::new(attrs_json), Path::new(out)),
            _ => Err("usage: closureInfo ATTRS-JSON OUT".to_owned()),
        },
        "buildEnv" => match args {
            [packages] => super::buildenv::build_env(Path::new(packages)),
            _ => Err("usage: buildEnv PACKAGES-FILE".to_owned()),
        },
        "moveToOutput" => {
            // The shell function puts the outputs' paths, their count first, before
            // the user's arguments.
            let usage = || "usage: moveToOutput PATTERN OUTPUT-PATH".to_owned();
            let (count, rest) = args.split_first().ok_or_else(usage)?;
            let count: usize = count.parse().map_err(|_| usage())?;
            match rest.split_at_checked(count) {
                Some((outputs, [pattern, destination])) => {
                    super::outputs::move_to_output(pattern, destination, outputs)
                }
                _ => Err(usage()),
            }
        }
        other => Err(format!("unknown builder command '{other}'")),
    }
}

/// Source directories lndir does not mirror (version-control metadata).
const SKIPPED_DIRS: [&str; 6] = ["BitKeeper", "RCS", "SCCS", "CVS", "CVS.adm", ".svn"];

/// Mirrors `from` into the existing directory `to`, as lndir does: a directory of
/// `from` (a real one: a symlink to a directory is linked like a file) becomes a
/// directory of `to`, anything else a symlink to it (to its target, if it is itself a
/// symlink). Names ending in `~` and version-control directories are skipped. What
/// `to` has already is kept; a conflict is reported on standard error and skipped, so
/// only an invalid `from` or `to` fails. `silent` leaves out the directory headers.
fn lndir(from: &Path, to: &Path, silent: bool) -> Result<(), String> {
    let from = std::path::absolute(from).map_err(|e| format!("{}: {e}", from.display()))?;
    for dir in [&from, to] {
        if !dir.is_dir() {
            return Err(format!("{}: Not a directory", dir.display()));
        }
    }
    // An explicit stack: trees can be deep. Each entry: source dir, target dir, and
    // the path relative to both (for messages).
    let mut todo = vec![(from, to.to_owned(), PathBuf::new())];
    while let Some((from, to, relative)) = todo.pop() {
        let Ok(entries) = fs::read_dir(&from) else {
            eprintln!("{}: cannot read the directory", from.display());
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            if name.to_string_lossy().ends_with('~') {
                continue;
            }
            let (source, target) = (entry.path(), to.join(&name));
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                if SKIPPED_DIRS.iter().any(|d| name == *d) {
                    continue;
                }
                let relative = relative.join(&name);
                if !silent {
                    eprintln!("{}:", relative.display());
                }
                if enter_dir(&target, &relative) {
                    todo.push((source, target, relative));
                }
            } else {
                link_file(&source, &target, &relative.join(&name));
            }
        }
    }
    Ok(())
}

/// Makes `target` a directory to mirror into, if it is not one; whether to descend.
fn enter_dir(target: &Path, relative: &Path) -> bool {
    match fs::symlink_metadata(target) {
        Ok(meta) if meta.file_type().is_symlink() => {
            eprintln!("{}: is a link instead of a directory", relative.display());
            false
        }
        Ok(meta) if meta.is_dir() => true,
        Ok(_) => {
            eprintln!("{}: Not a directory", relative.display());
            false
        }
        Err(_) => match fs::create_dir(target) {
            Ok(()) => true,
            Err(e) => {
                eprintln!("{}: {e}", relative.display());
                false
            }
        },
    }
}

/// Links `target` to `source` (or to `source`'s own target when it is a symlink),
/// keeping a symlink already there (reported when it points elsewhere).
fn link_file(source: &Path, target: &Path, relative: &Path) {
    let wanted = fs::read_link(source).unwrap_or_else(|_| source.to_owned());
    if let Ok(existing) = fs::read_link(target) {
        if existing != wanted {
            eprintln!("{}: {}", relative.display(), existing.display());
        }
        return;
    }
    if let Err(e) = std::os::unix::fs::symlink(&wanted, target) {
        eprintln!("{}: {e}", relative.display());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn lndir_args(args: &[&Path]) -> Result<(), String> {
        let args: Vec<String> = args.iter().map(|p| p.display().to_string()).collect();
        run("lndir", &args)
    }

    #[test]
    fn lndir_mirrors_trees_and_the_first_wins() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, out) = (dir.path().join("a"), dir.path().join("b"), dir.path().join("out"));
        for (tree, text) in [(&a, "from a"), (&b, "from b")] {
            fs::create_dir_all(tree.join("bin")).unwrap();
            fs::write(tree.join("bin/tool"), text).unwrap();
        }
        fs::write(b.join("bin/other"), "other").unwrap();
        fs::create_dir(&out).unwrap();
        run("lndir", &["-silent".into(), a.display().to_string(), out.display().to_string()]).unwrap();
        lndir_args(&[&b, &out]).unwrap();
        assert!(fs::symlink_metadata(out.join("bin")).unwrap().is_dir());
        assert_eq!(fs::read_link(out.join("bin/tool")).unwrap(), a.join("bin/tool"));
        assert_eq!(fs::read_to_string(out.join("bin/other")).unwrap(), "other");
        assert!(run("lndir", &[]).is_err());
    }

    #[test]
    fn lndir_links_symlinks_as_files_and_copies_their_targets() {
        let dir = tempfile::tempdir().unwrap();
        let (from, out) = (dir.path().join("from"), dir.path().join("out"));
        fs::create_dir_all(from.join("real/sub")).unwrap();
        fs::write(from.join("real/sub/file"), "x").unwrap();
        // A symlink to a directory is linked, not mirrored; a symlink's own target
        // (relative or absolute) is what the new link holds.
        symlink(from.join("real"), from.join("dirlink")).unwrap();
        symlink("../elsewhere", from.join("relative")).unwrap();
        fs::create_dir(&out).unwrap();
        lndir_args(&[&from, &out]).unwrap();
        assert!(fs::symlink_metadata(out.join("dirlink")).unwrap().is_symlink());
        assert_eq!(fs::read_link(out.join("dirlink")).unwrap(), from.join("real"));
        assert_eq!(fs::read_link(out.join("relative")).unwrap(), Path::new("../elsewhere"));
        assert!(fs::symlink_metadata(out.join("real/sub")).unwrap().is_dir());
        assert_eq!(fs::read_link(out.join("real/sub/file")).unwrap(), from.join("real/sub/file"));
    }

    #[test]
    fn lndir_skips_backups_version_control_and_conflicts() {
        let dir = tempfile::tempdir().unwrap();
        let (from, out) = (dir.path().join("from"), dir.path().join("out"));
        for sub in ["CVS", ".svn", "RCS", "keep", "linked", "plain"] {
            fs::create_dir_all(from.join(sub)).unwrap();
            fs::write(from.join(sub).join("f"), sub).unwrap();
        }
        fs::write(from.join("notes~"), "backup").unwrap();
        fs::write(from.join("taken"), "new").unwrap();
        fs::write(from.join("kept"), "new").unwrap();
        // TO already has: a symlink where a directory would go, a real file where a
        // directory would go, a real file and a symlink where links would go.
        fs::create_dir_all(out.join("elsewhere")).unwrap();
        symlink(out.join("elsewhere"), out.join("linked")).unwrap();
        fs::write(out.join("plain"), "file").unwrap();
        fs::write(out.join("taken"), "mine").unwrap();
        symlink("/old/target", out.join("kept")).unwrap();
        lndir_args(&[&from, &out]).unwrap();
        for skipped in ["CVS", ".svn", "RCS", "notes~"] {
            assert!(fs::symlink_metadata(out.join(skipped)).is_err(), "{skipped}");
        }
        assert_eq!(fs::read_link(out.join("keep/f")).unwrap(), from.join("keep/f"));
        // The link is kept and nothing goes through it.
        assert!(fs::read_dir(out.join("elsewhere")).unwrap().next().is_none());
        assert_eq!(fs::read_to_string(out.join("plain")).unwrap(), "file");
        assert_eq!(fs::read_to_string(out.join("taken")).unwrap(), "mine");
        assert_eq!(fs::read_link(out.join("kept")).unwrap(), Path::new("/old/target"));
    }

    #[test]
    fn lndir_fails_only_on_invalid_directories() {
        let dir = tempfile::tempdir().unwrap();
        let (from, file) = (dir.path().join("from"), dir.path().join("file"));
        fs::create_dir(&from).unwrap();
        fs::write(&file, "").unwrap();
        assert!(lndir_args(&[&from, &dir.path().join("missing")]).is_err());
        assert!(lndir_args(&[&file, dir.path()]).is_err());
        assert!(lndir_args(&[&from, &file]).is_err());
    }
}
