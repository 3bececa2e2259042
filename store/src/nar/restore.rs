//! Restoring a NAR onto the file system, confined to a target path that must not exist.
//!
//! Every object is created relative to a file descriptor of the directory restored
//! just before it, with exclusive creation and without following symlinks, so an
//! archive cannot make the restore write outside its target.

use super::{NarError, NarErrorKind, NarSink, parse};
use rustix::fs::{CWD, Mode, OFlags, fchmod, fstat, mkdirat, openat, symlinkat};
use std::ffi::OsStr;
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

/// Recreates the archive read from `input` at `target`, which must not exist yet;
/// returns the number of bytes read (the archive's size; nothing after it is read).
///
/// Files are created with mode 0666 and directories with 0777 (both less the umask);
/// executable files get all three execute bits; symlinks are created as-is.
pub fn restore(input: &mut impl Read, target: &Path) -> Result<u64, NarError> {
    let mut sink = RestoreSink { root: target, dirs: Vec::new(), path: target.to_owned(), file: None };
    parse(input, &mut sink)
}

struct RestoreSink<'a> {
    root: &'a Path,
    /// Open directories from the root down to the one being filled.
    dirs: Vec<OwnedFd>,
    /// Path of the directory being filled (or of the root), for messages.
    path: PathBuf,
    /// The file being written and its path.
    file: Option<(File, PathBuf)>,
}

impl RestoreSink<'_> {
    /// Where an object named `name` goes: the root path relative to the current
    /// directory, or the name relative to the directory being filled.
    fn place<'s>(&'s self, name: Option<&'s [u8]>) -> (BorrowedFd<'s>, &'s OsStr) {
        match (name, self.dirs.last()) {
            (Some(name), Some(dir)) => (dir.as_fd(), OsStr::from_bytes(name)),
            _ => (CWD, self.root.as_os_str()),
        }
    }

    fn path_of(&self, name: Option<&[u8]>) -> PathBuf {
        match name {
            Some(name) => self.path.join(OsStr::from_bytes(name)),
            None => self.path.clone(),
        }
    }

    fn io_error(&self, name: Option<&[u8]>, e: impl Into<io::Error>) -> NarErrorKind {
        NarErrorKind::Io { path: self.path_of(name), source: e.into() }
    }
}

impl NarSink for RestoreSink<'_> {
    fn directory(&mut self, name: Option<&[u8]>) -> Result<(), NarErrorKind> {
        let (at, path) = self.place(name);
        let opened = mkdirat(at, path, Mode::from_raw_mode(0o777)).and_then(|()| {
            openat(
                at,
                path,
                OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
                Mode::empty(),
            )
        });
        let fd = opened.map_err(|e| self.io_error(name, e))?;
        self.path = self.path_of(name);
        self.dirs.push(fd);
        Ok(())
    }

    fn end_directory(&mut self) -> Result<(), NarErrorKind> {
        self.dirs.pop();
        if !self.dirs.is_empty() {
            self.path.pop();
        }
        Ok(())
    }

    fn file(&mut self, name: Option<&[u8]>, executable: bool, _size: u64) -> Result<(), NarErrorKind> {
        let (at, path) = self.place(name);
        let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        let fd = openat(at, path, flags, Mode::from_raw_mode(0o666))
            .and_then(|fd| {
                if executable {
                    let mode = fstat(&fd)?.st_mode;
                    fchmod(&fd, Mode::from_raw_mode((mode & 0o7777) | 0o111))?;
                }
                Ok(fd)
            })
            .map_err(|e| self.io_error(name, e))?;
        self.file = Some((File::from(fd), self.path_of(name)));
        Ok(())
    }

    fn file_data(&mut self, data: &[u8]) -> Result<(), NarErrorKind> {
        match &mut self.file {
            Some((file, path)) => {
                file.write_all(data).map_err(|source| NarErrorKind::Io { path: path.clone(), source })
            }
            None => Ok(()),
        }
    }

    fn end_file(&mut self) -> Result<(), NarErrorKind> {
        self.file = None;
        Ok(())
    }

    fn symlink(&mut self, name: Option<&[u8]>, target: &[u8]) -> Result<(), NarErrorKind> {
        let (at, path) = self.place(name);
        symlinkat(target, at, path).map_err(|e| self.io_error(name, e))
    }
}
