//! The Nix search path: `builtins.nixPath` (from `-I` and `$NIX_PATH`) and
//! `builtins.findFile`, which `<name>` paths call; after the entries, `<ferrix>` finds
//! the standard library embedded in the binary.

use super::util::{arg, attrs, list, ok, string};
use super::{PrimOpDef, Ret, prim, unforced};
use crate::error::{ErrorKind, EvalError};
use crate::value::{NixString, Value};
use crate::vm::{Ctx, Vm};
use gc_arena::{Gc, Mutation};
use std::os::unix::ffi::OsStrExt;

pub const PRIMOPS: &[PrimOpDef] = &[prim("findFile", 2, 3, find_file)];

/// Parses search path entries (`prefix=path` or `path`), `-I` ones first, then those
/// of a `NIX_PATH`-style colon-separated list.
pub fn parse_search_path<'a>(entries: impl IntoIterator<Item = &'a str>) -> Vec<(String, String)> {
    entries
        .into_iter()
        .filter(|e| !e.is_empty())
        .map(|e| match e.split_once('=') {
            Some((prefix, path)) => (prefix.to_owned(), path.to_owned()),
            None => (String::new(), e.to_owned()),
        })
        .collect()
}

fn find_file<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let entries = arg(0, list(ctx, a[0]))?;
    let wanted = arg(1, string(ctx, a[1]))?;
    let pending = unforced(entries.0.iter().copied());
    if !pending.is_empty() {
        return Ok(Ret::Retry(pending));
    }
    let (prefix_sym, path_sym) = (crate::symbol::known::PREFIX, crate::symbol::known::PATH);
    let mut fields = Vec::new();
    for e in entries.0.iter() {
        let set = attrs(ctx, e.resolved())?;
        let prefix = set.get(ctx.symbols, prefix_sym).map(Value::resolved);
        let path = set.get(ctx.symbols, path_sym).map(Value::resolved);
        let pending = unforced(prefix.into_iter().chain(path));
        if !pending.is_empty() {
            return Ok(Ret::Retry(pending));
        }
        let prefix = match prefix {
            Some(p) => string(ctx, p)?.lossy().into_owned(),
            None => String::new(),
        };
        let path = match path {
            Some(Value::Path(p)) | Some(Value::String(p)) => p.lossy().into_owned(),
            Some(other) => return Err(crate::vm::exec_type_error(ctx, "a string", other)),
            None => return Err(EvalError::eval("attribute 'path' missing", None)),
        };
        fields.push((prefix, path));
    }
    let wanted = wanted.lossy().into_owned();
    for (prefix, path) in fields {
        let rest = if prefix.is_empty() {
            Some(format!("/{wanted}"))
        } else if wanted == prefix {
            Some(String::new())
        } else {
            wanted.strip_prefix(&format!("{prefix}/")).map(|r| format!("/{r}"))
        };
        // A relative entry is taken from the current directory, as the reference does.
        let candidate = rest.and_then(|rest| std::path::absolute(format!("{path}{rest}")).ok());
        if let Some(candidate) = candidate.filter(|c| c.exists()) {
            let p = crate::paths::canonicalise(candidate.as_os_str().as_bytes());
            return ok(Value::Path(Gc::new(mc, NixString::plain(p))));
        }
    }
    // Last, the standard library embedded in the binary, which also holds the
    // reference's `<nix/...>` files.
    if let Some(inside) = crate::io::stdlib::inside(&wanted) {
        let root = ctx.io.store.stdlib()?;
        let candidate = format!("{}{inside}", root.to_absolute());
        if ctx.io.store.physical(std::path::Path::new(&candidate))?.is_some() {
            let p = crate::paths::canonicalise(candidate.as_bytes());
            return ok(Value::Path(Gc::new(mc, NixString::plain(p))));
        }
    }
    Err(EvalError::new(
        ErrorKind::Throw,
        format!("file '{wanted}' was not found in the Nix search path (add it using $NIX_PATH or -I)"),
        None,
    ))
}
