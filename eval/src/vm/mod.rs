//! The stackless VM. Its whole state (value stack, frame stack) lives in the gc-arena
//! root; [`Vm::run`] executes up to a given number of steps inside one `mutate` call and
//! returns, so the driver can collect garbage between steps. Forcing a thunk or calling
//! a function pushes a frame: nothing recurses on the Rust stack, and deep Nix
//! recursion ends in an orderly `stack overflow` error.

mod arith;
mod call;
mod coerce;
mod eager;
mod exec;
mod explain;
mod frame;
pub mod native;
mod trace;

pub use arith::less_than;
pub(crate) use arith::numeric_op;
pub(crate) use coerce::{coercion_target, not_coercible, path_to_store};
pub use exec::type_error as exec_type_error;
pub use frame::Frame;

use crate::builtins::Builtins;
use crate::code::{ChunkId, Program};
use crate::error::{ErrorKind, EvalError};
use crate::source::{Pos, Sources};
use crate::symbol::Interner;
use crate::value::{Env, ThunkState, Value};
use gc_arena::{Collect, Gc, Mutation};
use native::{Caught, Native};

/// Limits and settings of an evaluation.
#[derive(Clone, Debug)]
pub struct Options {
    /// The reference's `max-call-depth` (nested function calls).
    pub max_call_depth: usize,
    /// The search path (`-I`, then `$NIX_PATH`) as `(prefix, path)` pairs.
    pub nix_path: Vec<(String, String)>,
    /// `builtins.currentSystem`.
    pub system: String,
    /// `abort-on-warn`: `builtins.warn` fails after printing its warning.
    pub abort_on_warn: bool,
    /// `--trace-verbose`: `builtins.traceVerbose` traces as `builtins.trace` does.
    pub trace_verbose: bool,
    /// Physical root of the local store (`None`: the default).
    pub store_root: Option<std::path::PathBuf>,
    /// Write what evaluation adds to the store (instantiation, `--read-write-mode`);
    /// otherwise only compute its paths.
    pub read_write: bool,
    /// Set (from a signal handler) to stop the evaluation running: it ends with an
    /// `interrupted by the user` error between two runs of steps.
    pub interrupt: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_call_depth: 10_000,
            nix_path: Vec::new(),
            system: format!("{}-{}", std::env::consts::ARCH, std::env::consts::OS),
            abort_on_warn: false,
            trace_verbose: false,
            store_root: None,
            read_write: false,
            interrupt: None,
        }
    }
}

/// Everything outside the arena that steps need: code, names, sources, builtins.
pub struct Ctx<'a> {
    pub program: &'a mut Program,
    pub symbols: &'a mut Interner,
    pub sources: &'a mut Sources,
    pub builtins: &'a Builtins,
    pub options: &'a Options,
    pub io: &'a mut crate::io::EvalIo,
}

/// How a run of steps ended.
pub enum Status {
    /// Out of fuel; call again.
    Running,
    /// The evaluation finished; its value is `Vm::result`.
    Done,
}

/// Spare environments kept for reuse (calls nest, so a few suffice).
const SPARE_ENVS: usize = 16;

/// The VM state (the arena root).
#[derive(Collect)]
#[collect(no_drop)]
pub struct Vm<'gc> {
    pub stack: Vec<Value<'gc>>,
    pub frames: Vec<Frame<'gc>>,
    /// Values of `Op::Global`, by index.
    pub globals: Vec<Value<'gc>>,
    /// The top-level environment files are evaluated in.
    pub root_env: Gc<'gc, Env<'gc>>,
    /// Imported files' values, by file id.
    pub imports: Vec<Option<Value<'gc>>>,
    /// Environments of returned calls that nothing else refers to, for the next calls
    /// of one-parameter lambdas (see `Lambda::env_is_temporary`).
    pub spare_envs: Vec<Gc<'gc, Env<'gc>>>,
    /// String and path literals' values, by chunk and constant index (see `literal`).
    pub literals: Vec<Vec<Option<Value<'gc>>>>,
    #[collect(require_static)]
    pub call_depth: usize,
    /// What a REPL session keeps alive between evaluations.
    pub repl: crate::repl::Roots<'gc>,
    /// A request's value before its `-A` paths are selected from it (each in turn).
    pub top: Option<Value<'gc>>,
}

