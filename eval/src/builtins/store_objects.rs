//! Builtins that name store objects by their contents: `toFile`. Evaluation only
//! computes the path (as the reference does in read-only mode); writing the file into
//! the store comes with instantiation.

use super::util::{arg, ok, string};
use super::{PrimOpDef, Ret, prim};
use crate::error::EvalError;
use crate::value::{ContextElement, NixString, StringContext, Value};
use crate::vm::{Ctx, Vm};
use ferrix_store::store_path::make_text_path;
use ferrix_store::{Hash, HashAlgo, StorePath};
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
    let hash = Hash::digest(HashAlgo::Sha256, &contents.bytes);
    let path = make_text_path(&name, &hash, &references).map_err(|e| EvalError::eval(e.to_string(), None))?;
    let path = path.to_absolute();
    let context = StringContext::from_elements([path.clone()]);
    ok(Value::String(Gc::new(mc, NixString::with_context(path.into_bytes(), context))))
}
