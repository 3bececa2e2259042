//! Frames of the VM's own stack (kept in the arena, never on Rust's stack): running
//! code, pending thunk updates, and native state machines for builtins that call back
//! into Nix.

use super::native::Native;
use crate::code::ChunkId;
use crate::value::{Env, Thunk, ThunkState};
use gc_arena::{Collect, Gc};

#[derive(Collect)]
#[collect(no_drop)]
pub enum Frame<'gc> {
    /// Running a chunk. The result goes to `stack[base - 1]` and the stack is cut back
    /// to `base`.
    Code {
        #[collect(require_static)]
        chunk: ChunkId,
        #[collect(require_static)]
        ip: u32,
        env: Gc<'gc, Env<'gc>>,
        #[collect(require_static)]
        base: u32,
        /// A function call (counts towards `max-call-depth`).
        #[collect(require_static)]
        call: bool,
        /// How many environments (this frame's, then its parent) go back to
        /// `Vm::spare_envs` when the call returns (see `Lambda::env_is_temporary`).
        #[collect(require_static)]
        temporary_envs: u8,
        /// Where the attribute a select path last found is defined, for the frame the
        /// reference adds when the path then fails (`… while evaluating the attribute
        /// 'a.b'`).
        #[collect(require_static)]
        found: crate::source::Pos,
    },
    /// When the frame above returns, its value is the thunk's; if an error unwinds
    /// through, the thunk gets its original state back.
    Update { thunk: Thunk<'gc>, saved: ThunkState<'gc> },
    /// A builtin's state machine; stepped whenever it is the top frame. Its result goes
    /// to `stack[base - 1]`. `builtin`: the builtin whose call it runs, for the
    /// `… while calling the 'X' builtin` frame (none when it runs for an operator or
    /// the output).
    Native {
        state: Native<'gc>,
        #[collect(require_static)]
        base: u32,
        #[collect(require_static)]
        builtin: Option<u16>,
    },
}
