//! Native frames: the state machines of builtins and operations that must force values
//! or call back into Nix while they run (deep equality, list ordering, deep forcing,
//! `tryEval`, forcing a builtin's strict arguments). A native frame is stepped whenever
//! it is on top; to force a value it pushes the value and forces it, and finds the
//! result on top of the stack (above its `base`) at its next step.

pub mod compare;
mod deep;
mod derivations;

use super::{Ctx, Frame, Vm};
use crate::error::{EvalError, TracePrint};
use crate::value::{AttrsBuilder, Value};
use compare::{ListOrder, Poll};
use deep::{DeepForce, Next};
use gc_arena::{Collect, Mutation};

#[derive(Collect)]
#[collect(no_drop)]
pub enum Native<'gc> {
    /// Finished; only its result is pending.
    Done,
    /// Forces a value for the op below, which re-runs afterwards; the value is dropped.
    Discard,
    /// Forces `f` (if `forcing_f`) or else `arg`, then calls `f` with `arg`; the result
    /// goes where this frame's would.
    Apply {
        f: Value<'gc>,
        arg: Value<'gc>,
        #[collect(require_static)]
        forcing_f: bool,
    },
    /// Calls the value the frame above returns (a call's result, in normal form) with
    /// `arg`: the rest of `f a b` (`Op::Call2`) when `f` does not take both at once.
    CallRest { arg: Value<'gc> },
    /// Forces a builtin's strict arguments, then runs it.
    PrimCall {
        #[collect(require_static)]
        op: u16,
        args: crate::value::PrimArgs<'gc>,
        #[collect(require_static)]
        next: usize,
    },
    /// Forces `values`, then runs builtin `op` on `args` again.
    ForceThen {
        values: Vec<Value<'gc>>,
        #[collect(require_static)]
        op: u16,
        args: Vec<Value<'gc>>,
    },
    /// Deep equality over a work list of pairs.
    Equal {
        pairs: Vec<(Value<'gc>, Value<'gc>)>,
        #[collect(require_static)]
        negate: bool,
    },
    /// The reference's `lessThan` on two lists from `index` on: skip equal elements,
    /// compare the first differing pair. `invert` negates the result (for `<=`/`>=`).
    /// It becomes an [`Native::Order`] at its first step.
    LessThan {
        a: Value<'gc>,
        b: Value<'gc>,
        #[collect(require_static)]
        index: usize,
        #[collect(require_static)]
        invert: bool,
    },
    /// A running list comparison (see [`Native::LessThan`]).
    Order {
        order: ListOrder<'gc>,
        #[collect(require_static)]
        invert: bool,
    },
    /// Forces a value deeply (`deepSeq`, `--strict`), then returns its result.
    DeepForce(Box<DeepForce<'gc>>),
    /// A higher-order builtin's state machine.
    Higher(Box<crate::builtins::higher::State<'gc>>),
    /// `toJSON` and the `--json` output.
    ToJson(Box<crate::builtins::json::ToJson<'gc>>),
    /// `derivationStrict`.
    Derivation(Box<crate::builtins::derivation::DrvStrict<'gc>>),
    /// The derivations in a value, for instantiation.
    FindDerivations(Box<derivations::FindDerivations<'gc>>),
    /// `builtins.path` and `builtins.filterSource`.
    AddPath(Box<crate::builtins::add_path::AddPath<'gc>>),
    /// `tryEval`: forces its argument; catches `throw` and `assert` failures.
    TryEval {
        arg: Value<'gc>,
        #[collect(require_static)]
        started: bool,
    },
    /// `addErrorContext`: forces `value`; an error unwinding through becomes a
    /// [`Native::ContextMessage`], which adds `message` to its trace.
    ErrorContext { message: Value<'gc>, value: Value<'gc> },
    /// An error held while its `addErrorContext` message is forced and coerced to a
    /// string; then the error, with the message as a frame, unwinds on.
    ContextMessage {
        #[collect(require_static)]
        error: Option<EvalError>,
    },
}

/// What a native frame does with an error unwinding through it.
pub enum Caught<'gc> {
    /// The frame finishes with this value (`tryEval`).
    Value(Value<'gc>),
    /// The frame is replaced by this state, which sees `Value` forced at its next step.
    Force(Native<'gc>, Value<'gc>),
}

/// What a native step did.
pub enum Step<'gc> {
    /// Still running (it pushed frames, or will continue next step).
    Continue,
    /// Finished with this value.
    Return(Value<'gc>),
    /// The step removed its own frame.
    Gone,
}

impl<'gc> Native<'gc> {
    /// Forces `value` deeply, then finishes with `result`; an error gets the frames
    /// of the elements it was raised in when `framed`.
    pub fn deep_force(value: Value<'gc>, result: Value<'gc>, framed: bool) -> Native<'gc> {
        Native::DeepForce(Box::new(DeepForce::new(value, result, framed)))
    }

    /// The frames an error unwinding through this frame gets from the state it was
    /// in (which element was being forced or compared), innermost first.
    pub fn frames(&self, ctx: &Ctx<'_>) -> Vec<(String, Option<crate::source::Span>)> {
        match self {
            Native::DeepForce(d) => d.frames(ctx),
            Native::Higher(h) => h.frames(ctx),
            Native::ToJson(j) => j.frames(ctx),
            Native::Derivation(d) => d.frames(ctx),
            Native::AddPath(p) => p.frames(ctx),
            _ => Vec::new(),
        }
    }

    /// The search for the derivations in `value` (see [`derivations`]).
    pub fn find_derivations(value: Value<'gc>) -> Native<'gc> {
        Native::FindDerivations(Box::new(derivations::FindDerivations::new(value)))
    }

    /// For an error unwinding through this frame: how the frame takes it, or the error
    /// to unwind on with.
    pub fn catch(
        self,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        e: EvalError,
    ) -> Result<Caught<'gc>, EvalError> {
        match self {
            Native::TryEval { .. } if e.is_catchable() => {
                Ok(Caught::Value(try_result(mc, ctx, false, Value::Bool(false))))
            }
            Native::ErrorContext { message, .. } => {
                Ok(Caught::Force(Native::ContextMessage { error: Some(e) }, message))
            }
            _ => Err(e),
        }
    }
}

/// An `addErrorContext` message coerced to a string, as the reference does (paths are
/// not copied to the store), or the value a set coerces through, to force first.
fn context_message<'gc>(
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    v: Value<'gc>,
) -> Result<Result<String, Value<'gc>>, EvalError> {
    let text = |s: &crate::value::NixString| Ok(Ok(String::from_utf8_lossy(&s.bytes).into_owned()));
    let result = match v {
        Value::String(s) | Value::Path(s) => return text(&s),
        Value::Attrs(a) => super::coercion_target(mc, ctx, a).map(Err),
        other => Err(super::not_coercible(ctx, other)),
    };
    result.map_err(|mut e| {
        e.add_trace("while evaluating the error message passed to builtins.addErrorContext", None);
        e
    })
}

fn try_result<'gc>(mc: &Mutation<'gc>, ctx: &mut Ctx<'_>, success: bool, value: Value<'gc>) -> Value<'gc> {
    let mut b = AttrsBuilder::with_capacity(2);
    b.push(ctx.symbols.intern(b"success"), Value::Bool(success));
    b.push(crate::symbol::known::VALUE, value);
    Value::Attrs(b.finish(mc, ctx.symbols, false).unwrap_or_else(|_| unreachable!("distinct names")))
}

impl<'gc> Vm<'gc> {
    /// Steps the native frame on top.
    pub(super) fn native_step(&mut self, mc: &Mutation<'gc>, ctx: &mut Ctx<'_>) -> Result<(), EvalError> {
        let idx = self.frames.len() - 1;
        let Some(Frame::Native { state, base, .. }) = self.frames.last_mut() else {
            unreachable!("a native frame")
        };
        let base = *base as usize;
        let mut state = std::mem::replace(state, Native::Done);
        // A value above `base` is the result of a force this frame asked for.
        let forced = (self.stack.len() > base).then(|| self.stack.pop().expect("checked"));
        let step = self.step_native(mc, ctx, &mut state, base, forced);
        match step {
            Ok(Step::Continue) => {
                if let Some(Frame::Native { state: s, .. }) = self.frames.get_mut(idx) {
                    *s = state;
                }
                Ok(())
            }
            Ok(Step::Return(v)) => {
                let v = v.resolved();
                if v.is_thunk() {
                    // A native's result must be in normal form: force it in this frame.
                    if let Some(Frame::Native { state: s, .. }) = self.frames.get_mut(idx) {
                        *s = Native::Done;
                    }
                    self.stack.push(v);
                    return self.force_top(mc, ctx);
                }
                self.finish(mc, v);
                Ok(())
            }
            Ok(Step::Gone) => Ok(()),
            Err(e) => {
                if let Some(Frame::Native { state: s, .. }) = self.frames.get_mut(idx) {
                    *s = state;
                }
                Err(e)
            }
        }
    }

    /// Pushes `v` and forces it; the native sees the result at its next step.
    pub fn demand(
        &mut self,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        v: Value<'gc>,
    ) -> Result<Step<'gc>, EvalError> {
        self.stack.push(v);
        self.force_top(mc, ctx)?;
        Ok(Step::Continue)
    }

    /// Applies `f` to `a` and `b` (as `Op::Call2` does) and forces the result; the
    /// native sees it at its next step.
    pub fn demand_apply2(
        &mut self,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        f: Value<'gc>,
        a: Value<'gc>,
        b: Value<'gc>,
    ) -> Result<Step<'gc>, EvalError> {
        let f = f.resolved();
        if f.is_thunk() {
            let partial = Value::apply(mc, f, a);
            return self.demand_apply(mc, ctx, partial, b);
        }
        self.stack.extend([f, a, b]);
        self.call2(mc, ctx)?;
        Ok(Step::Continue)
    }

    /// Applies `f` to `arg` and forces the result; the native sees it at its next step.
    pub fn demand_apply(
        &mut self,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        f: Value<'gc>,
        arg: Value<'gc>,
    ) -> Result<Step<'gc>, EvalError> {
        let f = f.resolved();
        if f.is_thunk() {
            let v = Value::apply(mc, f, arg);
            return self.demand(mc, ctx, v);
        }
        self.stack.push(f);
        self.stack.push(arg);
        self.call(mc, ctx)?;
        Ok(Step::Continue)
    }

    /// Replaces the top (native) frame by the call `f arg`, whose result goes where the
    /// frame's would.
    fn call_in_place(
        &mut self,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        base: usize,
        f: Value<'gc>,
        arg: Value<'gc>,
    ) -> Result<(), EvalError> {
        self.frames.pop();
        self.stack[base - 1] = f;
        self.stack.push(arg);
        self.call(mc, ctx)
    }

    fn step_native(
        &mut self,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        state: &mut Native<'gc>,
        base: usize,
        forced: Option<Value<'gc>>,
    ) -> Result<Step<'gc>, EvalError> {
        match state {
            Native::Done => Ok(Step::Return(forced.unwrap_or(Value::Null))),
            Native::Discard => {
                self.stack.truncate(base - 1);
                self.frames.pop();
                Ok(Step::Gone)
            }
            Native::CallRest { arg } => {
                let f = forced.expect("a call's result");
                // A value that cannot be called is reported at the whole application.
                self.call_in_place(mc, ctx, base, f, *arg).map_err(|mut e| {
                    if e.span.is_none() && e.trace.is_empty() {
                        e.span = super::trace::running_op(ctx, self.frames.last());
                    }
                    e
                })?;
                Ok(Step::Gone)
            }
            Native::Apply { f, arg, forcing_f } => {
                let forced = forced.expect("an apply frame starts by forcing");
                let (f, arg) = if *forcing_f { (forced, *arg) } else { (*f, forced) };
                self.call_in_place(mc, ctx, base, f, arg)?;
                Ok(Step::Gone)
            }
            Native::PrimCall { op, args, next } => {
                let def = ctx.builtins.def(*op);
                if let Some(v) = forced {
                    args[*next] = v;
                    *next += 1;
                }
                while *next < args.len() {
                    if def.strict(*next) {
                        let a = args[*next].resolved();
                        if a.is_thunk() {
                            return self.demand(mc, ctx, a);
                        }
                        args[*next] = a;
                    }
                    *next += 1;
                }
                let (op, args) = (*op, std::mem::take(args));
                self.frames.pop();
                self.invoke(mc, ctx, op, &args)?;
                Ok(Step::Gone)
            }
            Native::ForceThen { values, op, args } => {
                let _ = forced;
                while let Some(&v) = values.last() {
                    let v = v.resolved();
                    if v.is_thunk() {
                        return self.demand(mc, ctx, v);
                    }
                    values.pop();
                }
                let (op, args) = (*op, std::mem::take(args));
                self.frames.pop();
                self.invoke(mc, ctx, op, &args)?;
                Ok(Step::Gone)
            }
            Native::Equal { pairs, negate } => match compare::poll_equal(ctx, pairs)? {
                Poll::Need(v) => self.demand(mc, ctx, v),
                Poll::Ready(eq) => Ok(Step::Return(Value::Bool(eq != *negate))),
            },
            Native::LessThan { a, b, index, invert } => {
                let (Value::List(l), Value::List(m)) = (*a, *b) else { unreachable!("lists") };
                *state = Native::Order { order: ListOrder::new(l, m, *index), invert: *invert };
                self.step_native(mc, ctx, state, base, forced)
            }
            Native::Order { order, invert } => match order.poll(ctx)? {
                Poll::Need(v) => self.demand(mc, ctx, v),
                Poll::Ready(lt) => Ok(Step::Return(Value::Bool(lt != *invert))),
            },
            Native::DeepForce(d) => match d.step(ctx)? {
                Next::Force(v) => self.demand(mc, ctx, v),
                Next::Done => Ok(Step::Return(d.result)),
            },
            Native::Higher(h) => h.step(self, mc, ctx, forced),
            Native::ToJson(j) => j.step(self, mc, ctx),
            Native::Derivation(d) => d.step(self, mc, ctx),
            Native::FindDerivations(f) => f.step(self, mc, ctx),
            Native::AddPath(p) => p.step(self, mc, ctx, forced),
            Native::TryEval { arg, started } => {
                if !*started {
                    *started = true;
                    return self.demand(mc, ctx, *arg);
                }
                let v = forced.unwrap_or(Value::Null);
                Ok(Step::Return(try_result(mc, ctx, true, v)))
            }
            Native::ErrorContext { value, .. } => match forced {
                None => self.demand(mc, ctx, *value),
                Some(v) => Ok(Step::Return(v)),
            },
            Native::ContextMessage { error } => {
                let message = forced.expect("the message, forced");
                match context_message(mc, ctx, message)? {
                    Ok(text) => {
                        let mut e = error.take().expect("the held error");
                        e.add_frame(text, None, TracePrint::Always);
                        Err(e)
                    }
                    Err(target) => self.demand(mc, ctx, target),
                }
            }
        }
    }
}
