//! The Nix-language evaluator: a compiler from rnix syntax trees to bytecode and a
//! stackless, garbage-collected VM that runs it. [`Evaluator`] is the entry point: it
//! owns the arena and everything outside it (code, names, sources, builtins) and drives
//! the VM in steps, collecting garbage between them.

mod builtins;
mod code;
mod compile;
pub mod diagnostics;
mod error;
mod io;
mod paths;
mod print;
pub mod source;
mod symbol;
mod value;
mod vm;

pub use error::{ErrorKind, EvalError};
pub use vm::Options;

use gc_arena::{Arena, Rootable};
use source::{Origin, Sources};
use std::path::Path;
use value::{ThunkState, Value};
use vm::native::Native;
use vm::{Ctx, Status, Vm};

/// Steps run between two checks for garbage collection.
const FUEL: u32 = 4096;
/// Allocation debt (in objects) above which garbage is collected between steps.
const COLLECT_DEBT: f64 = 65_536.0;

/// How to evaluate and print a result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// Nix syntax; unevaluated parts print as `<CODE>`.
    Lazy,
    /// Nix syntax, the value forced deeply first (`--strict`).
    Strict,
    /// A string printed as is (`--raw`).
    Raw,
}

pub struct Evaluator {
    arena: Arena<Rootable![Vm<'_>]>,
    program: code::Program,
    symbols: symbol::Interner,
    sources: Sources,
    builtins: builtins::Builtins,
    options: Options,
    io: io::EvalIo,
}

impl Evaluator {
    pub fn new(options: Options) -> Evaluator {
        let mut symbols = symbol::Interner::default();
        let system = format!("{}-{}", std::env::consts::ARCH, std::env::consts::OS);
        let builtins = builtins::Builtins::new(&mut symbols, &system);
        #[allow(
            clippy::redundant_closure,
            reason = "the closure is needed for the arena's higher-ranked lifetime"
        )]
        let mut arena = Arena::<Rootable![Vm<'_>]>::new(|mc| Vm::new(mc));
        arena.mutate_root(|mc, vm| builtins.install(mc, &mut symbols, vm));
        Evaluator {
            arena,
            program: builtins::new_program(),
            symbols,
            sources: Sources::default(),
            builtins,
            options,
            io: io::EvalIo::new(),
        }
    }

    /// Evaluates source text (from `origin`, relative paths against `base_dir`) and
    /// prints the result.
    pub fn eval(
        &mut self,
        origin: Origin,
        text: String,
        base_dir: &Path,
        output: Output,
    ) -> Result<String, EvalError> {
        let (_, chunk) = self.io.compile_text(
            &mut self.program,
            &mut self.symbols,
            &mut self.sources,
            &self.builtins,
            origin,
            text,
            base_dir,
        )?;
        self.arena.mutate_root(|mc, vm| {
            let top =
                Value::Thunk(value::Thunk::new(mc, ThunkState::Suspended { code: chunk, env: vm.root_env }));
            let extra = (output == Output::Strict).then(|| Native::DeepForce {
                work: vec![top],
                seen: Default::default(),
                result: top,
            });
            vm.start(mc, top, extra)
        })?;
        self.run()?;
        let ctx = Ctx {
            program: &mut self.program,
            symbols: &mut self.symbols,
            sources: &mut self.sources,
            builtins: &self.builtins,
            options: &self.options,
            io: &mut self.io,
        };
        self.arena.mutate(|_, vm| {
            let v = vm.result().resolved();
            match (output, v) {
                (Output::Raw, Value::String(s)) => Ok(s.lossy().into_owned()),
                (Output::Raw, other) => Err(vm::exec_type_error(&ctx, "a string", other)),
                _ => Ok(print::print_value(&ctx, v)),
            }
        })
    }

    /// Runs the VM to completion, collecting garbage between steps.
    fn run(&mut self) -> Result<(), EvalError> {
        loop {
            let mut ctx = Ctx {
                program: &mut self.program,
                symbols: &mut self.symbols,
                sources: &mut self.sources,
                builtins: &self.builtins,
                options: &self.options,
                io: &mut self.io,
            };
            let status = self.arena.mutate_root(|mc, vm| vm.run(mc, &mut ctx, FUEL))?;
            if let Status::Done = status {
                return Ok(());
            }
            if self.arena.metrics().allocation_debt() > COLLECT_DEBT {
                self.arena.collect_debt();
            }
        }
    }

    /// The error rendered with its source line.
    pub fn render_error(&self, e: &EvalError, show_trace: bool) -> String {
        diagnostics::render(&self.sources, e, show_trace)
    }
}
