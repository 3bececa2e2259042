//! `builtins.fetchTarball`: an archive (tar, possibly compressed with gzip, xz or bzip2,
//! or zip; told by its contents) unpacked and stored as a source path, its single
//! top-level directory stripped as the reference does; the NAR hash is checked against
//! `sha256` when given.

use super::{
    UrlArgs, check_fetch_name, fetching, hash_mismatch, local_file, store_path_value, url_args, valid_already,
};
use crate::builtins::Ret;
use crate::builtins::util::ok;
use crate::error::EvalError;
use crate::value::Value;
use crate::vm::{Ctx, Vm};
use ferrix_store::nar;
use ferrix_store::store_path::FileIngestionMethod;
use gc_arena::Mutation;
use std::fs::{self, File};
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

pub(super) fn fetch_tarball<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let UrlArgs { url, sha256, name } = match url_args(ctx, "fetchTarball", a[0])? {
        Ok(args) => args,
        Err(again) => return Ok(again),
    };
    let name = name.as_deref().unwrap_or("source");
    check_fetch_name("fetchTarball", &url, name)?;
    if let Some(path) = valid_already(ctx, name, FileIngestionMethod::Recursive, sha256.as_ref())? {
        return ok(store_path_value(mc, &path));
    }
    let fail = |message: String| fetching(&url, EvalError::eval(message, None));
    let file = local_file(&url).map_err(|e| fetching(&url, e))?;
    if !file.exists() {
        return Err(fail(format!("tarball \"{}\" does not exist.", file.display())));
    }
    let scratch =
        tempfile::tempdir().map_err(|e| fail(format!("cannot create a temporary directory: {e}")))?;
    let tree = unpack(&file, scratch.path()).map_err(fail)?;
    if let Some(expected) = sha256 {
        let (got, _) =
            nar::hash_path(&tree).map_err(|e| fail(format!("cannot read '{}': {e}", tree.display())))?;
        if got != expected {
            return Err(hash_mismatch(&url, &expected, &got));
        }
    }
    let path = ctx.io.store.add_fetched(&tree, name, FileIngestionMethod::Recursive)?;
    ok(store_path_value(mc, &path))
}

/// The kinds of archive, told by their first bytes.
enum Format {
    Tar,
    Gzip,
    Xz,
    Bzip2,
    Zip,
}

/// The format of an archive starting with `head` (its first 512 bytes or fewer).
fn format(head: &[u8]) -> Option<Format> {
    let tar_magic = head.get(257..262) == Some(b"ustar");
    match head {
        [0x1f, 0x8b, ..] => Some(Format::Gzip),
        [0xfd, b'7', b'z', b'X', b'Z', 0, ..] => Some(Format::Xz),
        [b'B', b'Z', b'h', ..] => Some(Format::Bzip2),
        [b'P', b'K', 3, 4, ..] | [b'P', b'K', 5, 6, ..] => Some(Format::Zip),
        _ if tar_magic => Some(Format::Tar),
        _ => None,
    }
}

/// Unpacks the archive `file` into `dest`, and gives the tree it holds: its single
/// top-level directory when it has one, else `dest` itself.
fn unpack(file: &Path, dest: &Path) -> Result<PathBuf, String> {
    let failed = |e: &dyn std::fmt::Display| format!("cannot unpack '{}': {e}", file.display());
    let mut head = Vec::with_capacity(512);
    File::open(file).and_then(|f| f.take(512).read_to_end(&mut head)).map_err(|e| failed(&e))?;
    let Some(format) = format(&head) else {
        return Err("Failed to open archive (Unrecognized archive format)".to_owned());
    };
    let reader = BufReader::new(File::open(file).map_err(|e| failed(&e))?);
    match format {
        Format::Tar => unpack_tar(reader, dest),
        Format::Gzip => unpack_tar(flate2::bufread::MultiGzDecoder::new(reader), dest),
        Format::Xz => unpack_tar(xz2::bufread::XzDecoder::new(reader), dest),
        Format::Bzip2 => unpack_tar(bzip2::bufread::BzDecoder::new(reader), dest),
        Format::Zip => {
            zip::ZipArchive::new(reader).and_then(|mut z| z.extract(dest)).map_err(io::Error::other)
        }
    }
    .map_err(|e| failed(&e))?;
    let mut entries = fs::read_dir(dest).map_err(|e| failed(&e))?;
    let only = match (entries.next(), entries.next()) {
        (Some(Ok(only)), None) => Some(only.path()),
        _ => None,
    };
    Ok(only.filter(|p| fs::symlink_metadata(p).is_ok_and(|m| m.is_dir())).unwrap_or_else(|| dest.to_owned()))
}

/// Unpacks the tar stream `reader` into `dest` (entries may not leave it).
pub(super) fn unpack_tar(reader: impl Read, dest: &Path) -> io::Result<()> {
    let mut archive = tar::Archive::new(reader);
    archive.set_preserve_mtime(false);
    archive.unpack(dest)
}
