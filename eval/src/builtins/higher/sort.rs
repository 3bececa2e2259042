//! `sort`: a stable bottom-up merge sort driven as a state machine, calling the
//! comparator once per comparison (O(n log n) calls). The comparator is asked whether
//! the right run's element comes before the left run's, so equal elements keep their
//! order. With `lessThan` itself as the comparator, values are compared directly.

use super::{State, boolean};
use crate::builtins::util::list;
use crate::builtins::util::{arg, function};
use crate::builtins::{Ret, unforced};
use crate::error::EvalError;
use crate::value::Value;
use crate::vm::native::compare::{Compared, ListOrder, Poll, compare};
use crate::vm::native::{Native, Step};
use crate::vm::{Ctx, Vm};
use gc_arena::{Collect, Mutation};

/// One merge pass after another over `src` into `dst`, runs of `width` doubling.
#[derive(Collect)]
#[collect(no_drop)]
pub struct Sort<'gc> {
    cmp: Value<'gc>,
    src: Vec<Value<'gc>>,
    dst: Vec<Value<'gc>>,
    #[collect(require_static)]
    cursor: Cursor,
    /// With `lessThan` as the comparator (`None` otherwise): the comparison of two
    /// lists while it runs.
    order: Option<Ordering<'gc>>,
}

/// The state of a direct `lessThan` comparison.
#[derive(Collect)]
#[collect(no_drop)]
enum Ordering<'gc> {
    Idle,
    Running(ListOrder<'gc>),
}

/// Where the current merge is: left run `i..mid`, right run `j..hi`.
#[derive(Clone, Copy)]
struct Cursor {
    width: usize,
    i: usize,
    mid: usize,
    j: usize,
    hi: usize,
}

impl Cursor {
    /// The merge of the runs starting at `lo`.
    fn at(lo: usize, width: usize, n: usize) -> Cursor {
        let mid = (lo + width).min(n);
        Cursor { width, i: lo, mid, j: mid, hi: (mid + width).min(n) }
    }
}

pub fn sort<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let l = arg(1, list(ctx, a[1]))?;
    if l.0.is_empty() {
        return Ok(Ret::Value(a[1]));
    }
    arg(0, function(ctx, a[0]))?;
    // The reference forces every element before sorting.
    let pending = unforced(l.0.iter().copied());
    if !pending.is_empty() {
        return Ok(Ret::Retry(pending));
    }
    let src: Vec<Value<'gc>> = l.0.iter().map(|v| v.resolved()).collect();
    if src.len() == 1 {
        return Ok(Ret::Value(Value::list(mc, src)));
    }
    let cursor = Cursor::at(0, 1, src.len());
    let dst = Vec::with_capacity(src.len());
    let less_than = matches!(a[0], Value::PrimOp(op) if ctx.builtins.def(op).name == "lessThan");
    let order = less_than.then_some(Ordering::Idle);
    Ok(Ret::Native(Native::Higher(Box::new(State::Sort(Sort { cmp: a[0], src, dst, cursor, order })))))
}

impl<'gc> Sort<'gc> {
    pub fn step(
        &mut self,
        vm: &mut Vm<'gc>,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        forced: Option<Value<'gc>>,
    ) -> Result<Step<'gc>, EvalError> {
        if forced.is_some() && self.order.is_none() {
            // The comparator's answer to "does src[j] come before src[i]?".
            let right_first = boolean(ctx, forced, "the sorting function passed to builtins.sort")?;
            self.take(right_first);
        }
        let n = self.src.len();
        loop {
            let c = self.cursor;
            if c.i < c.mid && c.j < c.hi {
                let (right, left) = (self.src[c.j], self.src[c.i]);
                let Some(order) = &mut self.order else {
                    return vm.demand_apply2(mc, ctx, self.cmp, right, left);
                };
                // The comparator is `lessThan`: compare here, as the reference does.
                let poll = match order {
                    Ordering::Running(o) => o.poll(ctx),
                    Ordering::Idle => match compare(ctx, right, left) {
                        Ok(Compared::Ready(lt)) => Ok(Poll::Ready(lt)),
                        Ok(Compared::Lists(o)) => {
                            *order = Ordering::Running(o);
                            continue;
                        }
                        Err(e) => Err(e),
                    },
                };
                let poll = poll.map_err(|mut e| {
                    e.add_trace("while evaluating the ordering function passed to builtins.sort", None);
                    e
                })?;
                match poll {
                    Poll::Need(v) => return vm.demand(mc, ctx, v),
                    Poll::Ready(right_first) => {
                        *order = Ordering::Idle;
                        self.take(right_first);
                        continue;
                    }
                }
            }
            // One run is used up: the rest of the other follows.
            self.dst.extend_from_slice(&self.src[c.i..c.mid]);
            self.dst.extend_from_slice(&self.src[c.j..c.hi]);
            if c.hi < n {
                self.cursor = Cursor::at(c.hi, c.width, n);
                continue;
            }
            // The pass is done.
            std::mem::swap(&mut self.src, &mut self.dst);
            self.dst.clear();
            if c.width * 2 >= n {
                return Ok(Step::Return(Value::list(mc, std::mem::take(&mut self.src))));
            }
            self.cursor = Cursor::at(0, c.width * 2, n);
        }
    }

    /// Moves the element that comes first to `dst`.
    fn take(&mut self, right_first: bool) {
        let c = &mut self.cursor;
        if right_first {
            self.dst.push(self.src[c.j]);
            c.j += 1;
        } else {
            self.dst.push(self.src[c.i]);
            c.i += 1;
        }
    }
}