impl<'gc> Vm<'gc> {
    pub fn new(mc: &Mutation<'gc>) -> Vm<'gc> {
        Vm {
            stack: Vec::new(),
            frames: Vec::new(),
            globals: Vec::new(),
            root_env: Env::new(mc, None, 0),
            imports: Vec::new(),
            literals: Vec::new(),
            spare_envs: Vec::new(),
            call_depth: 0,
            repl: crate::repl::Roots::default(),
            top: None,
        }
    }

    /// Starts evaluating `value` to weak head normal form (then `extra`, if given, runs
    /// on the result: deep forcing for `--strict`).
    pub fn start(
        &mut self,
        mc: &Mutation<'gc>,
        value: Value<'gc>,
        extra: Option<Native<'gc>>,
        ctx: &mut Ctx<'_>,
    ) -> Result<(), EvalError> {
        self.stack.clear();
        self.frames.clear();
        self.call_depth = 0;
        self.stack.push(value);
        if let Some(n) = extra {
            self.frames.push(Frame::Native { state: n, base: 1, builtin: None });
            self.stack.push(value);
        }
        self.force_top(mc, ctx)
    }

    /// The finished evaluation's value.
    pub fn result(&self) -> Value<'gc> {
        self.stack.first().copied().unwrap_or(Value::Null)
    }

    /// Runs at most `fuel` steps (ops or native steps), returning early when garbage is due for collection
    /// (large strings and lists can make it due within a few steps).
    pub fn run(&mut self, mc: &Mutation<'gc>, ctx: &mut Ctx<'_>, mut fuel: u32) -> Result<Status, EvalError> {
        while fuel > 0 {
            let step = match self.frames.last() {
                None => return Ok(Status::Done),
                Some(Frame::Code { .. }) => self.exec_code(mc, ctx, &mut fuel),
                Some(Frame::Native { .. }) => {
                    fuel -= 1;
                    self.native_step(mc, ctx)
                }
                Some(&Frame::Update { thunk, .. }) => {
                    fuel -= 1;
                    // What ran above finished at once (a built-in called from a lazy
                    // application): the thunk's value is on top.
                    let v = *self.stack.last().expect("the forced thunk's slot");
                    thunk.set(mc, ThunkState::Evaluated(v));
                    self.frames.pop();
                    Ok(())
                }
            };
            if let Err(e) = step {
                self.unwind(mc, ctx, e)?;
            }
            if fuel.is_multiple_of(64) && mc.metrics().allocation_debt() > 0.0 {
                break;
            }
        }
        Ok(Status::Running)
    }

    /// Finishes the top frame with `v`: the value goes to `stack[base - 1]`, and pending
    /// thunk updates below are done.
    pub(crate) fn finish(&mut self, mc: &Mutation<'gc>, v: Value<'gc>) {
        let frame = self.frames.pop().expect("a frame to finish");
        let base = match frame {
            Frame::Code { base, call, temporary_envs, env, .. } => {
                if call {
                    self.call_depth -= 1;
                }
                let mut env = Some(env);
                for _ in 0..temporary_envs {
                    let Some(e) = env.filter(|_| self.spare_envs.len() < SPARE_ENVS) else { break };
                    env = e.parent();
                    Env::release(e, mc);
                    self.spare_envs.push(e);
                }
                base
            }
            Frame::Native { base, .. } => base,
            Frame::Update { .. } => unreachable!("update frames never run"),
        } as usize;
        self.stack.truncate(base);
        self.stack[base - 1] = v;
        while let Some(Frame::Update { thunk, .. }) = self.frames.last() {
            thunk.set(mc, ThunkState::Evaluated(v));
            self.frames.pop();
        }
    }

