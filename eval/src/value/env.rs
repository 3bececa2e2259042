//! Environments: the run-time scopes. Variables are resolved at compile time to a
//! (depth, slot) pair; an environment holds the slots of one scope and a link to its
//! parent. A `with` scope has no slots and holds the (possibly unevaluated) attribute
//! set instead; only names not bound lexically are looked up there, at run time.
//! Most scopes (a lambda's parameter, a small `let`) have at most [`INLINE_SLOTS`]
//! slots, which are stored in the environment's own allocation.

use super::Value;
use gc_arena::barrier::Write;
use gc_arena::lock::Lock;
use gc_arena::{Collect, Gc, Mutation};
use smallvec::SmallVec;

/// Slots stored inline in an environment; larger scopes allocate them separately.
pub const INLINE_SLOTS: usize = 2;

pub struct Env<'gc> {
    /// The enclosing scope; it changes only when a temporary environment is reused.
    parent: Lock<Option<Gc<'gc, Env<'gc>>>>,
    /// For a `with` scope: its attribute set.
    pub with: Option<Value<'gc>>,
    pub slots: SmallVec<[Lock<Value<'gc>>; INLINE_SLOTS]>,
}

// SAFETY: the parent, the `with` set and every slot are traced; a slot holding an
// evaluated thunk is first given the thunk's value (see [`super::settled`]), which the
// thunk refers to, so nothing unreachable is adopted.
unsafe impl<'gc> Collect<'gc> for Env<'gc> {
    fn trace<C: gc_arena::collect::Trace<'gc>>(&self, cc: &mut C) {
        cc.trace(&self.parent);
        cc.trace(&self.with);
        for slot in &self.slots {
            // SAFETY: the value written is traced right away (see above).
            super::trace_slot(unsafe { slot.as_cell() }, cc);
        }
    }
}

impl<'gc> Env<'gc> {
    /// A scope of `n` slots, all null until set.
    pub fn new(mc: &Mutation<'gc>, parent: Option<Gc<'gc, Env<'gc>>>, n: usize) -> Gc<'gc, Env<'gc>> {
        let slots = if n <= INLINE_SLOTS {
            SmallVec::from_buf_and_len(std::array::from_fn(|_| Lock::new(Value::Null)), n)
        } else {
            (0..n).map(|_| Lock::new(Value::Null)).collect()
        };
        Gc::new(mc, Env { parent: Lock::new(parent), with: None, slots })
    }

    /// A `with` scope over `attrs`.
    pub fn with_scope(mc: &Mutation<'gc>, parent: Gc<'gc, Env<'gc>>, attrs: Value<'gc>) -> Gc<'gc, Env<'gc>> {
        Gc::new(mc, Env { parent: Lock::new(Some(parent)), with: Some(attrs), slots: SmallVec::new() })
    }

    pub fn get(&self, slot: usize) -> Value<'gc> {
        self.slots[slot].get()
    }

    /// Sets a slot, through the write barrier.
    pub fn set(this: Gc<'gc, Env<'gc>>, mc: &Mutation<'gc>, slot: usize, v: Value<'gc>) {
        let w = Gc::write(mc, this);
        // SAFETY: the write barrier was triggered on the whole environment just above,
        // and the slot is part of it (inline or in the box it owns).
        let cell = unsafe { Write::assume(&w.slots[slot]) };
        cell.unlock().set(v);
    }

    pub fn parent(&self) -> Option<Gc<'gc, Env<'gc>>> {
        self.parent.get()
    }

    /// Empties a finished call's environment, which nothing refers to any more, so that
    /// it keeps nothing alive while it waits to be reused.
    pub fn release(this: Gc<'gc, Env<'gc>>, mc: &Mutation<'gc>) {
        Env::set(this, mc, 0, Value::Null);
        let w = Gc::write(mc, this);
        // SAFETY: the write barrier was triggered on the whole environment just above.
        unsafe { Write::assume(&w.parent) }.unlock().set(None);
    }

    /// Makes a released environment the scope of a new call below `parent`.
    pub fn reuse(this: Gc<'gc, Env<'gc>>, mc: &Mutation<'gc>, parent: Gc<'gc, Env<'gc>>) {
        let w = Gc::write(mc, this);
        // SAFETY: the write barrier was triggered on the whole environment just above.
        unsafe { Write::assume(&w.parent) }.unlock().set(Some(parent));
    }

    /// The environment `depth` levels up.
    pub fn ancestor(mut this: Gc<'gc, Env<'gc>>, depth: usize) -> Gc<'gc, Env<'gc>> {
        for _ in 0..depth {
            this = this.parent().expect("compile-time depth matches the run-time chain");
        }
        this
    }
}
