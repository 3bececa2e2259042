//! Builtins reading the local file system: `readFile`, `readDir`, `readFileType`,
//! `pathExists`. (Paths inside the store and string contexts come with the store
//! step.)

use super::util::{new_string, ok};
use super::{PrimOpDef, Ret, prim};
use crate::error::EvalError;
use crate::value::{AttrsBuilder, NixString, Value};
use crate::vm::{Ctx, Vm};
use gc_arena::Mutation;
use std::path::PathBuf;

pub const PRIMOPS: &[PrimOpDef] = &[
    prim("readFile", 1, 1, read_file),
    prim("readDir", 1, 1, read_dir),
    prim("readFileType", 1, 1, |_, mc, ctx, a| {
        let p = path_arg(ctx, a[0])?;
        let meta = std::fs::symlink_metadata(&p).map_err(|_| missing(&p))?;
        ok(new_string(mc, file_type(&meta.file_type()).as_bytes()))
    }),
    prim("pathExists", 1, 1, |_, _, ctx, a| {
        let p = path_arg(ctx, a[0])?;
        ok(Value::Bool(std::fs::symlink_metadata(&p).is_ok()))
    }),
];

/// An absolute path from a path or string argument.
fn path_arg(ctx: &Ctx<'_>, v: Value<'_>) -> Result<PathBuf, EvalError> {
    let bytes = match v {
        Value::Path(p) => p.bytes.clone(),
        Value::String(s) => s.bytes.clone(),
        other => {
            return Err(EvalError::eval(
                format!(
                    "cannot coerce {} to a string: {}",
                    other.type_phrase(),
                    crate::print::short(ctx, other)
                ),
                None,
            ));
        }
    };
    if !bytes.starts_with(b"/") {
        return Err(EvalError::eval(
            format!("string '{}' doesn't represent an absolute path", String::from_utf8_lossy(&bytes)),
            None,
        ));
    }
    Ok(PathBuf::from(String::from_utf8_lossy(&bytes).into_owned()))
}

fn missing(p: &std::path::Path) -> EvalError {
    EvalError::eval(format!("path '{}' does not exist", p.display()), None)
}

/// An I/O error while `doing` something to `p`; a missing path in the reference's words.
fn io_error(p: &std::path::Path, doing: &str, e: std::io::Error) -> EvalError {
    match e.kind() {
        std::io::ErrorKind::NotFound => missing(p),
        _ => EvalError::eval(format!("{doing} '{}': {e}", p.display()), None),
    }
}

fn file_type(t: &std::fs::FileType) -> &'static str {
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
    let p = path_arg(ctx, a[0])?;
    let bytes = std::fs::read(&p).map_err(|e| io_error(&p, "reading file", e))?;
    ok(Value::string(mc, NixString::plain(bytes)))
}

fn read_dir<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let p = path_arg(ctx, a[0])?;
    let entries = std::fs::read_dir(&p).map_err(|e| io_error(&p, "reading directory", e))?;
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
