//! Writing NARs: a streaming serialisation of a file, directory or symlink.

use super::MAGIC;
use crate::{Hash, HashAlgo, Hasher};
use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Size of the output buffer and of the reusable buffer file contents are read into.
const CHUNK: usize = 256 * 1024;

/// Which entries of a tree to keep, asked with each entry's path below the root (not
/// the root's own); a directory left out is not visited.
pub type Keep<'a> = &'a dyn Fn(&Path) -> bool;

/// Keeps every entry.
pub fn keep_all(_: &Path) -> bool {
    true
}

/// Writes the NAR serialisation of `path` (not followed if it is a symlink) to `out`.
///
/// Directory entries are written sorted by the bytes of their names; a file is
/// executable when its owner has the execute bit. File contents are streamed in chunks,
/// so memory use does not depend on file sizes; a file is read up to the size it had
/// when visited. Anything that is not a regular file,
/// directory or symlink is an error naming it.
pub fn dump_path(path: &Path, out: &mut impl Write) -> io::Result<()> {
    dump_filtered(path, out, &keep_all)
}

/// Writes the NAR serialisation of `path` as [`dump_path`] does, leaving out the entries
/// `keep` rejects (`builtins.path`'s filter).
pub fn dump_filtered(path: &Path, out: &mut impl Write, keep: Keep<'_>) -> io::Result<()> {
    let mut dumper = Dumper {
        out: BufWriter::with_capacity(CHUNK, out),
        buf: vec![0; CHUNK],
        path: path.to_owned(),
        keep,
    };
    dumper.string(MAGIC)?;
    dumper.node()?;
    dumper.out.flush()
}

/// The SHA-256 of the NAR serialisation of `path`, and the archive's size in bytes.
pub fn hash_path(path: &Path) -> io::Result<(Hash, u64)> {
    let (hash, size, _) = digest_path(path, None)?;
    Ok((hash, size))
}

/// What [`hash_path`] gives, and the archive's hash with `other` when given, from one
/// serialisation.
pub(crate) fn digest_path(path: &Path, other: Option<HashAlgo>) -> io::Result<(Hash, u64, Option<Hash>)> {
    let mut sink = NarDigest::new(other);
    dump_path(path, &mut sink)?;
    Ok(sink.finish())
}

/// Hashes what is written to it with SHA-256 (the NAR hash) and optionally a second
/// algorithm, and counts the bytes.
pub(crate) struct NarDigest {
    nar: Hasher,
    other: Option<Hasher>,
    size: u64,
}

impl NarDigest {
    pub(crate) fn new(other: Option<HashAlgo>) -> NarDigest {
        NarDigest { nar: Hasher::new(HashAlgo::Sha256), other: other.map(Hasher::new), size: 0 }
    }

    pub(crate) fn finish(self) -> (Hash, u64, Option<Hash>) {
        (self.nar.finish(), self.size, self.other.map(Hasher::finish))
    }
}

impl Write for NarDigest {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.nar.update(buf);
        if let Some(other) = &mut self.other {
            other.update(buf);
        }
        self.size += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The state of one dump: buffered output, the read buffer, the path being visited and
/// the entries to keep.
struct Dumper<'k, W: Write> {
    out: BufWriter<W>,
    buf: Vec<u8>,
    path: PathBuf,
    keep: Keep<'k>,
}

/// The SHA-256 and size of the NAR of a regular file holding `contents` (what
/// [`hash_path`] gives for such a file, without reading it back from disk).
pub fn hash_regular(contents: &[u8], executable: bool) -> (Hash, u64) {
    let mut sink = NarDigest::new(None);
    let mut strings: Vec<&[u8]> = vec![MAGIC, b"(", b"type", b"regular"];
    if executable {
        strings.extend([b"executable".as_slice(), b""]);
    }
    strings.extend([b"contents".as_slice(), contents, b")"]);
    for s in strings {
        write_string(&mut sink, s).expect("hashing does not fail");
    }
    let (hash, size, _) = sink.finish();
    (hash, size)
}

