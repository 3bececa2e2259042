//! Commands of the generic builder written in Rust and called from the build's shell
//! as functions: `moveToOutput` (see `outputs.rs`), `patchShebangs` (see `shebangs.rs`),
//! `buildEnv` (see `buildenv.rs`), and `lndir [-silent] SRC DST`, which mirrors the tree `SRC` into `DST` with a
//! directory for each directory and a symlink for everything else, leaving what `DST`
//! has already (the first of several trees wins), as X11's lndir, which nixpkgs'
//! `symlinkJoin` and `buildEnv` use.

use std::fs;
use std::path::Path;

/// Runs command `name`; the error message when it fails.
pub(crate) fn run(name: &str, args: &[String]) -> Result<(), String> {
    match name {
        "lndir" => {
            let paths: Vec<&String> = args.iter().filter(|a| *a != "-silent").collect();
            let [src, dst] = paths.as_slice() else {
                return Err("usage: lndir [-silent] SRC DST".to_owned());
            };
            lndir(Path::new(src.as_str()), Path::new(dst.as_str()))
        }
        "patchShebangs" => match args.split_first() {
            Some((search_path, paths)) => super::shebangs::patch_shebangs(search_path, paths),
            None => Err("usage: patchShebangs PATH...".to_owned()),
        },
        "buildEnv" => match args {
            [packages] => super::buildenv::build_env(Path::new(packages)),
            _ => Err("usage: buildEnv PACKAGES-FILE".to_owned()),
        },
        "moveToOutput" => match args {
            [pattern, destination] => super::outputs::move_to_output(pattern, destination),
            _ => Err("usage: moveToOutput PATTERN OUTPUT-PATH".to_owned()),
        },
        other => Err(format!("unknown builder command '{other}'")),
    }
}

/// The message for a failed file operation: "cannot WHAT 'PATH': ERROR".
pub(super) fn io_error(what: &str, path: &Path, e: std::io::Error) -> String {
    format!("cannot {what} '{}': {e}", path.display())
}

/// Mirrors `src` into the directory `dst` (created if missing).
fn lndir(src: &Path, dst: &Path) -> Result<(), String> {
    fs::create_dir_all(dst).map_err(|e| io_error("create", dst, e))?;
    // An explicit stack: trees can be deep.
    let mut todo = vec![(src.to_owned(), dst.to_owned())];
    while let Some((from, to)) = todo.pop() {
        for entry in fs::read_dir(&from).map_err(|e| io_error("read", &from, e))? {
            let entry = entry.map_err(|e| io_error("read", &from, e))?;
            let (source, target) = (entry.path(), to.join(entry.file_name()));
            // A symlink to a directory is mirrored as a directory, as lndir does.
            if source.is_dir() {
                match fs::symlink_metadata(&target) {
                    Ok(meta) if meta.is_dir() => {}
                    Ok(_) => continue,
                    Err(_) => fs::create_dir(&target).map_err(|e| io_error("create", &target, e))?,
                }
                todo.push((source, target));
            } else if fs::symlink_metadata(&target).is_err() {
                std::os::unix::fs::symlink(&source, &target).map_err(|e| io_error("create", &target, e))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lndir_mirrors_trees_and_the_first_wins() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, out) = (dir.path().join("a"), dir.path().join("b"), dir.path().join("out"));
        for (tree, text) in [(&a, "from a"), (&b, "from b")] {
            fs::create_dir_all(tree.join("bin")).unwrap();
            fs::write(tree.join("bin/tool"), text).unwrap();
        }
        fs::write(b.join("bin/other"), "other").unwrap();
        run("lndir", &["-silent".into(), a.display().to_string(), out.display().to_string()]).unwrap();
        run("lndir", &[b.display().to_string(), out.display().to_string()]).unwrap();
        assert!(fs::symlink_metadata(out.join("bin")).unwrap().is_dir());
        assert_eq!(fs::read_link(out.join("bin/tool")).unwrap(), a.join("bin/tool"));
        assert_eq!(fs::read_to_string(out.join("bin/other")).unwrap(), "other");
        assert!(run("lndir", &[]).is_err());
    }
}
