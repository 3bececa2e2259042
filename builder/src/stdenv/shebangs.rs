//! `patchShebangs DIR...`, as nixpkgs': every executable file starting with `#!` whose
//! interpreter is not in the store gets the interpreter of the same name found on
//! `PATH` (`/usr/bin/env NAME` becomes the path of `NAME`; `env -S` is kept as `-S`);
//! the file's modification time is kept.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// Patches the scripts under each of `paths`, finding interpreters on `search_path`
/// (the shell's `PATH`).
pub(crate) fn patch_shebangs(search_path: &str, paths: &[String]) -> Result<(), String> {
    let mut todo: Vec<PathBuf> = paths.iter().filter(|p| !p.starts_with("--")).map(PathBuf::from).collect();
    while let Some(path) = todo.pop() {
        let meta =
            fs::symlink_metadata(&path).map_err(|e| format!("cannot read '{}': {e}", path.display()))?;
        if meta.is_dir() {
            for entry in fs::read_dir(&path).map_err(|e| format!("cannot read '{}': {e}", path.display()))? {
                todo.push(entry.map_err(|e| e.to_string())?.path());
            }
        } else if meta.is_file() && meta.permissions().mode() & 0o111 != 0 {
            patch_file(search_path, &path, &meta)?;
        }
    }
    Ok(())
}

fn patch_file(search_path: &str, path: &Path, meta: &fs::Metadata) -> Result<(), String> {
    let contents = fs::read(path).map_err(|e| format!("cannot read '{}': {e}", path.display()))?;
    let Some(rest) = contents.strip_prefix(b"#!") else { return Ok(()) };
    let end = rest.iter().position(|b| *b == b'\n').unwrap_or(rest.len());
    let line = String::from_utf8_lossy(&rest[..end]).into_owned();
    let mut words = line.split_whitespace();
    let Some(interpreter) = words.next() else { return Ok(()) };
    if interpreter.starts_with(ferrix_store::STORE_DIR) {
        return Ok(());
    }
    let args: Vec<&str> = words.collect();
    let new_line = if Path::new(interpreter).file_name().is_some_and(|n| n == "env") {
        let (split, program, rest) = match args.as_slice() {
            ["-S", program, rest @ ..] => ("-S ", *program, rest),
            [program, rest @ ..] if !program.starts_with('-') => ("", *program, rest),
            _ => return Err(format!("{}: unsupported interpreter directive \"{line}\"", path.display())),
        };
        let Some(found) = find_on_path(search_path, program) else { return Ok(()) };
        let env = match split {
            "" => String::new(),
            _ => {
                let env = find_on_path(search_path, "env").unwrap_or_else(|| interpreter.into());
                format!("{} -S ", env.display())
            }
        };
        join(&format!("{env}{}", found.display()), rest)
    } else {
        let name =
            Path::new(interpreter).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let Some(found) = find_on_path(search_path, &name) else { return Ok(()) };
        join(&found.to_string_lossy(), &args)
    };
    if new_line == line.trim() {
        return Ok(());
    }
    eprintln!("{}: interpreter directive changed from \"#!{line}\" to \"#!{new_line}\"", path.display());
    let mut patched = format!("#!{new_line}").into_bytes();
    patched.extend_from_slice(&rest[end..]);
    let mtime = meta.modified().ok();
    fs::write(path, patched).map_err(|e| format!("cannot write '{}': {e}", path.display()))?;
    if let Some(mtime) = mtime {
        let file = fs::File::options().write(true).open(path).map_err(|e| e.to_string())?;
        let _ = file.set_modified(mtime);
    }
    Ok(())
}

fn join(program: &str, args: &[&str]) -> String {
    std::iter::once(program).chain(args.iter().copied()).collect::<Vec<_>>().join(" ")
}

/// `name` on the search path, as the shell would find it.
fn find_on_path(search_path: &str, name: &str) -> Option<PathBuf> {
    search_path
        .split(':')
        .map(|dir| Path::new(dir).join(name))
        .find(|p| fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0))
}
