//! Builtins that call a function on each element of a list in order and collect the
//! results (`filter`, `all`, `any`, `partition`, `concatMap`, `groupBy`), and `elem`,
//! which compares each element with deep equality. `all` and `any` stop at the first
//! deciding element, `elem` at the first equal one.

use super::{State, boolean, returned};
use crate::builtins::Ret;
use crate::builtins::util::{arg, function};
use crate::builtins::util::{list, string};
use crate::error::EvalError;
use crate::symbol::Symbol;
use crate::value::{AttrsBuilder, List, Value};
use crate::vm::native::compare::{Poll, poll_equal};
use crate::vm::native::{Native, Step};
use crate::vm::{Ctx, Vm};
use gc_arena::{Collect, Gc, Mutation};
use std::collections::HashMap;

/// What the results are collected into.
#[derive(Collect)]
#[collect(no_drop)]
enum Acc<'gc> {
    Filter(Vec<Value<'gc>>),
    All,
    Any,
    Partition {
        right: Vec<Value<'gc>>,
        wrong: Vec<Value<'gc>>,
    },
    ConcatMap(Vec<Value<'gc>>),
    /// Groups in order of first appearance, and where each name's group is.
    GroupBy {
        groups: Vec<(Symbol, Vec<Value<'gc>>)>,
        #[collect(require_static)]
        index: HashMap<Symbol, usize>,
    },
}

/// `f` applied to each element of `list` in turn.
#[derive(Collect)]
#[collect(no_drop)]
pub struct Each<'gc> {
    f: Value<'gc>,
    list: Gc<'gc, List<'gc>>,
    /// Elements applied so far.
    #[collect(require_static)]
    done: usize,
    acc: Acc<'gc>,
}

type Builtin<'gc> = Result<Ret<'gc>, EvalError>;

fn start<'gc>(ctx: &mut Ctx<'_>, a: &[Value<'gc>], acc: Acc<'gc>) -> Builtin<'gc> {
    arg(0, function(ctx, a[0]))?;
    let list = arg(1, list(ctx, a[1]))?;
    Ok(Ret::Native(Native::Higher(Box::new(State::Each(Each { f: a[0], list, done: 0, acc })))))
}

pub fn filter<'gc>(_: &mut Vm<'gc>, _: &Mutation<'gc>, ctx: &mut Ctx<'_>, a: &[Value<'gc>]) -> Builtin<'gc> {
    if arg(1, list(ctx, a[1]))?.0.is_empty() {
        return Ok(Ret::Value(a[1]));
    }
    start(ctx, a, Acc::Filter(Vec::new()))
}

pub fn all<'gc>(_: &mut Vm<'gc>, _: &Mutation<'gc>, ctx: &mut Ctx<'_>, a: &[Value<'gc>]) -> Builtin<'gc> {
    start(ctx, a, Acc::All)
}

pub fn any<'gc>(_: &mut Vm<'gc>, _: &Mutation<'gc>, ctx: &mut Ctx<'_>, a: &[Value<'gc>]) -> Builtin<'gc> {
    start(ctx, a, Acc::Any)
}

pub fn partition<'gc>(
    _: &mut Vm<'gc>,
    _: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Builtin<'gc> {
    start(ctx, a, Acc::Partition { right: Vec::new(), wrong: Vec::new() })
}

pub fn concat_map<'gc>(
    _: &mut Vm<'gc>,
    _: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Builtin<'gc> {
    start(ctx, a, Acc::ConcatMap(Vec::new()))
}

pub fn group_by<'gc>(
    _: &mut Vm<'gc>,
    _: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Builtin<'gc> {
    start(ctx, a, Acc::GroupBy { groups: Vec::new(), index: HashMap::new() })
}

