//! `genericClosure`: starting from `startSet`, every element not seen before (by its
//! `key`) is kept and `operator` is called on it to produce more elements, in FIFO
//! order. Seen keys are kept sorted by the reference's value ordering (`lessThan`), so
//! each new key costs O(log n) comparisons; keys of types that cannot be ordered fail
//! as soon as they are compared, as in the reference. An error gets the reference's
//! frame naming the element it was raised for.

use super::{State, returned};
use crate::builtins::Ret;
use crate::builtins::util::{arg, function};
use crate::builtins::util::{attrs, list};
use crate::error::EvalError;
use crate::print::short;
use crate::source::Span;
use crate::value::Value;
use crate::vm::native::compare::{Compared, ListOrder, Poll, compare};
use crate::vm::native::{Native, Step};
use crate::vm::{Ctx, Vm};
use gc_arena::{Collect, Mutation};
use std::collections::VecDeque;

#[derive(Collect)]
#[collect(no_drop)]
pub struct Closure<'gc> {
    operator: Value<'gc>,
    /// Elements still to look at.
    work: VecDeque<Value<'gc>>,
    /// Elements kept, in order.
    result: Vec<Value<'gc>>,
    /// The keys of `result`, sorted, each with its element.
    keys: Vec<(Value<'gc>, Value<'gc>)>,
    phase: Phase<'gc>,
}

/// What the machine is doing with the current element.
#[derive(Collect)]
#[collect(no_drop)]
enum Phase<'gc> {
    /// About to take the next element.
    Next,
    /// Forcing the element.
    Element(Value<'gc>),
    /// Forcing the element's key.
    Key { element: Value<'gc>, key: Value<'gc> },
    /// Looking for the key among the seen keys: the first key greater than it is in
    /// `lo..hi`; once found (`check`), the key before it is compared with this one.
    Search {
        element: Value<'gc>,
        key: Value<'gc>,
        #[collect(require_static)]
        lo: usize,
        #[collect(require_static)]
        hi: usize,
        #[collect(require_static)]
        check: bool,
        /// A comparison of two lists in progress.
        order: Option<ListOrder<'gc>>,
    },
    /// Forcing `operator element`.
    Operator { element: Value<'gc>, result: Value<'gc> },
}

pub fn generic_closure<'gc>(
    _: &mut Vm<'gc>,
    _: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let set = arg(0, attrs(ctx, a[0]))?;
    let get = |ctx: &mut Ctx<'_>, name: &str| {
        let sym = ctx.symbols.intern(name.as_bytes());
        let v = set.get(ctx.symbols, sym).ok_or_else(|| {
            let mut e = EvalError::eval(format!("attribute '{name}' missing"), None);
            e.add_trace("in the attrset passed as argument to builtins.genericClosure", None);
            e
        })?;
        Ok::<_, EvalError>(v.resolved())
    };
    let start = get(ctx, "startSet")?;
    if start.is_thunk() {
        return Ok(Ret::Retry(vec![start]));
    }
    let start_list = list(ctx, start)?;
    if start_list.0.is_empty() {
        return Ok(Ret::Value(start));
    }
    let operator = get(ctx, "operator")?;
    if operator.is_thunk() {
        return Ok(Ret::Retry(vec![operator]));
    }
    function(ctx, operator)?;
    Ok(Ret::Native(Native::Higher(Box::new(State::Closure(Closure {
        operator,
        work: start_list.0.iter().copied().collect(),
        result: Vec::new(),
        keys: Vec::new(),
        phase: Phase::Next,
    })))))
}

