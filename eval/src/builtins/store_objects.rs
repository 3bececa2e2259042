//! Builtins that name store objects: `toFile` (by its contents; read-only evaluation
//! only computes the path, as the reference does, read-write evaluation writes it) and
//! `storePath` (a path already in the store).

use super::files::path_arg_unrealised;
use super::util::{arg, ok, string};
use super::{PrimOpDef, Ret, prim};
use crate::error::EvalError;
use crate::paths::canonicalise;
use crate::value::{ContextElement, NixString, StringContext, Value};
use crate::vm::{Ctx, Vm};
use ferrix_store::{StorePath, StorePathError};
use gc_arena::Mutation;
use std::collections::BTreeSet;

pub const PRIMOPS: &[PrimOpDef] = &[prim("toFile", 2, 3, to_file), prim("storePath", 1, 1, store_path)];

/// `toFile name contents`: the path of a text file holding `contents`, referring to the
/// store paths in its context (which may not be derivations or their outputs).
fn to_file<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let name = arg(0, string(ctx, a[0]))?.lossy().into_owned();
    let contents = arg(1, string(ctx, a[1]))?;
    let mut references = BTreeSet::new();
    for element in contents.context.elements() {
        let plain = match ContextElement::parse(element) {
            ContextElement::Path(path) => StorePath::parse(path).ok(),
            _ => None,
        };
        let Some(path) = plain else {
            let shown = element.replacen(&format!("{}/", ferrix_store::STORE_DIR), "", 1);
            return Err(EvalError::eval(
                format!(
                    "files created by builtins.toFile may not reference derivations, but {name} references {shown}"
                ),
                None,
            ));
        };
        references.insert(path);
    }
    let path = ctx.io.store.add_text(&name, &contents.bytes, references)?;
    ok(with_store_path(mc, path.to_absolute(), &path))
}

/// `storePath p`: `p` (canonical) with the store object it lies in as its context. As
/// the reference, read-only evaluation does not look at the store; read-write
/// evaluation needs the object to be valid.
fn store_path<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let s = match arg(0, path_arg_unrealised(mc, ctx, "storePath", a, 0))? {
        Ok(s) => s,
        Err(again) => return Ok(again),
    };
    let path = String::from_utf8_lossy(&canonicalise(&s.bytes)).into_owned();
    let store_error = |e: StorePathError| EvalError::eval(e.to_string(), None);
    let Some(inner) = path.strip_prefix(ferrix_store::STORE_DIR).and_then(|r| r.strip_prefix('/')) else {
        return Err(store_error(StorePathError::NotInStore(path)));
    };
    let base = inner.split('/').next().unwrap_or_default();
    let object = StorePath::from_base_name_checked(base).map_err(store_error)?;
    ctx.io.store.ensure_valid(&object)?;
    ok(with_store_path(mc, path, &object))
}

/// The string `s` with the store path `path` in its context.
pub(super) fn with_store_path<'gc>(mc: &Mutation<'gc>, s: String, path: &StorePath) -> Value<'gc> {
    let context = StringContext::from_elements([path.to_absolute()]);
    Value::string(mc, NixString::with_context(s.into_bytes(), context))
}
