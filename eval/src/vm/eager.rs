//! Early evaluation of small arithmetic thunks. A thunk whose body is a little
//! arithmetic on variables (`fib (n - 1)`'s `n - 1`) is computed when it is made, if
//! every variable it reads is already an integer or Boolean and the computation
//! succeeds: it has no effect and cannot fail or diverge. The thunk still looks
//! unevaluated (`ThunkState::Precomputed`: lazy printing shows `<CODE>`), but forcing
//! it costs no frames. Anything else (an unevaluated variable, another type, a float,
//! overflow, division by zero) makes the thunk as usual, errors and all.

use super::Ctx;
use super::arith::{less_than, numeric_op};
use crate::code::{ChunkId, Const, Op};
use crate::value::{Env, Value};
use gc_arena::Gc;

/// The value of `code` (an arithmetic chunk) run in `env`, if computing it now is
/// unobservable.
pub(super) fn arithmetic<'gc>(ctx: &Ctx<'_>, code: ChunkId, env: Gc<'gc, Env<'gc>>) -> Option<Value<'gc>> {
    let chunk = ctx.program.chunk(code);
    // At most one value per op (the chunk has at most `ARITHMETIC_OPS` of them).
    let mut stack = Stack { values: [Value::Null; 8], len: 0 };
    for op in &chunk.ops {
        let v = match *op {
            Op::LocalForced { depth, slot } => {
                let v = Env::ancestor(env, depth as usize).get(slot as usize).resolved();
                if !matches!(v, Value::Int(_) | Value::Bool(_)) {
                    return None;
                }
                v
            }
            Op::Const(k) => match chunk.consts[k as usize] {
                Const::Int(i) => Value::Int(i),
                _ => return None,
            },
            Op::Add | Op::Sub | Op::Mul | Op::Div => {
                let (b, a) = (stack.pop()?, stack.pop()?);
                integers(a, b)?;
                numeric_op(ctx, *op, a, b).ok()?
            }
            Op::Less | Op::LessEqual | Op::Greater | Op::GreaterEqual => {
                let (b, a) = (stack.pop()?, stack.pop()?);
                integers(a, b)?;
                // As `Vm::compare_op`: everything is `<`, maybe swapped and negated.
                let (x, y, negate) = match op {
                    Op::Less => (a, b, false),
                    Op::Greater => (b, a, false),
                    Op::LessEqual => (b, a, true),
                    _ => (a, b, true),
                };
                Value::Bool(less_than(ctx, x, y).ok()?? != negate)
            }
            Op::Not => match stack.pop()? {
                Value::Bool(b) => Value::Bool(!b),
                _ => return None,
            },
            Op::Negate => {
                let v = stack.pop()?;
                integers(Value::Int(0), v)?;
                numeric_op(ctx, Op::Sub, Value::Int(0), v).ok()?
            }
            Op::Return => return stack.pop(),
            _ => return None,
        };
        stack.push(v)?;
    }
    None
}

/// A fixed-size operand stack.
struct Stack<'gc> {
    values: [Value<'gc>; 8],
    len: usize,
}

impl<'gc> Stack<'gc> {
    fn push(&mut self, v: Value<'gc>) -> Option<()> {
        *self.values.get_mut(self.len)? = v;
        self.len += 1;
        Some(())
    }

    fn pop(&mut self) -> Option<Value<'gc>> {
        self.len = self.len.checked_sub(1)?;
        Some(self.values[self.len])
    }
}

/// `Some` if both are integers.
fn integers<'gc>(a: Value<'gc>, b: Value<'gc>) -> Option<()> {
    matches!((a, b), (Value::Int(_), Value::Int(_))).then_some(())
}