    /// Pops frames for an error until a native frame catches it (`tryEval`) or holds it
    /// while it forces a value (`addErrorContext`); thunks being forced get their state
    /// back. Uncaught, the error is returned.
    fn unwind(&mut self, mc: &Mutation<'gc>, ctx: &mut Ctx<'_>, mut e: EvalError) -> Result<(), EvalError> {
        let mut context = trace::Unwinding::default();
        while let Some(frame) = self.frames.pop() {
            let caller = trace::running_op(ctx, self.frames.last());
            match frame {
                Frame::Update { thunk, saved } => {
                    context.thunk(ctx, &saved);
                    thunk.set(mc, saved);
                }
                Frame::Code { call, chunk, ip, found, .. } => {
                    if call {
                        self.call_depth -= 1;
                    }
                    context.code(ctx, &mut e, (chunk, ip, call), found, caller);
                }
                Frame::Native { state, base, builtin } => {
                    context.native(ctx, &mut e, (&state, builtin), caller);
                    match state.catch(mc, ctx, e) {
                        Err(passed) => e = passed,
                        Ok(Caught::Value(v)) => {
                            self.frames.push(Frame::Native { state: Native::Done, base, builtin: None });
                            self.finish(mc, v);
                            return Ok(());
                        }
                        Ok(Caught::Force(state, v)) => {
                            self.stack.truncate(base as usize);
                            self.frames.push(Frame::Native { state, base, builtin: None });
                            match self.demand(mc, ctx, v) {
                                Ok(_) => return Ok(()),
                                Err(next) => e = next,
                            }
                        }
                    }
                }
            }
        }
        Err(e)
    }

    /// Abandons the evaluation running (interrupted): every frame is popped, and the
    /// thunks being forced get their state back, so that forcing them later starts over.
    pub fn abandon(&mut self, mc: &Mutation<'gc>) {
        while let Some(frame) = self.frames.pop() {
            if let Frame::Update { thunk, saved } = frame {
                thunk.set(mc, saved);
            }
        }
        self.stack.clear();
        self.call_depth = 0;
    }

    /// Forces the value on top of the stack. An evaluated thunk is replaced by its value;
    /// an unevaluated one gets frames that leave its value there when they finish.
    pub(crate) fn force_top(&mut self, mc: &Mutation<'gc>, ctx: &mut Ctx<'_>) -> Result<(), EvalError> {
        let top = self.stack.len() - 1;
        let Value::Thunk(t) = self.stack[top] else { return Ok(()) };
        let state = t.state();
        match state {
            ThunkState::Evaluated(v) => {
                self.stack[top] = v;
                Ok(())
            }
            ThunkState::Precomputed(v) => {
                t.set(mc, ThunkState::Evaluated(v));
                self.stack[top] = v;
                Ok(())
            }
            ThunkState::Blackhole => {
                Err(EvalError::new(ErrorKind::InfiniteRecursion, "infinite recursion encountered", None))
            }
            ThunkState::Suspended { code, env } => {
                t.set(mc, ThunkState::Blackhole);
                self.frames.push(Frame::Update { thunk: t, saved: state });
                self.push_code(code, env, None)
            }
            ThunkState::Apply { f, arg } => {
                t.set(mc, ThunkState::Blackhole);
                self.frames.push(Frame::Update { thunk: t, saved: state });
                let f = f.resolved();
                if f.is_thunk() {
                    return self.call_after_forcing(mc, ctx, f, arg, true);
                }
                self.stack[top] = f;
                self.stack.push(arg);
                self.call(mc, ctx)
            }
        }
    }

    /// Pushes a frame running `chunk` (a thunk's code, or a call's body if `call` gives
    /// how many of its environments are temporary), its result going to the current
    /// top of the stack.
    pub(crate) fn push_code(
        &mut self,
        chunk: ChunkId,
        env: Gc<'gc, Env<'gc>>,
        call: Option<u8>,
    ) -> Result<(), EvalError> {
        let base = self.stack.len() as u32;
        let (call, temporary_envs) = (call.is_some(), call.unwrap_or(0));
        self.frames.push(Frame::Code { chunk, ip: 0, env, base, call, temporary_envs, found: Pos::NONE });
        Ok(())
    }
}
