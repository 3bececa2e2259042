//! The standard library shipped inside the binary: the repository's `stdlib/` tree,
//! embedded at compile time and written to the store as the source path
//! `ferrix-stdlib` when `<ferrix>` is first looked up, so that its files have stable
//! store paths (the same contents give the same path on every machine).

use include_dir::{Dir, DirEntry, include_dir};
use std::io;
use std::path::Path;

static STDLIB: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../stdlib");

/// The search path prefix that finds the standard library.
pub const PREFIX: &str = "ferrix";
/// The name of its store path.
pub const NAME: &str = "ferrix-stdlib";

/// Where the search path entry `wanted` is inside the standard library (`/lib` for
/// `ferrix/lib`, `/corepkgs/fetchurl.nix` for `nix/fetchurl.nix`), if it is there.
pub fn inside(wanted: &str) -> Option<String> {
    let under = |prefix: &str| wanted.strip_prefix(prefix).filter(|r| r.is_empty() || r.starts_with('/'));
    under(PREFIX).map(str::to_owned).or_else(|| under("nix").map(|rest| format!("/corepkgs{rest}")))
}

/// Writes the embedded tree into the empty directory `dir`.
pub fn unpack(dir: &Path) -> io::Result<()> {
    write_entries(&STDLIB, dir)
}

fn write_entries(tree: &Dir<'_>, dir: &Path) -> io::Result<()> {
    for entry in tree.entries() {
        let name =
            entry.path().file_name().ok_or_else(|| io::Error::other("an embedded entry without a name"))?;
        let at = dir.join(name);
        match entry {
            DirEntry::Dir(sub) => {
                std::fs::create_dir(&at)?;
                write_entries(sub, &at)?;
            }
            DirEntry::File(file) => std::fs::write(&at, file.contents())?,
        }
    }
    Ok(())
}
