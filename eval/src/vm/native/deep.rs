//! Deep forcing (`deepSeq`, `--strict` output, `toXML`): a depth-first walk over a
//! work list, cycles forced once. An error while forcing an element gets the
//! reference's frame for each list or set it is nested in (`… while evaluating list
//! element at index 1`, `… while evaluating the attribute 'a'`), rebuilt from the walk
//! only when the error unwinds.

use crate::error::{ErrorKind, EvalError};
use crate::source::Span;
use crate::value::Value;
use crate::vm::Ctx;
use gc_arena::{Collect, Gc};
use std::collections::HashSet;

/// The state of deep forcing (boxed in its native frame: frames stay small).
#[derive(Collect)]
#[collect(no_drop)]
pub struct DeepForce<'gc> {
    /// Values still to force, the next last.
    work: Vec<Item<'gc>>,
    /// The lists and sets whose elements are being forced, outermost first.
    open: Vec<Item<'gc>>,
    /// Addresses of the lists and sets forced so far (cycles are forced once).
    #[collect(require_static)]
    seen: HashSet<usize>,
    /// Keeps everything reached alive, so that no address in `seen` is reused.
    root: Value<'gc>,
    pub(super) result: Value<'gc>,
    /// Errors get the frames of the elements they were raised in (not for `toXML`).
    #[collect(require_static)]
    framed: bool,
}

/// A value, how deep it is nested, and its index in the list or set it is in.
#[derive(Collect, Clone, Copy)]
#[collect(no_drop)]
struct Item<'gc> {
    value: Value<'gc>,
    #[collect(require_static)]
    depth: u32,
    #[collect(require_static)]
    index: u32,
}

/// What a step of deep forcing needs.
pub enum Next<'gc> {
    /// Force this thunk, then step again.
    Force(Value<'gc>),
    /// Everything is forced.
    Done,
}

impl<'gc> DeepForce<'gc> {
    pub fn new(value: Value<'gc>, result: Value<'gc>, framed: bool) -> DeepForce<'gc> {
        DeepForce {
            work: vec![Item { value, depth: 0, index: 0 }],
            open: Vec::new(),
            seen: HashSet::new(),
            root: value,
            result,
            framed,
        }
    }

    /// Walks on until a thunk needs forcing or everything is forced.
    pub fn step(&mut self, ctx: &Ctx<'_>) -> Result<Next<'gc>, EvalError> {
        while let Some(&item) = self.work.last() {
            let v = item.value.resolved();
            if v.is_thunk() {
                return Ok(Next::Force(v));
            }
            // The reference recurses here, and fails as deep calls do.
            if item.depth as usize > ctx.options.max_call_depth {
                return Err(EvalError::new(
                    ErrorKind::StackOverflow,
                    "stack overflow; max-call-depth exceeded",
                    None,
                ));
            }
            self.work.pop();
            let fresh = match v {
                Value::List(l) => self.seen.insert(Gc::as_ptr(l) as usize),
                Value::Attrs(a) => self.seen.insert(Gc::as_ptr(a) as usize),
                _ => false,
            };
            if !fresh {
                continue;
            }
            // What is open at this depth or deeper is finished.
            while self.open.last().is_some_and(|o| o.depth >= item.depth) {
                self.open.pop();
            }
            self.open.push(Item { value: v, ..item });
            let depth = item.depth + 1;
            let at = |(index, value)| Item { value, depth, index: index as u32 };
            match v {
                Value::List(l) => self.work.extend(l.0.iter().copied().enumerate().rev().map(at)),
                Value::Attrs(a) => {
                    self.work.extend(a.entries(ctx.symbols).iter().map(|e| e.value).enumerate().rev().map(at))
                }
                _ => {}
            }
        }
        Ok(Next::Done)
    }

    /// The frames of an error raised while forcing the next value, innermost first:
    /// one for each list or set it is nested in (those open at lesser depths).
    pub fn frames(&self, ctx: &Ctx<'_>) -> Vec<(String, Option<Span>)> {
        let Some(&failing) = self.work.last().filter(|_| self.framed) else { return Vec::new() };
        let parents = self.open.iter().rev().filter(|o| o.depth < failing.depth);
        let children = std::iter::once(&failing).chain(parents.clone());
        parents
            .zip(children)
            .map(|(parent, child)| match parent.value {
                Value::Attrs(a) => {
                    let entry = &a.entries(ctx.symbols)[child.index as usize];
                    let name = ctx.symbols.display(entry.name);
                    (format!("while evaluating the attribute '{name}'"), ctx.sources.span_at(entry.pos))
                }
                _ => (format!("while evaluating list element at index {}", child.index), None),
            })
            .collect()
    }
}
