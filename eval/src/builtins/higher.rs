//! Higher-order builtins: those that call Nix functions or force values while they run
//! (`foldl'`, ...). Each is a state machine stepped by the VM (see `vm::native`): a step
//! either finishes with a value, or asks the VM to force a value or apply a function,
//! and finds the result in `forced` at its next step.

use super::util::{function, list};
use super::{PrimOpDef, Ret, prim};
use crate::error::EvalError;
use crate::value::Value;
use crate::vm::native::{Native, Step};
use crate::vm::{Ctx, Vm};
use gc_arena::{Collect, Gc, Mutation};

pub const PRIMOPS: &[PrimOpDef] = &[prim("foldl'", 3, 5, foldl)];

/// The running state of a higher-order builtin.
#[derive(Collect)]
#[collect(no_drop)]
pub enum State<'gc> {
    /// `foldl' op acc list`: `acc` becomes `op acc elem` for each element, forced.
    Foldl {
        op: Value<'gc>,
        acc: Value<'gc>,
        list: Gc<'gc, crate::value::List<'gc>>,
        #[collect(require_static)]
        index: usize,
    },
}

fn foldl<'gc>(
    _: &mut Vm<'gc>,
    _: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    function(ctx, a[0])?;
    let list = list(ctx, a[2])?;
    Ok(Ret::Native(Native::Higher(State::Foldl { op: a[0], acc: a[1], list, index: 0 })))
}

impl<'gc> State<'gc> {
    /// One step. `forced` is the result of what the previous step asked for.
    pub fn step(
        &mut self,
        vm: &mut Vm<'gc>,
        mc: &Mutation<'gc>,
        _ctx: &mut Ctx<'_>,
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
                        let partial = vm.apply(mc, *op, *acc);
                        vm.demand_apply(mc, partial, elem)
                    }
                }
            }
        }
    }
}
