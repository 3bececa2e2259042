//! Early evaluation of small arithmetic thunks. A thunk whose body is a little
//! arithmetic on variables (`fib (n - 1)`'s `n - 1`) is computed when it is made, if
//! every variable it reads is already an integer or Boolean and the computation
//! succeeds: it has no effect and cannot fail or diverge. The thunk still looks
//! unevaluated (`ThunkState::Precomputed`: lazy printing shows `<CODE>`), but forcing
//! it costs no frames. Anything else (an unevaluated variable, another type, a float,
//! overflow, division by zero) makes the thunk as usual, errors and all.

use super::Ctx;
use crate::code::{ARITHMETIC_OPS, ChunkId, Const, Op};
use crate::value::{Env, Value};
use gc_arena::Gc;

/// The value of `code` (an arithmetic chunk) run in `env`, if computing it now is
/// unobservable.
pub(super) fn arithmetic<'gc>(ctx: &Ctx<'_>, code: ChunkId, env: Gc<'gc, Env<'gc>>) -> Option<Value<'gc>> {
    let chunk = ctx.program.chunk(code);
    // At most one value per op (the chunk has at most `ARITHMETIC_OPS` of them).
    let mut stack = Stack { values: [Value::Null; ARITHMETIC_OPS], len: 0 };
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
            Op::Add
            | Op::Sub
            | Op::Mul
            | Op::Div
            | Op::Less
            | Op::LessEqual
            | Op::Greater
            | Op::GreaterEqual => {
                let (Value::Int(y), Value::Int(x)) = (stack.pop()?, stack.pop()?) else { return None };
                // Overflow and division by zero are errors: left to ordinary evaluation.
                match op {
                    Op::Add => Value::Int(x.checked_add(y)?),
                    Op::Sub => Value::Int(x.checked_sub(y)?),
                    Op::Mul => Value::Int(x.checked_mul(y)?),
                    Op::Div => Value::Int(x.checked_div(y)?),
                    Op::Less => Value::Bool(x < y),
                    Op::LessEqual => Value::Bool(x <= y),
                    Op::Greater => Value::Bool(x > y),
                    _ => Value::Bool(x >= y),
                }
            }
            Op::Not => match stack.pop()? {
                Value::Bool(b) => Value::Bool(!b),
                _ => return None,
            },
            Op::Negate => match stack.pop()? {
                Value::Int(x) => Value::Int(x.checked_neg()?),
                _ => return None,
            },
            Op::Return => return stack.pop(),
            _ => return None,
        };
        stack.push(v)?;
    }
    None
}

/// A fixed-size operand stack.
struct Stack<'gc> {
    values: [Value<'gc>; ARITHMETIC_OPS],
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
