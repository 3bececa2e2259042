//! Arithmetic, equality and ordering on values, with the reference's errors (integer
//! overflow, division by zero, incomparable types). Deep equality and list ordering
//! need forcing, so they hand over to native frames.

use super::coerce::{not_coercible, path_to_store};
use super::exec::type_error;
use super::native::Native;
use super::{Ctx, Frame, Vm};
use crate::builtins::util::arg;
use crate::code::Op;
use crate::error::EvalError;
use crate::print::short;
use crate::value::{NixString, Value};
use gc_arena::{Gc, Mutation};

impl<'gc> Vm<'gc> {
    pub(crate) fn arith_op(
        &mut self,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        op: Op,
        a: Value<'gc>,
        b: Value<'gc>,
    ) -> Result<Value<'gc>, EvalError> {
        use Value::{Float, Int};
        if let Op::Add = op {
            match (a, b) {
                (Value::String(x), Value::String(y)) => {
                    let mut bytes = x.bytes.to_vec();
                    bytes.extend_from_slice(&y.bytes);
                    let ctx = x.context.union(&y.context);
                    return Ok(Value::string(mc, NixString::with_context(bytes, ctx)));
                }
                (Value::Path(x), Value::String(y) | Value::Path(y)) => {
                    if !y.context.is_empty() {
                        return Err(EvalError::eval(
                            "a string that refers to a store path cannot be appended to a path",
                            None,
                        ));
                    }
                    let mut bytes = x.bytes.to_vec();
                    bytes.extend_from_slice(&y.bytes);
                    let p = crate::paths::canonicalise(&bytes);
                    return Ok(Value::Path(Gc::new(mc, NixString::plain(p))));
                }
                (Value::String(x), Value::Path(p)) => {
                    let y = path_to_store(ctx, &p.bytes)?;
                    let mut bytes = x.bytes.to_vec();
                    bytes.extend_from_slice(&y.bytes);
                    let ctx = x.context.union(&y.context);
                    return Ok(Value::string(mc, NixString::with_context(bytes, ctx)));
                }
                (Int(_) | Float(_), Int(_) | Float(_)) => {}
                (x @ (Int(_) | Float(_)), y) => {
                    return Err(EvalError::eval(
                        format!("cannot add {} to {}", y.type_phrase(), x.type_phrase()),
                        None,
                    ));
                }
                // Anything else is string concatenation, which coerces its operands.
                (Value::String(_) | Value::Path(_), other) => return arg(1, Err(not_coercible(ctx, other))),
                (other, _) => return arg(0, Err(not_coercible(ctx, other))),
            }
        }
        numeric_op(ctx, op, a, b)
    }

    /// `==` / `!=`: scalars here, lists and sets in a native frame.
    pub(super) fn equal(
        &mut self,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        a: Value<'gc>,
        b: Value<'gc>,
        negate: bool,
    ) -> Result<(), EvalError> {
        match scalar_equal(a, b) {
            Some(eq) => {
                self.stack.push(Value::Bool(eq != negate));
                Ok(())
            }
            None => {
                let _ = (mc, ctx);
                self.stack.push(Value::Null);
                let base = self.stack.len() as u32;
                self.frames.push(Frame::Native {
                    state: Native::Equal { pairs: vec![(a, b)], negate },
                    base,
                    builtin: None,
                });
                Ok(())
            }
        }
    }

    /// `<`, `<=`, `>`, `>=` in terms of the reference's `lessThan`.
    pub(super) fn compare_op(
        &mut self,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        op: Op,
        a: Value<'gc>,
        b: Value<'gc>,
    ) -> Result<(), EvalError> {
        let (x, y, invert) = match op {
            Op::Less => (a, b, false),
            Op::Greater => (b, a, false),
            Op::LessEqual => (b, a, true),
            _ => (a, b, true),
        };
        match less_than(ctx, x, y)? {
            Some(lt) => {
                self.stack.push(Value::Bool(lt != invert));
                Ok(())
            }
            None => {
                let _ = mc;
                self.stack.push(Value::Null);
                let base = self.stack.len() as u32;
                let state = Native::LessThan { a: x, b: y, index: 0, invert };
                self.frames.push(Frame::Native { state, base, builtin: None });
                Ok(())
            }
        }
    }
}

