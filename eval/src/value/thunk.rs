//! Thunks: delayed computations that are evaluated at most once. A thunk moves from
//! `Suspended` (or `Apply`) to `Blackhole` while it is being forced and to `Evaluated`
//! when done; forcing a blackhole is infinite recursion. If the evaluation fails, the
//! forcing frame puts the original state back so the thunk can be forced again.

use super::{Env, Value};
use crate::code::ChunkId;
use gc_arena::lock::Lock;
use gc_arena::{Collect, Gc, Mutation};

/// What a thunk holds.
#[derive(Collect, Clone, Copy)]
#[collect(no_drop)]
pub enum ThunkState<'gc> {
    /// Code to run in an environment.
    Suspended {
        #[collect(require_static)]
        code: ChunkId,
        env: Gc<'gc, Env<'gc>>,
    },
    /// A function application, made lazily (`map`, `genList`, ...).
    Apply {
        f: Value<'gc>,
        arg: Value<'gc>,
    },
    /// Being evaluated right now.
    Blackhole,
    Evaluated(Value<'gc>),
    /// Not evaluated as far as the language can see (printed as `<CODE>`), but its
    /// value is already known: forcing it just records it (see `vm/eager.rs`).
    Precomputed(Value<'gc>),
}

/// A pointer to a thunk's state.
#[derive(Collect, Clone, Copy)]
#[collect(no_drop)]
pub struct Thunk<'gc>(Gc<'gc, Lock<ThunkState<'gc>>>);

impl<'gc> Thunk<'gc> {
    pub fn new(mc: &Mutation<'gc>, state: ThunkState<'gc>) -> Thunk<'gc> {
        Thunk(Gc::new(mc, Lock::new(state)))
    }

    pub fn state(self) -> ThunkState<'gc> {
        self.0.get()
    }

    pub fn set(self, mc: &Mutation<'gc>, state: ThunkState<'gc>) {
        self.0.set(mc, state)
    }

    /// The thunk's address: its identity while it is alive.
    pub fn addr(self) -> usize {
        Gc::as_ptr(self.0) as usize
    }

    pub fn ptr_eq(a: Thunk<'gc>, b: Thunk<'gc>) -> bool {
        Gc::ptr_eq(a.0, b.0)
    }
}