impl<'gc> Closure<'gc> {
    pub fn step(
        &mut self,
        vm: &mut Vm<'gc>,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        forced: Option<Value<'gc>>,
    ) -> Result<Step<'gc>, EvalError> {
        let _ = forced; // forced values are read back from their thunks
        let key_sym = crate::symbol::known::KEY;
        loop {
            match &mut self.phase {
                Phase::Next => match self.work.pop_front() {
                    None => return Ok(Step::Return(Value::list(mc, std::mem::take(&mut self.result)))),
                    Some(e) => self.phase = Phase::Element(e),
                },
                Phase::Element(e) => {
                    let element = e.resolved();
                    if element.is_thunk() {
                        return vm.demand(mc, ctx, element);
                    }
                    let key = attrs(ctx, element)?
                        .get(ctx.symbols, key_sym)
                        .ok_or_else(|| EvalError::eval("attribute 'key' missing", None))?;
                    self.phase = Phase::Key { element, key };
                }
                Phase::Key { element, key } => {
                    let key = key.resolved();
                    if key.is_thunk() {
                        return vm.demand(mc, ctx, key);
                    }
                    let (element, hi) = (*element, self.keys.len());
                    self.phase = Phase::Search { element, key, lo: 0, hi, check: false, order: None };
                }
                Phase::Search { element, key, lo, hi, check, order } => {
                    let (element, key) = (*element, *key);
                    if !*check && lo == hi {
                        if *lo == 0 {
                            return self.keep(vm, mc, ctx, element, key, 0);
                        }
                        *check = true;
                    }
                    let (a, b) = if *check {
                        (self.keys[*lo - 1].0, key)
                    } else {
                        (key, self.keys[(*lo + *hi) / 2].0)
                    };
                    let poll = match order {
                        Some(o) => o.poll(ctx)?,
                        None => match compare(ctx, a, b)? {
                            Compared::Ready(lt) => Poll::Ready(lt),
                            Compared::Lists(o) => {
                                *order = Some(o);
                                continue;
                            }
                        },
                    };
                    let less = match poll {
                        Poll::Need(v) => return vm.demand(mc, ctx, v),
                        Poll::Ready(less) => less,
                    };
                    *order = None;
                    if *check {
                        if !less {
                            // An equal key was seen before.
                            self.phase = Phase::Next;
                            continue;
                        }
                        let at = *lo;
                        return self.keep(vm, mc, ctx, element, key, at);
                    }
                    let mid = (*lo + *hi) / 2;
                    if less { *hi = mid } else { *lo = mid + 1 }
                }
                Phase::Operator { result, .. } => {
                    let what = "the `operator` passed to builtins.genericClosure";
                    let more = list(ctx, result.resolved()).map_err(|e| returned(e, what))?;
                    self.work.extend(more.0.iter().copied());
                    self.phase = Phase::Next;
                }
            }
        }
    }

    /// Keeps a new element, its key inserted at `at`, and calls `operator` on it.
    fn keep(
        &mut self,
        vm: &mut Vm<'gc>,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        element: Value<'gc>,
        key: Value<'gc>,
        at: usize,
    ) -> Result<Step<'gc>, EvalError> {
        self.keys.insert(at, (key, element));
        self.result.push(element);
        let t = Value::apply(mc, self.operator, element);
        self.phase = Phase::Operator { element, result: t };
        vm.demand(mc, ctx, t)
    }

    /// The reference's frames for an error raised in the current phase, innermost
    /// first.
    pub fn frames(&self, ctx: &Ctx<'_>) -> Vec<(String, Option<Span>)> {
        let frame = |text: &str, v: Value<'_>| (format!("{text} {}", short(ctx, v)), None);
        match &self.phase {
            Phase::Element(e) => vec![frame("in genericClosure element", *e)],
            Phase::Search { element, lo, hi, check, .. } => {
                let seen = if *check { *lo - 1 } else { (*lo + *hi) / 2 };
                vec![frame("with element", self.keys[seen].1), frame("while comparing element", *element)]
            }
            Phase::Operator { element, .. } => {
                vec![frame("while calling operator on genericClosure element", *element)]
            }
            Phase::Next | Phase::Key { .. } => Vec::new(),
        }
    }
}
