//! File tree operations the store needs while staging objects: copying a tree (regular
//! files, directories, symlinks; the owner-execute bit kept), canonicalising it the way
//! the reference does (0444/0555 files, 0555 directories, mtime 1) while syncing it to
//! disk, and deleting trees that canonicalisation made read-only.

use super::error::{StoreError, io_err};
use crate::nar::Keep;
use rustix::fs::{AtFlags, CWD, Timespec, Timestamps, UTIME_OMIT, utimensat};
use std::fs::{self, File, Permissions};
use std::io;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::Path;

/// Modification time of every store entry, as the reference.
const STORE_MTIME: i64 = 1;

/// True when a mode carries the owner-execute bit, which is what the NAR format records.
pub(crate) fn is_executable(mode: u32) -> bool {
    mode & 0o100 != 0
}

/// Copies `src` (not following a top-level symlink) to `dst`, which must not exist,
/// leaving out the entries `keep` rejects.
pub(crate) fn copy_tree(src: &Path, dst: &Path, keep: Keep<'_>) -> Result<(), StoreError> {
    let meta = fs::symlink_metadata(src).map_err(io_err("cannot read", src))?;
    let kind = meta.file_type();
    if kind.is_dir() {
        fs::create_dir(dst).map_err(io_err("cannot create directory", dst))?;
        for entry in fs::read_dir(src).map_err(io_err("cannot read directory", src))? {
            let entry = entry.map_err(io_err("cannot read directory", src))?;
            let path = entry.path();
            if keep(&path) {
                copy_tree(&path, &dst.join(entry.file_name()), keep)?;
            }
        }
        Ok(())
    } else if kind.is_file() {
        let mut input = File::open(src).map_err(io_err("cannot open", src))?;
        let mut output = File::create_new(dst).map_err(io_err("cannot create", dst))?;
        io::copy(&mut input, &mut output).map_err(io_err("cannot copy into", dst))?;
        let mode = if is_executable(meta.permissions().mode()) { 0o755 } else { 0o644 };
        output.set_permissions(Permissions::from_mode(mode)).map_err(io_err("cannot set permissions of", dst))
    } else if kind.is_symlink() {
        let target = fs::read_link(src).map_err(io_err("cannot read symlink", src))?;
        symlink(target, dst).map_err(io_err("cannot create symlink", dst))
    } else {
        Err(StoreError::UnsupportedFileType(src.to_owned()))
    }
}

/// Gives every entry under `path` the reference's canonical metadata and syncs it: files
/// 0444 (0555 when owner-executable), directories 0555, mtime 1. A directory gets its
/// mode first (so one a builder left unreadable can be listed), its mtime and sync only
/// once its entries are final.
pub(crate) fn canonicalise_tree(path: &Path) -> Result<(), StoreError> {
    let meta = fs::symlink_metadata(path).map_err(io_err("cannot read", path))?;
    let kind = meta.file_type();
    if kind.is_symlink() {
        return set_store_mtime(path);
    }
    let mode = if kind.is_dir() {
        0o555
    } else if kind.is_file() {
        if is_executable(meta.permissions().mode()) { 0o555 } else { 0o444 }
    } else {
        return Err(StoreError::UnsupportedFileType(path.to_owned()));
    };
    fs::set_permissions(path, Permissions::from_mode(mode))
        .map_err(io_err("cannot set permissions of", path))?;
    if kind.is_dir() {
        for entry in fs::read_dir(path).map_err(io_err("cannot read directory", path))? {
            canonicalise_tree(&entry.map_err(io_err("cannot read directory", path))?.path())?;
        }
    }
    set_store_mtime(path)?;
    sync_path(path)
}

/// The modification time of every store object.
pub(crate) fn store_mtime() -> std::time::SystemTime {
    std::time::UNIX_EPOCH + std::time::Duration::from_secs(STORE_MTIME as u64)
}

/// Sets the modification time of `path` (not following a symlink) to the store's.
pub(crate) fn set_store_mtime(path: &Path) -> Result<(), StoreError> {
    let times = Timestamps {
        last_access: Timespec { tv_sec: 0, tv_nsec: UTIME_OMIT },
        last_modification: Timespec { tv_sec: STORE_MTIME, tv_nsec: 0 },
    };
    utimensat(CWD, path, &times, AtFlags::SYMLINK_NOFOLLOW)
        .map_err(|e| io_err("cannot set the modification time of", path)(e.into()))
}

/// fsyncs a file or directory (its data, metadata and, for a directory, its entries).
pub(crate) fn sync_path(path: &Path) -> Result<(), StoreError> {
    File::open(path).and_then(|f| f.sync_all()).map_err(io_err("cannot sync", path))
}

/// Deletes `path` recursively, first making read-only directories writable. A missing
/// path is not an error. Returns the bytes this likely frees, counted as the reference
/// counts them: the size of every non-directory whose last link (or, as it may be
/// shared with `.links`, last but one) goes.
pub fn remove_tree(path: &Path) -> Result<u64, StoreError> {
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(io_err("cannot read", path)(e)),
    };
    if meta.is_dir() {
        fs::set_permissions(path, Permissions::from_mode(0o755))
            .map_err(io_err("cannot make writable", path))?;
        let mut freed = 0;
        for entry in fs::read_dir(path).map_err(io_err("cannot read directory", path))? {
            freed += remove_tree(&entry.map_err(io_err("cannot read directory", path))?.path())?;
        }
        fs::remove_dir(path).map_err(io_err("cannot delete directory", path))?;
        Ok(freed)
    } else {
        fs::remove_file(path).map_err(io_err("cannot delete", path))?;
        Ok(if meta.nlink() <= 2 { meta.len() } else { 0 })
    }
}
