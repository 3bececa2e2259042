//! Slices of values that collection tidies: while tracing, a slot holding a thunk that
//! has been evaluated to a value without identity of its own is given that value
//! ([`super::settled`], [`super::trace_slot`]), so that a forced list of a million numbers holds numbers and
//! its million thunks are freed. Lists' elements and sets' entries are kept this way.

use super::{Entry, Value, note_traced, trace_slot};
use gc_arena::Collect;
use std::cell::Cell;

/// What a [`Settling`] slice holds: something with one value in it.
pub trait Settle<'gc>: Copy {
    fn value(&self) -> Value<'gc>;
    fn with_value(self, v: Value<'gc>) -> Self;
}

impl<'gc> Settle<'gc> for Value<'gc> {
    fn value(&self) -> Value<'gc> {
        *self
    }

    fn with_value(self, v: Value<'gc>) -> Self {
        v
    }
}

impl<'gc> Settle<'gc> for Entry<'gc> {
    fn value(&self) -> Value<'gc> {
        self.value
    }

    fn with_value(self, value: Value<'gc>) -> Self {
        Entry { value, ..self }
    }
}

/// A boxed slice whose slots sit in cells, for collection to rewrite.
pub struct Settling<T>(Box<[Cell<T>]>);

impl<T> From<Box<[T]>> for Settling<T> {
    fn from(items: Box<[T]>) -> Settling<T> {
        // SAFETY: `Cell<T>` has the same layout as `T`.
        Settling(unsafe { Box::from_raw(Box::into_raw(items) as *mut [Cell<T>]) })
    }
}

impl<T> std::ops::Deref for Settling<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        // SAFETY: same layout; the cells are written only while the collector traces
        // the slice, which happens between `mutate` calls, when no borrow of the
        // slots taken here can be alive.
        unsafe { &*(&*self.0 as *const [Cell<T>] as *const [T]) }
    }
}

// SAFETY: every slot's value is traced, after replacing an evaluated thunk by a value
// the thunk refers to (so nothing unreachable is adopted); there is no drop glue that
// touches `Gc` pointers (`Settle` types are `Copy`).
unsafe impl<'gc, T: Settle<'gc>> Collect<'gc> for Settling<T> {
    fn trace<C: gc_arena::collect::Trace<'gc>>(&self, cc: &mut C) {
        note_traced(self.0.len());
        for cell in self.0.iter() {
            trace_slot(cell, cc);
        }
    }
}
