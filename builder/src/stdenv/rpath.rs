//! `patchELF DIR`: what nixpkgs' fixup does with `patchelf --shrink-rpath` to every ELF
//! file of an output: each directory of a file's run path (`DT_RUNPATH`, else
//! `DT_RPATH`) is kept only if it holds one of the libraries the file needs
//! (`DT_NEEDED`), so that an output refers only to what it uses at run time (and a
//! program keeps no run path to its own `lib` when it loads nothing from there).
//!
//! The run path is a string of the dynamic string table: the shorter one is written
//! over it in place, padded with NUL bytes, so nothing else of the file moves.

use goblin::elf::Elf;
use goblin::elf::dynamic::{DT_RPATH, DT_RUNPATH};
use std::fs;
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

/// Shrinks the run path of `file`, if it is an ELF file with one.
fn shrink_file(file: &Path) -> Result<(), String> {
    let mut bytes = fs::read(file).map_err(|e| format!("cannot read '{}': {e}", file.display()))?;
    if !bytes.starts_with(b"\x7fELF") {
        return Ok(());
    }
    let Some((offset, old, new)) = shrunk(&bytes) else { return Ok(()) };
    if new == old {
        return Ok(());
    }
    let end = offset + old.len();
    bytes[offset..end].fill(0);
    bytes[offset..offset + new.len()].copy_from_slice(new.as_bytes());
    fs::write(file, &bytes).map_err(|e| format!("cannot write '{}': {e}", file.display()))?;
    eprintln!("shrinking RPATHs of ELF executable or library: {}", file.display());
    Ok(())
}

/// Where the run path string is in the file, and it before and after shrinking; `None`
/// when the file has none (or is not an ELF file Ferrix can read).
fn shrunk(bytes: &[u8]) -> Option<(usize, String, String)> {
    let elf = Elf::parse(bytes).ok()?;
    let dynamic = elf.dynamic.as_ref()?;
    let entry = dynamic
        .dyns
        .iter()
        .find(|d| d.d_tag == DT_RUNPATH)
        .or_else(|| dynamic.dyns.iter().find(|d| d.d_tag == DT_RPATH))?;
    let offset = dynamic.info.strtab.checked_add(usize::try_from(entry.d_val).ok()?)?;
    let rest = bytes.get(offset..)?;
    let old = std::str::from_utf8(&rest[..rest.iter().position(|&b| b == 0)?]).ok()?.to_owned();
    let needed = &elf.libraries;
    let kept: Vec<&str> = old
        .split(':')
        .filter(|dir| !dir.is_empty() && needed.iter().any(|lib| Path::new(dir).join(lib).exists()))
        .collect();
    Some((offset, old.clone(), kept.join(":")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    /// Links a program needing `libm` with a run path of a directory holding it and one
    /// that does not; shrinking keeps only the first.
    #[test]
    fn run_paths_keep_only_directories_with_needed_libraries() {
        let dir = tempfile::tempdir().unwrap();
        let (with, without) = (dir.path().join("with"), dir.path().join("without"));
        fs::create_dir_all(&with).unwrap();
        fs::create_dir_all(&without).unwrap();
        let source = dir.path().join("main.c");
        fs::write(&source, "#include <math.h>\nint main(int c, char **v) { return (int)cos((double)c); }\n")
            .unwrap();
        let program = dir.path().join("main");
        let rpath = format!("-Wl,--disable-new-dtags,-rpath,{}:{}", without.display(), with.display());
        let built = Command::new("cc")
            .args([
                source.to_str().unwrap(),
                "-o",
                program.to_str().unwrap(),
                "-Wl,--no-as-needed",
                &rpath,
                "-lm",
            ])
            .status();
        if !built.is_ok_and(|s| s.success()) {
            eprintln!("skipping: no C compiler");
            return;
        }
        let libm = Elf::parse(&fs::read(&program).unwrap())
            .unwrap()
            .libraries
            .iter()
            .find(|l| l.starts_with("libm"))
            .map(|l| l.to_string())
            .unwrap();
        fs::write(with.join(&libm), "").unwrap();
        patch_elf(dir.path()).unwrap();
        let bytes = fs::read(&program).unwrap();
        let elf = Elf::parse(&bytes).unwrap();
        assert_eq!(elf.rpaths, [with.to_str().unwrap()]);
        // Not an ELF file, and a file without a run path: left alone.
        fs::write(dir.path().join("text"), "plain").unwrap();
        patch_elf(dir.path()).unwrap();
        assert_eq!(fs::read(&program).unwrap(), bytes);
    }
}
