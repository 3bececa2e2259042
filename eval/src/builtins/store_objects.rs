//! Builtins that name store objects by their contents: `toFile`. Read-only evaluation
//! only computes the path (as the reference does); read-write evaluation writes it.

use super::util::{arg, ok, string};
use super::{PrimOpDef, Ret, prim};
use crate::error::EvalError;
use crate::value::{ContextElement, NixString, StringContext, Value};
use crate::vm::{Ctx, Vm};
use ferrix_store::StorePath;
use gc_arena::{Gc, Mutation};
use std::collections::BTreeSet;

pub const PRIMOPS: &[PrimOpDef] = &[prim("toFile", 2, 3, to_file)];

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
    let path = ctx.io.store.add_text(&name, &contents.bytes, references)?.to_absolute();
    let context = StringContext::from_elements([path.clone()]);
    ok(Value::String(Gc::new(mc, NixString::with_context(path.into_bytes(), context))))
}
