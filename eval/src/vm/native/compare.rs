//! Deep equality and list ordering as pollable machines, shared by the `==`/`<`
//! natives and by builtins that compare values while they run (`elem`,
//! `genericClosure`). A machine never forces anything itself: it answers
//! [`Poll::Need`] with a thunk, and the caller forces that thunk (which then holds its
//! value) and polls again.

use crate::error::EvalError;
use crate::value::{Attrs, List, Value};
use crate::vm::Ctx;
use crate::vm::arith::{less_than, scalar_equal};
use gc_arena::{Collect, Gc};

/// The answer of a machine.
pub enum Poll<'gc> {
    /// Force this thunk, then poll again.
    Need(Value<'gc>),
    Ready(bool),
}

/// Runs deep equality over a work list of pairs (the pairs still to compare, the next
/// one last). `Ready(false)` may leave pairs behind; clear them before reusing the list.
pub fn poll_equal<'gc>(
    ctx: &mut Ctx<'_>,
    pairs: &mut Vec<(Value<'gc>, Value<'gc>)>,
) -> Result<Poll<'gc>, EvalError> {
    while let Some(&(a, b)) = pairs.last() {
        // The reference compares the values' addresses before forcing them.
        if identical(a, b) {
            pairs.pop();
            continue;
        }
        let (x, y) = (a.resolved(), b.resolved());
        for v in [x, y] {
            if v.is_thunk() {
                return Ok(Poll::Need(v));
            }
        }
        if let Some(eq) = scalar_equal(x, y) {
            pairs.pop();
            if !eq {
                return Ok(Poll::Ready(false));
            }
            continue;
        }
        match (x, y) {
            (Value::List(l), Value::List(m)) => {
                pairs.pop();
                pairs.extend(l.0.iter().copied().zip(m.0.iter().copied()).rev());
            }
            (Value::Attrs(s), Value::Attrs(t)) => {
                if let Some(need) = derivation_type_thunk(ctx, s, t) {
                    return Ok(Poll::Need(need));
                }
                pairs.pop();
                let out = crate::symbol::known::OUT_PATH;
                if is_derivation(ctx, s)
                    && is_derivation(ctx, t)
                    && let (Some(p), Some(q)) = (s.get(ctx.symbols, out), t.get(ctx.symbols, out))
                {
                    pairs.push((p, q));
                    continue;
                }
                if s.len() != t.len()
                    || s.entries(ctx.symbols)
                        .iter()
                        .zip(t.entries(ctx.symbols))
                        .any(|(e, f)| e.name != f.name)
                {
                    return Ok(Poll::Ready(false));
                }
                pairs.extend(
                    s.entries(ctx.symbols)
                        .iter()
                        .zip(t.entries(ctx.symbols))
                        .map(|(e, f)| (e.value, f.value))
                        .rev(),
                );
            }
            _ => unreachable!("scalar_equal answers for every other pair"),
        }
    }
    Ok(Poll::Ready(true))
}

/// The `type` attribute that must be forced before two sets can be compared: the
/// reference checks whether both are derivations (the second only if the first is).
fn derivation_type_thunk<'gc>(
    ctx: &mut Ctx<'_>,
    s: Gc<'gc, Attrs<'gc>>,
    t: Gc<'gc, Attrs<'gc>>,
) -> Option<Value<'gc>> {
    let ty = crate::symbol::known::TYPE;
    for set in [s, t] {
        let v = set.get(ctx.symbols, ty)?.resolved();
        if v.is_thunk() {
            return Some(v);
        }
        if !is_derivation(ctx, set) {
            return None;
        }
    }
    None
}

/// A set whose (forced) `type` is `"derivation"`.
pub fn is_derivation(ctx: &mut Ctx<'_>, a: Gc<'_, Attrs<'_>>) -> bool {
    let ty = crate::symbol::known::TYPE;
    matches!(a.get(ctx.symbols, ty).map(Value::resolved), Some(Value::String(s)) if &*s.bytes == b"derivation")
}

/// Values that are the same object: equal even when they are functions.
fn identical<'gc>(a: Value<'gc>, b: Value<'gc>) -> bool {
    match (a, b) {
        (Value::Thunk(x), Value::Thunk(y)) => crate::value::Thunk::ptr_eq(x, y),
        (Value::Lambda(x), Value::Lambda(y)) => Gc::ptr_eq(x, y),
        (Value::Attrs(x), Value::Attrs(y)) => Gc::ptr_eq(x, y),
        (Value::List(x), Value::List(y)) => Gc::ptr_eq(x, y),
        (Value::PrimOp(x), Value::PrimOp(y)) => x == y,
        _ => false,
    }
}

/// The reference's `lessThan` started on two forced values.
pub enum Compared<'gc> {
    Ready(bool),
    /// Two lists: poll the machine for the answer.
    Lists(ListOrder<'gc>),
}

/// Starts `a < b` on forced values.
pub fn compare<'gc>(ctx: &Ctx<'_>, a: Value<'gc>, b: Value<'gc>) -> Result<Compared<'gc>, EvalError> {
    Ok(match (a, b) {
        (Value::List(l), Value::List(m)) => Compared::Lists(ListOrder::new(l, m, 0)),
        _ => Compared::Ready(less_than(ctx, a, b)?.unwrap_or(false)),
    })
}

/// Lexicographic `<` on lists: equal elements (deep equality) are skipped, and the
/// first differing pair decides, compared with `lessThan` (lists nest: `levels`).
#[derive(Collect)]
#[collect(no_drop)]
pub struct ListOrder<'gc> {
    /// The lists being compared, outermost first, with the index reached in each.
    levels: Vec<(Gc<'gc, List<'gc>>, Gc<'gc, List<'gc>>, Index)>,
    /// The equality of the current elements while it runs.
    equal: Vec<(Value<'gc>, Value<'gc>)>,
}

/// A list index (not traced).
#[derive(Clone, Copy, Collect)]
#[collect(require_static)]
struct Index(usize);

impl<'gc> ListOrder<'gc> {
    /// Compares `l < m`, skipping the first `index` elements.
    pub fn new(l: Gc<'gc, List<'gc>>, m: Gc<'gc, List<'gc>>, index: usize) -> ListOrder<'gc> {
        ListOrder { levels: vec![(l, m, Index(index))], equal: Vec::new() }
    }

    pub fn poll(&mut self, ctx: &mut Ctx<'_>) -> Result<Poll<'gc>, EvalError> {
        loop {
            let Some(&(l, m, Index(i))) = self.levels.last() else { return Ok(Poll::Ready(false)) };
            let (Some(&x), Some(&y)) = (l.0.get(i), m.0.get(i)) else {
                // A proper prefix is smaller.
                return Ok(Poll::Ready(i < m.0.len()));
            };
            if self.equal.is_empty() {
                self.equal.push((x, y));
            }
            match poll_equal(ctx, &mut self.equal)? {
                Poll::Need(v) => return Ok(Poll::Need(v)),
                Poll::Ready(eq) => {
                    self.equal.clear();
                    if eq {
                        if let Some(level) = self.levels.last_mut() {
                            level.2.0 += 1;
                        }
                        continue;
                    }
                }
            }
            // Not identical, so equality forced both.
            let with_trace = |mut e: EvalError| {
                e.add_trace("while comparing two list elements", None);
                e
            };
            match compare(ctx, x.resolved(), y.resolved()).map_err(with_trace)? {
                Compared::Ready(lt) => return Ok(Poll::Ready(lt)),
                Compared::Lists(inner) => self.levels.extend(inner.levels),
            }
        }
    }
}
