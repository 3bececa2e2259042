//! Finding the derivations in a value, as `nix-instantiate` (and later `nix-build`)
//! does: the value itself if it is a derivation; else the elements of a list, searched
//! in turn, or the attributes of a set in name order, of which derivations are taken
//! and sets searched only when they say `recurseForDerivations = true`. A set met twice
//! is searched once.
//!
//! The result is a list of `[ drvPath outputName ]` pairs.

use super::Step;
use crate::error::EvalError;
use crate::symbol::known;
use crate::value::{Attrs, Value};
use crate::vm::{Ctx, Vm};
use gc_arena::{Collect, Gc, Mutation};
use std::collections::HashSet;

/// Work still to do, the next item last.
#[derive(Collect)]
#[collect(no_drop)]
enum Item<'gc> {
    /// Search a value: take a derivation, search a list's elements or a set's attributes.
    Search(Value<'gc>),
    /// An attribute's value: take a derivation; search a set only if it asks for it.
    Attribute(Value<'gc>),
    /// Search this set if its `recurseForDerivations` (forced) is true.
    Recurse(Gc<'gc, Attrs<'gc>>, Value<'gc>),
    /// Take this set, a derivation, once its `drvPath` and `outputName` are forced.
    Take(Gc<'gc, Attrs<'gc>>),
}

/// The running search.
#[derive(Collect)]
#[collect(no_drop)]
pub struct FindDerivations<'gc> {
    work: Vec<Item<'gc>>,
    found: Vec<Value<'gc>>,
    /// Sets searched already, by address.
    #[collect(require_static)]
    seen: HashSet<usize>,
}

impl<'gc> FindDerivations<'gc> {
    pub fn new(value: Value<'gc>) -> FindDerivations<'gc> {
        FindDerivations { work: vec![Item::Search(value)], found: Vec::new(), seen: HashSet::new() }
    }

    pub fn step(
        &mut self,
        vm: &mut Vm<'gc>,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
    ) -> Result<Step<'gc>, EvalError> {
        while let Some(item) = self.work.pop() {
            // What the item needs forced first: the value, then a set's `type` (which
            // tells whether it is a derivation); a flag; a derivation's attributes.
            let needed = match &item {
                Item::Search(v) | Item::Attribute(v) => match v.resolved() {
                    Value::Attrs(set) => set.get(ctx.symbols, known::TYPE),
                    other => Some(other),
                },
                Item::Recurse(_, flag) => Some(*flag),
                Item::Take(set) => [known::DRV_PATH, known::OUTPUT_NAME]
                    .iter()
                    .filter_map(|&n| set.get(ctx.symbols, n))
                    .find(|v| v.resolved().is_thunk()),
            };
            if let Some(v) = needed.map(Value::resolved)
                && v.is_thunk()
            {
                self.work.push(item);
                return vm.demand(mc, ctx, v);
            }
            match item {
                Item::Search(v) | Item::Attribute(v) => {
                    let search = matches!(item, Item::Search(_));
                    match v.resolved() {
                        Value::Attrs(set) => self.set(ctx, set, search),
                        Value::List(list) if search => {
                            self.work.extend(list.0.iter().rev().map(|&e| Item::Search(e)));
                        }
                        // A function taking a set is called with none of its arguments.
                        Value::Lambda(c)
                            if search
                                && matches!(
                                    ctx.program.lambda(c.lambda).params,
                                    crate::code::Params::Formals { .. }
                                ) =>
                        {
                            let empty = Value::Attrs(crate::value::Attrs::empty(mc));
                            self.work.push(Item::Search(Value::apply(mc, Value::Lambda(c), empty)));
                        }
                        _ if search => {
                            return Err(EvalError::eval(
                                "expression does not evaluate to a derivation (or a set or list of those)",
                                None,
                            ));
                        }
                        _ => {}
                    }
                }
                Item::Recurse(set, flag) => {
                    let flag = crate::builtins::util::bool(ctx, flag.resolved()).map_err(|mut e| {
                        e.add_trace("while evaluating the attribute `recurseForDerivations`", None);
                        e
                    })?;
                    if flag {
                        self.search_attributes(ctx, set);
                    }
                }
                Item::Take(set) => self.take(mc, ctx, set)?,
            }
        }
        let found = std::mem::take(&mut self.found);
        Ok(Step::Return(Value::list(mc, found)))
    }

    /// A set (its `type` forced) met while searching (`search`) or as an attribute.
    fn set(&mut self, ctx: &Ctx<'_>, set: Gc<'gc, Attrs<'gc>>, search: bool) {
        if set.get(ctx.symbols, known::TYPE).is_some_and(|t| is_derivation_type(t.resolved())) {
            self.work.push(Item::Take(set));
        } else if search {
            self.search_attributes(ctx, set);
        } else if let Some(flag) = set.get(ctx.symbols, known::RECURSE_FOR_DERIVATIONS) {
            self.work.push(Item::Recurse(set, flag));
        }
    }

    fn search_attributes(&mut self, ctx: &Ctx<'_>, set: Gc<'gc, Attrs<'gc>>) {
        if !self.seen.insert(Gc::as_ptr(set) as usize) {
            return;
        }
        self.work.extend(set.entries(ctx.symbols).iter().rev().map(|e| Item::Attribute(e.value)));
    }

    /// Records a derivation's `.drv` path and output name.
    fn take(
        &mut self,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        set: Gc<'gc, Attrs<'gc>>,
    ) -> Result<(), EvalError> {
        let text = |v: Value<'gc>| crate::builtins::util::string(ctx, v.resolved()).map(Value::String);
        let drv_path = set
            .get(ctx.symbols, known::DRV_PATH)
            .ok_or_else(|| EvalError::eval("derivation lacks a 'drvPath' attribute", None))?;
        let drv_path = text(drv_path)?;
        let output = match set.get(ctx.symbols, known::OUTPUT_NAME) {
            Some(name) => text(name)?,
            None => crate::builtins::util::new_string(mc, b"".as_slice()),
        };
        self.found.push(Value::list(mc, vec![drv_path, output]));
        Ok(())
    }
}

fn is_derivation_type(v: Value<'_>) -> bool {
    matches!(v, Value::String(s) if &*s.bytes == b"derivation")
}
