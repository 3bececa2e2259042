//! Source positions as values: `builtins.unsafeGetAttrPos` (where an attribute was
//! defined) and `__curPos` both give `{ column; file; line; }`, or null when there is no
//! position or it is not in a file (`-E` text, standard input), as the reference does.

use super::util::{arg, attrs, new_string, ok, string};
use super::{PrimOpDef, Ret, delayed, prim};
use crate::error::EvalError;
use crate::source::{Origin, Pos};
use crate::value::{AttrsBuilder, Value};
use crate::vm::{Ctx, Vm};
use gc_arena::Mutation;

pub const PRIMOPS: &[PrimOpDef] = &[prim("unsafeGetAttrPos", 2, 3, unsafe_get_attr_pos)];

fn unsafe_get_attr_pos<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let name = ctx.symbols.intern(&arg(0, string(ctx, a[0]))?.bytes);
    let pos = arg(1, attrs(ctx, a[1]))?.entry(ctx.symbols, name).map_or(Pos::NONE, |e| e.pos);
    ok(pos_value(mc, ctx, pos))
}

/// `{ column; file; line; }` for a position in a file; null otherwise. As in the
/// reference, the line and column are thunks (lazy output prints them as `<CODE>`).
pub fn pos_value<'gc>(mc: &Mutation<'gc>, ctx: &mut Ctx<'_>, pos: Pos) -> Value<'gc> {
    let Some((source, offset)) = ctx.sources.locate(pos) else { return Value::Null };
    let Origin::File(path) = &source.origin else { return Value::Null };
    let file = new_string(mc, path.as_os_str().as_encoded_bytes());
    let (line, column) = source.line_col(offset);
    let mut b = AttrsBuilder::with_capacity(3);
    b.push(ctx.symbols.intern(b"column"), delayed(mc, Value::Int(column.into())));
    b.push(ctx.symbols.intern(b"file"), file);
    b.push(ctx.symbols.intern(b"line"), delayed(mc, Value::Int(line.into())));
    b.finish(mc, ctx.symbols, true).map_or(Value::Null, Value::Attrs)
}