/// A NAR string: its length, its bytes, and zeros up to a multiple of 8.
fn write_string(out: &mut impl Write, s: &[u8]) -> io::Result<()> {
    out.write_all(&(s.len() as u64).to_le_bytes())?;
    out.write_all(s)?;
    write_padding(out, s.len() as u64)
}

fn write_padding(out: &mut impl Write, len: u64) -> io::Result<()> {
    let pad = (8 - len % 8) % 8;
    out.write_all(&[0; 8][..pad as usize])
}

impl<W: Write> Dumper<'_, W> {
    fn string(&mut self, s: &[u8]) -> io::Result<()> {
        write_string(&mut self.out, s)
    }

    fn padding(&mut self, len: u64) -> io::Result<()> {
        write_padding(&mut self.out, len)
    }

    fn strings(&mut self, ss: &[&[u8]]) -> io::Result<()> {
        ss.iter().try_for_each(|s| self.string(s))
    }

    /// Writes the node at `self.path`, attaching the path to any error.
    fn node(&mut self) -> io::Result<()> {
        let meta = fs::symlink_metadata(&self.path).map_err(|e| self.with_path(e))?;
        let kind = meta.file_type();
        self.strings(&[b"(", b"type"])?;
        if kind.is_file() {
            self.string(b"regular")?;
            if meta.permissions().mode() & 0o100 != 0 {
                self.strings(&[b"executable", b""])?;
            }
            self.contents(meta.len())?;
        } else if kind.is_dir() {
            self.string(b"directory")?;
            self.directory()?;
        } else if kind.is_symlink() {
            let target = fs::read_link(&self.path).map_err(|e| self.with_path(e))?;
            self.strings(&[b"symlink", b"target", target.as_os_str().as_bytes()])?;
        } else {
            let what = if kind.is_fifo() {
                "a FIFO"
            } else if kind.is_socket() {
                "a socket"
            } else {
                "a device"
            };
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("file '{}' has an unsupported type ({what})", self.path.display()),
            ));
        }
        self.string(b")")
    }

    fn contents(&mut self, len: u64) -> io::Result<()> {
        self.string(b"contents")?;
        self.out.write_all(&len.to_le_bytes())?;
        let mut file = File::open(&self.path).map_err(|e| self.with_path(e))?;
        let mut left = len;
        while left > 0 {
            let want = self.buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
            let n = match file.read(&mut self.buf[..want]) {
                Ok(0) => return Err(self.changed_size()),
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(self.with_path(e)),
            };
            self.out.write_all(&self.buf[..n])?;
            left -= n as u64;
        }
        self.padding(len)
    }

    fn directory(&mut self) -> io::Result<()> {
        let mut names = fs::read_dir(&self.path)
            .and_then(|entries| entries.map(|e| e.map(|e| e.file_name())).collect::<io::Result<Vec<_>>>())
            .map_err(|e| self.with_path(e))?;
        names.sort_unstable_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
        for name in names {
            self.path.push(&name);
            let result = if (self.keep)(&self.path) { self.entry(name.as_bytes()) } else { Ok(()) };
            self.path.pop();
            result?;
        }
        Ok(())
    }

    /// Writes the entry `name` of a directory, at `self.path`.
    fn entry(&mut self, name: &[u8]) -> io::Result<()> {
        self.strings(&[b"entry", b"(", b"name", name, b"node"])?;
        self.node()?;
        self.string(b")")
    }

    fn with_path(&self, e: io::Error) -> io::Error {
        io::Error::new(e.kind(), format!("cannot archive '{}': {e}", self.path.display()))
    }

    fn changed_size(&self) -> io::Error {
        io::Error::new(
            io::ErrorKind::UnexpectedEof,
            format!("file '{}' changed size while it was being archived", self.path.display()),
        )
    }
}
