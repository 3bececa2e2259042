//! Runtime values of the Nix language, allocated in the gc-arena. A [`Value`] is a
//! `Copy` enum of 16 bytes; everything larger lives behind a thin `Gc` pointer.

mod attrs;
mod env;
mod settling;
mod string;
mod thunk;

pub use attrs::{Attrs, AttrsBuilder, Entry};
pub use env::Env;
pub use settling::{Settle, Settling};
pub use string::{ContextElement, NixString, StringContext, lossy};
pub use thunk::{Thunk, ThunkState};

use crate::code::LambdaId;
use gc_arena::{Collect, Gc};
use std::cell::Cell;

/// A Nix value. Thunks are values too; most operations force them first.
#[derive(Collect, Clone, Copy)]
#[collect(no_drop)]
pub enum Value<'gc> {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(Gc<'gc, NixString>),
    /// An absolute, normalised path (no context).
    Path(Gc<'gc, NixString>),
    Attrs(Gc<'gc, Attrs<'gc>>),
    List(Gc<'gc, List<'gc>>),
    Lambda(Gc<'gc, Closure<'gc>>),
    /// A built-in function, by its index in the builtins table.
    PrimOp(u16),
    /// A built-in function applied to fewer arguments than it takes.
    PrimOpApp(Gc<'gc, PrimOpApp<'gc>>),
    Thunk(Thunk<'gc>),
}

/// Bytes that count as one garbage-collected object when pacing collection.
const BYTES_PER_OBJECT: usize = 64;

/// String bytes that count as one object. A collection costs time per live object,
/// not per byte, and a string's bytes are never traced; charged like list and set
/// memory, building a long string piece by piece (`acc + piece` in a fold) made one
/// collection of the whole heap for every few kilobytes appended.
const STRING_BYTES_PER_OBJECT: usize = 4 * BYTES_PER_OBJECT;

/// gc-arena paces collection by object count, not size: a large string or list held
/// outside the arena's own objects is charged as the objects it could have been, so
/// that allocating many large values triggers collection.
pub fn charge(mc: &gc_arena::Mutation<'_>, bytes: usize) {
    charge_at(mc, bytes, BYTES_PER_OBJECT);
}

fn charge_at(mc: &gc_arena::Mutation<'_>, bytes: usize, per_object: usize) {
    if bytes > 4 * per_object {
        mc.metrics().adjust_debt((bytes / per_object) as f64);
    }
}

/// The elements of a list.
#[derive(Collect)]
#[collect(no_drop)]
pub struct List<'gc>(pub Items<'gc>);

/// A list's elements (see [`Settling`]).
pub type Items<'gc> = Settling<Value<'gc>>;

/// What a slot holding `v` may hold instead: an evaluated thunk's value when that value
/// has no identity of its own (not a set, list or function, whose identity shows in
/// printing `«repeated»` and in equality).
pub fn settled(v: Value<'_>) -> Option<Value<'_>> {
    let Value::Thunk(t) = v else { return None };
    match t.state() {
        ThunkState::Evaluated(
            inner @ (Value::Null
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::String(_)
            | Value::Path(_)
            | Value::PrimOp(_)),
        ) => Some(inner),
        _ => None,
    }
}

/// Traces the value in a slot, first replacing an evaluated thunk by its value where
/// [`settled`] allows (the value is one the thunk refers to, so it is reachable).
pub fn trace_slot<'gc, T: Settle<'gc>, C: gc_arena::collect::Trace<'gc>>(cell: &Cell<T>, cc: &mut C) {
    let slot = cell.get();
    let v = slot.value();
    match settled(v) {
        Some(s) => {
            cell.set(slot.with_value(s));
            cc.trace(&s);
        }
        None => cc.trace(&v),
    }
}

thread_local! {
    static TRACED: Cell<usize> = const { Cell::new(0) };
}

/// Records that a collection traced `n` values of one list or set.
pub fn note_traced(n: usize) {
    TRACED.with(|t| t.set(t.get() + n));
}

/// The values traced in lists and sets since the last call (see `Evaluator::run`).
pub fn take_traced() -> usize {
    TRACED.with(|t| t.replace(0))
}

/// A lambda together with the environment it was created in.
#[derive(Collect)]
#[collect(no_drop)]
pub struct Closure<'gc> {
    #[collect(require_static)]
    pub lambda: LambdaId,
    pub env: Gc<'gc, Env<'gc>>,
}

/// A partially applied built-in function.
#[derive(Collect)]
#[collect(no_drop)]
pub struct PrimOpApp<'gc> {
    pub op: u16,
    pub args: PrimArgs<'gc>,
}

/// A built-in's arguments: most take at most three, kept without a separate allocation.
pub type PrimArgs<'gc> = smallvec::SmallVec<[Value<'gc>; 3]>;

impl<'gc> Value<'gc> {
    /// The type name `builtins.typeOf` returns.
    pub fn type_of(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::String(_) => "string",
            Value::Path(_) => "path",
            Value::Attrs(_) => "set",
            Value::List(_) => "list",
            Value::Lambda(_) | Value::PrimOp(_) | Value::PrimOpApp(_) => "lambda",
            Value::Thunk(_) => "thunk",
        }
    }

    /// The phrase the reference uses in type errors ("an integer", "a set", ...).
    pub fn type_phrase(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a Boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a float",
            Value::String(_) => "a string",
            Value::Path(_) => "a path",
            Value::Attrs(_) => "a set",
            Value::List(_) => "a list",
            Value::Lambda(_) => "a function",
            Value::PrimOp(_) => "a built-in function",
            Value::PrimOpApp(_) => "a partially applied built-in function",
            Value::Thunk(_) => "a thunk",
        }
    }

    /// A thunk that has been evaluated is replaced by its value; anything else is kept.
    pub fn resolved(self) -> Value<'gc> {
        let mut v = self;
        while let Value::Thunk(t) = v {
            match t.state() {
                ThunkState::Evaluated(inner) => v = inner,
                _ => break,
            }
        }
        v
    }

    pub fn is_function(&self) -> bool {
        matches!(self, Value::Lambda(_) | Value::PrimOp(_) | Value::PrimOpApp(_))
    }

    pub fn list(mc: &gc_arena::Mutation<'gc>, items: impl Into<Box<[Value<'gc>]>>) -> Value<'gc> {
        let items = items.into();
        charge(mc, items.len() * std::mem::size_of::<Value<'gc>>());
        Value::List(Gc::new(mc, List(items.into())))
    }

    /// The lazy application `f arg`: a thunk that calls `f` when forced.
    pub fn apply(mc: &gc_arena::Mutation<'gc>, f: Value<'gc>, arg: Value<'gc>) -> Value<'gc> {
        Value::Thunk(Thunk::new(mc, ThunkState::Apply { f, arg }))
    }

    /// A string value; large strings are charged to the collector (see [`charge`]).
    pub fn string(mc: &gc_arena::Mutation<'gc>, s: NixString) -> Value<'gc> {
        charge_at(mc, s.bytes.len(), STRING_BYTES_PER_OBJECT);
        Value::String(Gc::new(mc, s))
    }
}