impl<'gc> Each<'gc> {
    pub fn step(
        &mut self,
        vm: &mut Vm<'gc>,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        forced: Option<Value<'gc>>,
    ) -> Result<Step<'gc>, EvalError> {
        if self.done > 0
            && let Some(early) = self.take(ctx, forced)?
        {
            return Ok(Step::Return(Value::Bool(early)));
        }
        match self.list.0.get(self.done) {
            Some(&elem) => {
                self.done += 1;
                vm.demand_apply(mc, ctx, self.f, elem)
            }
            None => Ok(Step::Return(self.finish(mc, ctx))),
        }
    }

    /// Takes the result for the last element applied; `Some` ends `all`/`any` early.
    fn take(&mut self, ctx: &mut Ctx<'_>, result: Option<Value<'gc>>) -> Result<Option<bool>, EvalError> {
        let elem = self.list.0[self.done - 1];
        match &mut self.acc {
            Acc::Filter(kept) => {
                if boolean(ctx, result, "the filtering function passed to builtins.filter")? {
                    kept.push(elem);
                }
            }
            Acc::All => {
                if !boolean(ctx, result, "the function passed to builtins.all")? {
                    return Ok(Some(false));
                }
            }
            Acc::Any => {
                if boolean(ctx, result, "the function passed to builtins.any")? {
                    return Ok(Some(true));
                }
            }
            Acc::Partition { right, wrong } => {
                let what = "the partition function passed to builtins.partition";
                if boolean(ctx, result, what)? { right } else { wrong }.push(elem);
            }
            Acc::ConcatMap(out) => {
                let what = "the function passed to builtins.concatMap";
                let l = list(ctx, result.unwrap_or(Value::Null)).map_err(|e| returned(e, what))?;
                out.extend_from_slice(&l.0);
            }
            Acc::GroupBy { groups, index } => {
                let what = "the grouping function passed to builtins.groupBy";
                let key = string(ctx, result.unwrap_or(Value::Null)).map_err(|e| returned(e, what))?;
                let name = ctx.symbols.intern(&key.bytes);
                let i = *index.entry(name).or_insert_with(|| {
                    groups.push((name, Vec::new()));
                    groups.len() - 1
                });
                groups[i].1.push(elem);
            }
        }
        Ok(None)
    }

    /// The result once every element has been taken.
    fn finish(&mut self, mc: &Mutation<'gc>, ctx: &mut Ctx<'_>) -> Value<'gc> {
        match &mut self.acc {
            Acc::All => Value::Bool(true),
            Acc::Any => Value::Bool(false),
            Acc::Filter(items) | Acc::ConcatMap(items) => Value::list(mc, std::mem::take(items)),
            Acc::Partition { right, wrong } => {
                let mut b = AttrsBuilder::with_capacity(2);
                b.push(ctx.symbols.intern(b"right"), Value::list(mc, std::mem::take(right)));
                b.push(ctx.symbols.intern(b"wrong"), Value::list(mc, std::mem::take(wrong)));
                set(mc, ctx, b)
            }
            Acc::GroupBy { groups, .. } => {
                let mut b = AttrsBuilder::with_capacity(groups.len());
                for (name, items) in groups.drain(..) {
                    b.push(name, Value::list(mc, items));
                }
                set(mc, ctx, b)
            }
        }
    }
}

/// A set of distinct names.
fn set<'gc>(mc: &Mutation<'gc>, ctx: &Ctx<'_>, b: AttrsBuilder<'gc>) -> Value<'gc> {
    Value::Attrs(b.finish(mc, ctx.symbols, true).unwrap_or_else(|_| unreachable!("keep_first never fails")))
}

/// `elem x list`: whether an element equals `x`.
#[derive(Collect)]
#[collect(no_drop)]
pub struct Elem<'gc> {
    x: Value<'gc>,
    list: Gc<'gc, List<'gc>>,
    #[collect(require_static)]
    index: usize,
    /// The running comparison of `x` with the element at `index`.
    pairs: Vec<(Value<'gc>, Value<'gc>)>,
}

pub fn elem<'gc>(_: &mut Vm<'gc>, _: &Mutation<'gc>, ctx: &mut Ctx<'_>, a: &[Value<'gc>]) -> Builtin<'gc> {
    let list = arg(1, list(ctx, a[1]))?;
    Ok(Ret::Native(Native::Higher(Box::new(State::Elem(Elem {
        x: a[0],
        list,
        index: 0,
        pairs: Vec::new(),
    })))))
}

impl<'gc> Elem<'gc> {
    pub fn step(
        &mut self,
        vm: &mut Vm<'gc>,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
    ) -> Result<Step<'gc>, EvalError> {
        loop {
            if self.pairs.is_empty() {
                let Some(&e) = self.list.0.get(self.index) else {
                    return Ok(Step::Return(Value::Bool(false)));
                };
                self.pairs.push((self.x, e));
            }
            match poll_equal(ctx, &mut self.pairs)? {
                Poll::Need(v) => return vm.demand(mc, ctx, v),
                Poll::Ready(true) => return Ok(Step::Return(Value::Bool(true))),
                Poll::Ready(false) => {
                    self.pairs.clear();
                    self.index += 1;
                }
            }
        }
    }
}