/// `+ - * /` on numbers only (also the `add`, `sub`, `mul` and `div` builtins): two
/// integers give an integer, a float makes the result a float, anything else is a type
/// error naming the type expected, about the first operand that is not a number.
pub(crate) fn numeric_op<'gc>(
    ctx: &Ctx<'_>,
    op: Op,
    a: Value<'gc>,
    b: Value<'gc>,
) -> Result<Value<'gc>, EvalError> {
    use Value::{Float, Int};
    numbers(ctx, op, a, b).map_err(|mut e| {
        e.argument = [a, b].iter().position(|v| !matches!(v, Int(_) | Float(_))).map(|i| i as u8);
        e
    })
}

fn numbers<'gc>(ctx: &Ctx<'_>, op: Op, a: Value<'gc>, b: Value<'gc>) -> Result<Value<'gc>, EvalError> {
    use Value::{Float, Int};
    match (a, b) {
        (Int(x), Int(y)) => int_op(op, x, y),
        (Int(_) | Float(_), Int(_) | Float(_)) => {
            let (x, y) = (as_float(a), as_float(b));
            Ok(Float(match op {
                Op::Add => x + y,
                Op::Sub => x - y,
                Op::Mul => x * y,
                _ => {
                    if y == 0.0 {
                        return Err(EvalError::eval("division by zero", None));
                    }
                    x / y
                }
            }))
        }
        (Float(_), other) | (other, Float(_)) => Err(type_error(ctx, "a float", other)),
        (Int(_), other) | (other, _) => Err(type_error(ctx, "an integer", other)),
    }
}

fn as_float(v: Value<'_>) -> f64 {
    match v {
        Value::Int(i) => i as f64,
        Value::Float(f) => f,
        _ => unreachable!("checked to be a number"),
    }
}

fn int_op<'gc>(op: Op, x: i64, y: i64) -> Result<Value<'gc>, EvalError> {
    let (r, verb, sym) = match op {
        Op::Add => (x.checked_add(y), "adding", "+"),
        Op::Sub => (x.checked_sub(y), "subtracting", "-"),
        Op::Mul => (x.checked_mul(y), "multiplying", "*"),
        _ => {
            if y == 0 {
                return Err(EvalError::eval("division by zero", None));
            }
            (x.checked_div(y), "dividing", "/")
        }
    };
    r.map(Value::Int)
        .ok_or_else(|| EvalError::eval(format!("integer overflow in {verb} {x} {sym} {y}"), None))
}

/// Equality of values that need no forcing; `None` for lists and sets.
pub fn scalar_equal(a: Value<'_>, b: Value<'_>) -> Option<bool> {
    use Value::*;
    Some(match (a, b) {
        (Int(x), Int(y)) => x == y,
        (Int(x), Float(y)) => (x as f64) == y,
        (Float(x), Int(y)) => x == (y as f64),
        (Float(x), Float(y)) => x == y,
        (String(x), String(y)) => x.bytes == y.bytes,
        (Path(x), Path(y)) => x.bytes == y.bytes,
        (Null, Null) => true,
        (Bool(x), Bool(y)) => x == y,
        (List(x), List(y)) if x.0.len() != y.0.len() => false,
        (List(x), List(y)) if x.0.is_empty() && y.0.is_empty() => true,
        (List(_), List(_)) | (Attrs(_), Attrs(_)) => return None,
        _ => false,
    })
}

/// The reference's `lessThan` on values that need no forcing; `Ok(None)` for lists.
pub fn less_than<'gc>(ctx: &Ctx<'_>, a: Value<'gc>, b: Value<'gc>) -> Result<Option<bool>, EvalError> {
    use Value::*;
    Ok(Some(match (a, b) {
        (Int(x), Int(y)) => x < y,
        (Int(x), Float(y)) => (x as f64) < y,
        (Float(x), Int(y)) => x < (y as f64),
        (Float(x), Float(y)) => x < y,
        (String(x), String(y)) => x.bytes < y.bytes,
        (Path(x), Path(y)) => x.bytes < y.bytes,
        (List(_), List(_)) => return Ok(None),
        (x, y) => {
            let same = std::mem::discriminant(&x) == std::mem::discriminant(&y)
                || (x.is_function() && y.is_function());
            let values = if same { "values of that type are incomparable (values are" } else { "values are" };
            let close = if same { ")" } else { "" };
            return Err(EvalError::eval(
                format!(
                    "cannot compare {} with {}; {values} {} and {}{close}",
                    x.type_phrase(),
                    y.type_phrase(),
                    short(ctx, x),
                    short(ctx, y)
                ),
                None,
            ));
        }
    }))
}
