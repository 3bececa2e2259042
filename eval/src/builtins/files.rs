//! Builtins reading the local file system: `readFile`, `readDir`, `readFileType`,
//! `pathExists`. (Paths inside the store and string contexts come with the store
//! step.)

use super::util::{new_string, ok};
use super::{PrimOpDef, Ret, prim};
use crate::error::EvalError;
use crate::value::{AttrsBuilder, NixString, Value};
use crate::vm::{Ctx, Vm};
use crate::vm::{coercion_target, not_coercible};
use gc_arena::{Gc, Mutation};
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;

pub const PRIMOPS: &[PrimOpDef] = &[
    prim("readFile", 1, 1, read_file),
    prim("readDir", 1, 1, read_dir),
    prim("readFileType", 1, 1, |_, mc, ctx, a| {
        let p = match path_arg(mc, ctx, "readFileType", a, 0)? {
            Ok(p) => p,
            Err(again) => return Ok(again),
        };
        let meta = std::fs::symlink_metadata(ctx.io.real_path(&p)?).map_err(|_| missing(&p))?;
        ok(new_string(mc, file_type(&meta.file_type()).as_bytes()))
    }),
    prim("pathExists", 1, 1, |_, mc, ctx, a| {
        let p = match path_arg(mc, ctx, "pathExists", a, 0)? {
            Ok(p) => p,
            Err(again) => return Ok(again),
        };
        ok(Value::Bool(std::fs::symlink_metadata(ctx.io.real_path(&p)?).is_ok()))
    }),
];

/// The path argument `args[index]` of the builtin `name`: a path, or a string holding an
/// absolute path, whose context is realised. A set stands for what it coerces through
/// (`__toString self` or `outPath`): then `Err` holds the builtin applied again with that
/// in its place.
pub(super) fn path_arg<'gc>(
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    name: &str,
    args: &[Value<'gc>],
    index: usize,
) -> Result<Result<PathBuf, Ret<'gc>>, EvalError> {
    let s = match path_arg_unrealised(mc, ctx, name, args, index)? {
        Ok(s) => s,
        Err(again) => return Ok(Err(again)),
    };
    ctx.io.store.realise_context(&s.context).map_err(|mut e| {
        e.add_trace(format!("while realising the context of path '{}'", s.lossy()), None);
        e
    })?;
    Ok(Ok(PathBuf::from(OsStr::from_bytes(&s.bytes))))
}

/// [`path_arg`] as a string, its context not realised (`storePath`).
pub(super) fn path_arg_unrealised<'gc>(
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    name: &str,
    args: &[Value<'gc>],
    index: usize,
) -> Result<Result<Gc<'gc, NixString>, Ret<'gc>>, EvalError> {
    match path_value(mc, ctx, args[index])? {
        Ok(s) => Ok(Ok(s)),
        Err(target) => {
            let mut args = args.to_vec();
            args[index] = target;
            let f =
                args.iter().fold(Value::PrimOp(ctx.builtins.index_of(name)), |f, &a| Value::apply(mc, f, a));
            Ok(Err(Ret::Value(f)))
        }
    }
}

/// A forced value as a path builtin takes it: a path, or a string holding an absolute
/// path. `Err` holds what a set coerces through (`__toString self` or `outPath`), to
/// force and take instead.
pub(super) fn path_value<'gc>(
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    v: Value<'gc>,
) -> Result<Result<Gc<'gc, NixString>, Value<'gc>>, EvalError> {
    let s = match v {
        Value::Path(s) | Value::String(s) => s,
        Value::Attrs(set) => return Ok(Err(coercion_target(mc, ctx, set)?)),
        other => return Err(not_coercible(ctx, other)),
    };
    if !s.bytes.starts_with(b"/") {
        return Err(EvalError::eval(
            format!("string '{}' doesn't represent an absolute path", s.lossy()),
            None,
        ));
    }
    Ok(Ok(s))
}

/// The reference's error for a path that does not exist.
pub(super) fn missing(p: &std::path::Path) -> EvalError {
    EvalError::eval(format!("path '{}' does not exist", p.display()), None)
}

/// An I/O error while `doing` something to `p`; a missing path in the reference's words.
pub(super) fn io_error(p: &std::path::Path, doing: &str, e: std::io::Error) -> EvalError {
    match e.kind() {
        std::io::ErrorKind::NotFound => missing(p),
        _ => EvalError::eval(format!("{doing} '{}': {e}", p.display()), None),
    }
}

/// The reference's name for a file type (`readDir`, `readFileType`, path filters).
pub(super) fn file_type(t: &std::fs::FileType) -> &'static str {
    if t.is_dir() {
        "directory"
    } else if t.is_symlink() {
        "symlink"
    } else if t.is_file() {
        "regular"
    } else {
        "unknown"
    }
}

fn read_file<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let p = match path_arg(mc, ctx, "readFile", a, 0)? {
        Ok(p) => p,
        Err(again) => return Ok(again),
    };
    let bytes = std::fs::read(ctx.io.real_path(&p)?).map_err(|e| io_error(&p, "reading file", e))?;
    // A store path's contents refer to what the path refers to.
    let context = ctx.io.store.references_of(&p)?;
    ok(Value::string(mc, NixString::with_context(bytes, context)))
}

fn read_dir<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let p = match path_arg(mc, ctx, "readDir", a, 0)? {
        Ok(p) => p,
        Err(again) => return Ok(again),
    };
    let entries =
        std::fs::read_dir(ctx.io.real_path(&p)?).map_err(|e| io_error(&p, "reading directory", e))?;
    let mut b = AttrsBuilder::default();
    for entry in entries {
        let entry = entry.map_err(|e| io_error(&p, "reading directory", e))?;
        let kind = entry.file_type().map(|t| file_type(&t)).unwrap_or("unknown");
        let name = ctx.symbols.intern(entry.file_name().as_encoded_bytes());
        b.push(name, new_string(mc, kind.as_bytes()));
    }
    let set = b.finish(mc, ctx.symbols, true).unwrap_or_else(|_| unreachable!("keep_first never fails"));
    ok(Value::Attrs(set))
}
