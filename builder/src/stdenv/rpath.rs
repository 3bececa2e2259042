//! `patchELF DIR`: what nixpkgs' fixup does with `patchelf --shrink-rpath` to every ELF
//! file of an output: each directory of a file's run path (`DT_RUNPATH`, else
//! `DT_RPATH`) is kept only if it holds one of the libraries the file needs
//! (`DT_NEEDED`) that no earlier directory holds, and entries that are not absolute
//! (`$ORIGIN/../lib`) stay, as patchelf does; so an output refers only to what it uses
//! at run time (and a program keeps no run path to its own `lib` when it loads nothing
//! from there).
//!
//! The run path is a string of the dynamic string table: the shorter one is written
//! over it in place, padded with NUL bytes, so nothing else of the file moves.

use goblin::elf::Elf;
use goblin::elf::dynamic::{DT_RPATH, DT_RUNPATH};
use std::fs;
use std::io::Read;
use std::path::Path;

/// Shrinks the run paths of the ELF files under `dir`.
pub(crate) fn patch_elf(dir: &Path) -> Result<(), String> {
    let mut todo = vec![dir.to_owned()];
    while let Some(path) = todo.pop() {
        let meta =
            fs::symlink_metadata(&path).map_err(|e| format!("cannot read '{}': {e}", path.display()))?;
        if meta.is_dir() {
            let entries =
                fs::read_dir(&path).map_err(|e| format!("cannot read '{}': {e}", path.display()))?;
            todo.extend(entries.flatten().map(|e| e.path()));
        } else if meta.is_file() {
            shrink_file(&path)?;
        }
    }
    Ok(())
}

/// Shrinks the run path of `file`, if it is an ELF file with one. A file that cannot
/// be rewritten is left as it is, with a warning (nixpkgs' `|| true`).
fn shrink_file(file: &Path) -> Result<(), String> {
    let mut magic = [0u8; 4];
    let is_elf =
        fs::File::open(file).and_then(|mut f| f.read_exact(&mut magic)).is_ok() && magic == *b"\x7fELF";
    if !is_elf {
        return Ok(());
    }
    let mut bytes = fs::read(file).map_err(|e| format!("cannot read '{}': {e}", file.display()))?;
    let Some((offset, old, new)) = shrunk(&bytes) else { return Ok(()) };
    if new == old {
        return Ok(());
    }
    bytes[offset..offset + old.len()].fill(0);
    bytes[offset..offset + new.len()].copy_from_slice(new.as_bytes());
    eprintln!("shrinking RPATHs of ELF executable or library: {}", file.display());
    if let Err(e) = replace(file, &bytes) {
        eprintln!("warning: cannot shrink the run path of '{}': {e}", file.display());
    }
    Ok(())
}

/// Writes `bytes` as `file`'s new contents through a file beside it renamed over it
/// (so a crash leaves the old file or the new one), with the old file's mode.
fn replace(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mode = fs::metadata(file)?.permissions();
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = file.with_file_name(format!(".{name}.patchelf"));
    fs::write(&temporary, bytes)?;
    fs::set_permissions(&temporary, mode)?;
    fs::rename(&temporary, file).inspect_err(|_| {
        let _ = fs::remove_file(&temporary);
    })
}

/// Where the run path string is in the file, and it before and after shrinking; `None`
/// when the file has none (or is not an ELF file Ferrix can read). As patchelf: an
/// entry not starting with `/` (`$ORIGIN/../lib`) stays; an absolute one stays only if
/// it holds a needed library not found in an earlier entry.
fn shrunk(bytes: &[u8]) -> Option<(usize, String, String)> {
    let elf = Elf::parse(bytes).ok()?;
    let dynamic = elf.dynamic.as_ref()?;
    let entry = dynamic
        .dyns
        .iter()
        .find(|d| d.d_tag == DT_RUNPATH)
        .or_else(|| dynamic.dyns.iter().find(|d| d.d_tag == DT_RPATH))?;
    // The string table must lie in the file where the dynamic section says.
    let (strtab, strsz) = (dynamic.info.strtab, dynamic.info.strsz);
    let at = usize::try_from(entry.d_val).ok().filter(|&at| strtab != 0 && at < strsz)?;
    let table = bytes.get(strtab..strtab.checked_add(strsz)?)?;
    let old =
        std::str::from_utf8(&table[at..at + table[at..].iter().position(|&b| b == 0)?]).ok()?.to_owned();
    let mut found = vec![false; elf.libraries.len()];
    let kept: Vec<&str> = old
        .split(':')
        .filter(|dir| {
            if !dir.starts_with('/') {
                return !dir.is_empty();
            }
            let mut needed = false;
            for (lib, seen) in elf.libraries.iter().zip(found.iter_mut()) {
                if !*seen && Path::new(dir).join(lib).exists() {
                    *seen = true;
                    needed = true;
                }
            }
            needed
        })
        .collect();
    Some((strtab + at, old.clone(), kept.join(":")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;
    use std::process::Command;

    /// Links a program needing `libm` with a run path of `$ORIGIN/../lib`, a directory
    /// without it and two holding it; shrinking keeps `$ORIGIN/../lib` and the first
    /// that holds it, also when the file is read-only.
    #[test]
    fn run_paths_keep_origin_and_the_first_directory_of_each_needed_library() {
        let dir = tempfile::tempdir().unwrap();
        let [with, again, without] = ["with", "again", "without"].map(|d| dir.path().join(d));
        for d in [&with, &again, &without] {
            fs::create_dir_all(d).unwrap();
        }
        let source = dir.path().join("main.c");
        fs::write(&source, "#include <math.h>\nint main(int c, char **v) { return (int)cos((double)c); }\n")
            .unwrap();
        let program = dir.path().join("main");
        let path = format!("$ORIGIN/../lib:{}:{}:{}", without.display(), with.display(), again.display());
        let built = Command::new("cc")
            .arg(&source)
            .arg("-o")
            .arg(&program)
            .args(["-Wl,--no-as-needed", &format!("-Wl,--disable-new-dtags,-rpath,{path}"), "-lm"])
            .status()
            .expect("run cc (the tests need a C compiler)");
        assert!(built.success());
        let bytes = fs::read(&program).unwrap();
        let libm =
            Elf::parse(&bytes).unwrap().libraries.iter().find(|l| l.starts_with("libm")).unwrap().to_string();
        for d in [&with, &again] {
            fs::write(d.join(&libm), "").unwrap();
        }
        fs::set_permissions(&program, fs::Permissions::from_mode(0o555)).unwrap();
        patch_elf(dir.path()).unwrap();
        let bytes = fs::read(&program).unwrap();
        let elf = Elf::parse(&bytes).unwrap();
        assert_eq!(elf.rpaths, [format!("$ORIGIN/../lib:{}", with.display())]);
        assert_eq!(fs::metadata(&program).unwrap().permissions().mode() & 0o777, 0o555);
        // Not an ELF file, and a run path that is already short: left alone.
        fs::write(dir.path().join("text"), "plain").unwrap();
        patch_elf(dir.path()).unwrap();
        assert_eq!(fs::read(&program).unwrap(), bytes);
    }
}
