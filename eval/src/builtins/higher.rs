//! Higher-order builtins: those that call Nix functions or force values while they run
//! (`foldl'`, `filter`, `sort`, `genericClosure`, ...). Each is a state machine stepped
//! by the VM (see `vm::native`): a step either finishes with a value, or asks the VM to
//! force a value or apply a function, and finds the result in `forced` at its next step.

mod closure;
mod each;
mod lazy;
mod sort;

use super::util::{arg, function, list};
use super::{PrimOpDef, Ret, prim};
use crate::error::EvalError;
use crate::value::{List, Value};
use crate::vm::native::{Native, Step};
use crate::vm::{Ctx, Vm, exec_type_error};
use gc_arena::{Collect, Gc, Mutation};

pub const PRIMOPS: &[PrimOpDef] = &[
    prim("foldl'", 3, 5, foldl),
    prim("filter", 2, 3, each::filter),
    prim("all", 2, 3, each::all),
    prim("any", 2, 3, each::any),
    prim("partition", 2, 3, each::partition),
    prim("concatMap", 2, 3, each::concat_map),
    prim("groupBy", 2, 3, each::group_by),
    prim("elem", 2, 2, each::elem),
    prim("sort", 2, 3, sort::sort),
    prim("genericClosure", 1, 1, closure::generic_closure),
    prim("zipAttrsWith", 2, 3, lazy::zip_attrs_with),
    prim("catAttrs", 2, 3, lazy::cat_attrs),
    prim("functionArgs", 1, 1, lazy::function_args),
];

/// The running state of a higher-order builtin.
#[derive(Collect)]
#[collect(no_drop)]
pub enum State<'gc> {
    /// `foldl' op acc list`: `acc` becomes `op acc elem` for each element, forced.
    Foldl {
        op: Value<'gc>,
        acc: Value<'gc>,
        list: Gc<'gc, List<'gc>>,
        #[collect(require_static)]
        index: usize,
    },
    Each(each::Each<'gc>),
    Elem(each::Elem<'gc>),
    Sort(sort::Sort<'gc>),
    Closure(closure::Closure<'gc>),
}

fn foldl<'gc>(
    _: &mut Vm<'gc>,
    _: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    arg(0, function(ctx, a[0]))?;
    let list = arg(2, list(ctx, a[2]))?;
    Ok(Ret::Native(Native::Higher(Box::new(State::Foldl { op: a[0], acc: a[1], list, index: 0 }))))
}

impl<'gc> State<'gc> {
    /// The frames an error raised in this state gets, innermost first.
    pub fn frames(&self, ctx: &Ctx<'_>) -> Vec<(String, Option<crate::source::Span>)> {
        match self {
            State::Closure(c) => c.frames(ctx),
            _ => Vec::new(),
        }
    }

    /// One step. `forced` is the result of what the previous step asked for.
    pub fn step(
        &mut self,
        vm: &mut Vm<'gc>,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        forced: Option<Value<'gc>>,
    ) -> Result<Step<'gc>, EvalError> {
        match self {
            State::Foldl { op, acc, list, index } => {
                if let Some(v) = forced {
                    *acc = v;
                    *index += 1;
                }
                match list.0.get(*index) {
                    None => Ok(Step::Return(*acc)),
                    Some(&elem) => {
                        // `op acc elem`, applied and forced.
                        vm.demand_apply2(mc, ctx, *op, *acc, elem)
                    }
                }
            }
            State::Each(s) => s.step(vm, mc, ctx, forced),
            State::Elem(s) => s.step(vm, mc, ctx),
            State::Sort(s) => s.step(vm, mc, ctx, forced),
            State::Closure(s) => s.step(vm, mc, ctx, forced),
        }
    }
}

/// A called function's result that must be a Boolean; `what` names the function in the
/// reference's trace ("the filtering function passed to builtins.filter").
pub(super) fn boolean(ctx: &Ctx<'_>, v: Option<Value<'_>>, what: &str) -> Result<bool, EvalError> {
    match v {
        Some(Value::Bool(b)) => Ok(b),
        other => Err(returned(exec_type_error(ctx, "a Boolean", other.unwrap_or(Value::Null)), what)),
    }
}

/// Adds the reference's "while evaluating the return value of ..." trace.
fn returned(mut e: EvalError, what: &str) -> EvalError {
    e.add_trace(format!("while evaluating the return value of {what}"), None);
    e
}
