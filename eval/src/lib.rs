//! The Nix-language evaluator: a compiler from rnix syntax trees to bytecode and a
//! stackless, garbage-collected VM that runs it. [`Evaluator`] is the entry point: it
//! owns the arena and everything outside it (code, names, sources, builtins) and drives
//! the VM in steps, collecting garbage between them.

mod builtins;
mod code;
mod compile;
pub mod diagnostics;
mod error;
mod instantiate;
pub(crate) mod io;
mod paths;
mod print;
pub mod source;
mod symbol;
mod value;
mod vm;

pub use builtins::docs::{BuiltinDoc, documented as documented_builtins, lookup as builtin_doc};
pub use builtins::search::parse_search_path;
pub use error::{ErrorKind, EvalError};
pub use instantiate::Instance;
pub use io::store::Realiser;
pub use vm::Options;

use builtins::xml::XmlOptions;
use gc_arena::{Arena, Mutation, Rootable};
use source::{Origin, Sources};
use std::path::{Path, PathBuf};
use value::{Attrs, AttrsBuilder, NixString, Thunk, ThunkState, Value};
use vm::native::Native;
use vm::{Ctx, Status, Vm};

/// Steps run between two checks for garbage collection.
const FUEL: u32 = 4096;
/// Garbage collection is stop-the-world: an incremental collector re-traces the VM
/// root (its whole stack, frames included) after every step, which is quadratic when a
/// builtin holds a large list in its frame. A full collection starts once the objects
/// allocated since the last one reach this fraction of those it kept alive (but at
/// least [`MIN_SLEEP`]).
const SLEEP_FACTOR: f64 = 0.5;
/// The sleep factor while instantiating: the derivations found are all kept until the
/// end, so the heap only grows, and each collection mostly re-traces what the last one
/// kept; collecting half as often costs a few percent more memory.
const INSTANTIATION_SLEEP_FACTOR: f64 = 1.0;
const MIN_SLEEP: usize = 65_536;
/// Values in a list or set that cost about as much to trace as one object.
const VALUES_PER_OBJECT: usize = 4;

/// How to print a result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// Nix syntax; unevaluated parts print as `<CODE>`.
    Nix,
    /// The value coerced to a string as interpolation does, printed as is (`--raw`).
    Raw,
    /// JSON (`--json`); without `strict`, an unevaluated part is an error.
    Json,
    /// The `toXML` format with source positions (`--xml`); without `strict`, unevaluated
    /// parts print as `<unevaluated />`.
    Xml,
}

/// An argument for the top-level function (`--arg name expr`, `--argstr name string`).
#[derive(Clone, Debug)]
pub enum AutoArg {
    Expr(String),
    Str(String),
}

/// What to evaluate.
pub struct Request {
    pub origin: Origin,
    pub text: String,
    /// Base of relative paths in `text`.
    pub base_dir: PathBuf,
    /// `-A`: attribute paths to select (`a.b."c d".0`), each from the value in turn,
    /// which is evaluated once; none: the value itself.
    pub attr_paths: Vec<String>,
    pub auto_args: Vec<(String, AutoArg)>,
    pub output: Output,
    /// Force the value deeply before printing it (`--strict`).
    pub strict: bool,
}

pub struct Evaluator {
    arena: Arena<Rootable![Vm<'_>]>,
    program: code::Program,
    symbols: symbol::Interner,
    sources: Sources,
    builtins: builtins::Builtins,
    options: Options,
    io: io::EvalIo,
    /// The collector's sleep factor (see [`SLEEP_FACTOR`]).
    sleep_factor: f64,
    /// Runs of [`FUEL`] steps left before evaluation stops as interrupted (`None`: no
    /// limit); the REPL's completion evaluates under a limit.
    budget: Option<u32>,
}

/// A `Ctx` borrowing the evaluator's parts (a macro: the arena is borrowed separately).
macro_rules! ctx {
    ($s:expr) => {
        $crate::vm::Ctx {
            program: &mut $s.program,
            symbols: &mut $s.symbols,
            sources: &mut $s.sources,
            builtins: &$s.builtins,
            options: &$s.options,
            io: &mut $s.io,
        }
    };
}

pub mod repl;

impl Evaluator {
    pub fn new(options: Options) -> Evaluator {
        let mut symbols = symbol::Interner::default();
        let builtins = builtins::Builtins::new(&mut symbols, &options.system, options.nix_path.clone());
        #[allow(
            clippy::redundant_closure,
            reason = "the closure is needed for the arena's higher-ranked lifetime"
        )]
        let mut arena = Arena::<Rootable![Vm<'_>]>::new(|mc| Vm::new(mc));
        arena.metrics().set_pacing(pacing(SLEEP_FACTOR));
        let mut program = builtins::new_program();
        let mut sources = Sources::default();
        let mut io = io::EvalIo::new(options.store_root.clone(), options.read_write);
        let origin = Origin::Internal(builtins::derivation::PRELUDE_NAME);
        let prelude = builtins::derivation::PRELUDE.to_owned();
        let (_, derivation) = io
            .compile_text(
                &mut program,
                &mut symbols,
                &mut sources,
                &builtins,
                origin,
                prelude,
                Path::new("/"),
            )
            .expect("the built-in Nix code compiles");
        arena.mutate_root(|mc, vm| builtins.install(mc, &mut symbols, vm, derivation));
        let global = builtins.globals[&symbols.intern(b"derivation")] as usize;
        let sleep_factor = SLEEP_FACTOR;
        let mut evaluator =
            Evaluator { arena, program, symbols, sources, builtins, io, options, sleep_factor, budget: None };
        // Globals are values, not thunks: evaluate the (cheap) function now.
        evaluator
            .start(|_, vm, _| Ok(vm.globals[global]))
            .expect("the built-in `derivation` evaluates to a function");
        evaluator.arena.mutate_root(|_, vm| vm.globals[global] = vm.result().resolved());
        evaluator
    }

    /// Evaluates a request and hands `print` the printed result of each of its
    /// attribute paths, in order (bytes: strings need not be UTF-8).
    pub fn eval(&mut self, req: Request, print: &mut dyn FnMut(Vec<u8>)) -> Result<(), EvalError> {
        let printed = self.eval_and_print(req, print);
        // Read-write evaluation makes valid what it staged, also after an error (as the
        // reference, which writes as it goes).
        self.io.store.flush()?;
        printed
    }

    fn eval_and_print(&mut self, mut req: Request, print: &mut dyn FnMut(Vec<u8>)) -> Result<(), EvalError> {
        let args = self.evaluate_top(&mut req)?;
        for path in attr_paths(&req) {
            self.select_path(path, &args, false)?;
            print(self.print_result(&req)?);
        }
        Ok(())
    }

    /// The VM's value printed as `req` asks (forced deeply first when `strict`).
    fn print_result(&mut self, req: &Request) -> Result<Vec<u8>, EvalError> {
        if req.strict {
            self.run_native(|v| Native::deep_force(v, v, true))?;
        }
        match req.output {
            Output::Json => self.run_native(|v| builtins::json::to_json(v, req.strict))?,
            Output::Raw => self
                .start(|mc, vm, _| {
                    let env = value::Env::new(mc, None, 1);
                    value::Env::set(env, mc, 0, vm.result());
                    let code = builtins::COERCE_CHUNK;
                    Ok(Value::Thunk(Thunk::new(mc, ThunkState::Suspended { code, env })))
                })
                .map_err(|mut e| {
                    e.add_trace("while generating the nix-instantiate output", None);
                    e
                })?,
            Output::Nix | Output::Xml => {}
        }
        let ctx = ctx!(self);
        let printed = self.arena.mutate(|_, vm| {
            let v = vm.result().resolved();
            match (req.output, v) {
                (Output::Json | Output::Raw, Value::String(s)) => Ok(s.bytes.to_vec()),
                // With `strict`, everything is forced already.
                (Output::Xml, _) => {
                    builtins::xml::document(&ctx, v, XmlOptions { strict: false, location: true })
                        .map(|doc| doc.bytes.into_vec())
                        .map_err(|_| EvalError::eval("cannot write an unevaluated value as XML", None))
                }
                _ => Ok(print::print_value(&ctx, v)),
            }
        })?;
        Ok(printed)
    }

    /// Evaluates the request's expression, keeping the value for
    /// [`Self::select_path`]; gives the compiled `--arg`s.
    fn evaluate_top(&mut self, req: &mut Request) -> Result<Vec<(symbol::Symbol, AutoValue)>, EvalError> {
        let main = self.compile_text(req.origin.clone(), std::mem::take(&mut req.text), &req.base_dir)?;
        let args = self.compile_auto_args(&req.auto_args, &req.base_dir)?;
        self.start(|mc, vm, _| {
            Ok(Value::Thunk(Thunk::new(mc, ThunkState::Suspended { code: main, env: vm.root_env })))
        })?;
        self.arena.mutate_root(|_, vm| vm.top = Some(vm.result()));
        Ok(args)
    }

    /// Selects attribute path `path` (none: nothing) from the value
    /// [`Self::evaluate_top`] kept, calling functions on the way with the `--arg`s, and
    /// the result too if there are any (always when `always_call`, as instantiation
    /// does): the VM's value is the result.
    fn select_path(
        &mut self,
        path: Option<&str>,
        args: &[(symbol::Symbol, AutoValue)],
        always_call: bool,
    ) -> Result<(), EvalError> {
        let path = path.map(split_attr_path).transpose()?.unwrap_or_default();
        self.start(|_, vm, _| vm.top.ok_or_else(|| EvalError::eval("no value to select from", None)))?;
        for (i, component) in path.iter().enumerate() {
            // As the reference: a function on the way is called before selecting from it.
            self.auto_call(args, true)?;
            let shown = path[..=i].join(".");
            self.start(|mc, vm, ctx| select_component(mc, vm, ctx, component, &shown))?;
        }
        self.auto_call(args, always_call)
    }

    /// Compiles a source text (`-E`'s, stdin's, a `--arg`'s) into a chunk.
    fn compile_text(
        &mut self,
        origin: Origin,
        text: String,
        base: &Path,
    ) -> Result<code::ChunkId, EvalError> {
        let s = self;
        s.io.compile_text(&mut s.program, &mut s.symbols, &mut s.sources, &s.builtins, origin, text, base)
            .map(|(_, chunk)| chunk)
    }

    /// Compiles `--arg`s (strings of `--argstr` stay as they are).
    fn compile_auto_args(
        &mut self,
        auto_args: &[(String, AutoArg)],
        base: &Path,
    ) -> Result<Vec<(symbol::Symbol, AutoValue)>, EvalError> {
        let mut args = Vec::new();
        for (name, arg) in auto_args {
            let arg = match arg {
                AutoArg::Expr(e) => AutoValue::Code(self.compile_text(Origin::String, e.clone(), base)?),
                AutoArg::Str(s) => AutoValue::Str(s.clone()),
            };
            args.push((self.symbols.intern(name.as_bytes()), arg));
        }
        Ok(args)
    }

    /// The reference's normalised form of a source (`nix-instantiate --parse`), after
    /// the same checks compiling does.
    pub fn parse_only(&mut self, origin: Origin, text: String, base_dir: &Path) -> Result<String, EvalError> {
        let file = self.sources.add(origin, text);
        let env = compile::CompileEnv {
            program: &mut self.program,
            symbols: &mut self.symbols,
            globals: &self.builtins.globals,
            base_dir,
            home: self.io.home.as_deref(),
        };
        compile::show::show(env, file, self.sources.get(file))
    }

    /// Runs the native frame `make(value)` on the VM's value; its result replaces it.
    fn run_native(&mut self, make: impl for<'gc> FnOnce(Value<'gc>) -> Native<'gc>) -> Result<(), EvalError> {
        let mut ctx = ctx!(self);
        self.arena.mutate_root(|mc, vm| {
            let v = vm.result();
            vm.start(mc, v, Some(make(v)), &mut ctx)
        })?;
        self.run()
    }

    /// Replaces the VM's value by `make(...)` forced to weak head normal form.
    fn start(
        &mut self,
        make: impl for<'gc> FnOnce(&Mutation<'gc>, &mut Vm<'gc>, &mut Ctx<'_>) -> Result<Value<'gc>, EvalError>,
    ) -> Result<(), EvalError> {
        let mut ctx = ctx!(self);
        self.arena.mutate_root(|mc, vm| {
            let v = make(mc, vm, &mut ctx)?;
            vm.start(mc, v, None, &mut ctx)
        })?;
        self.run()
    }

    /// Calls the current value if it is a function taking a set, with the `--arg`s it
    /// names (all of them if it has `...`); nothing when there are no `--arg`s, unless
    /// `always`.
    fn auto_call(&mut self, args: &[(symbol::Symbol, AutoValue)], always: bool) -> Result<(), EvalError> {
        if args.is_empty() && !always {
            return Ok(());
        }
        self.start(|mc, vm, ctx| {
            let f = vm.result().resolved();
            let Value::Lambda(c) = f else { return Ok(f) };
            let lambda = ctx.program.lambda(c.lambda);
            let code::Params::Formals { formals, ellipsis, .. } = &lambda.params else { return Ok(f) };
            let mut set = AttrsBuilder::with_capacity(args.len());
            for (name, arg) in args {
                if *ellipsis || formals.iter().any(|x| x.name == *name) {
                    let v = match arg {
                        AutoValue::Code(code) => {
                            Value::Thunk(Thunk::new(mc, ThunkState::Suspended { code: *code, env: vm.root_env }))
                        }
                        AutoValue::Str(s) => Value::String(gc_arena::Gc::new(mc, NixString::plain(s.as_bytes()))),
                    };
                    set.push(*name, v);
                }
            }
            if let Some(missing) = formals.iter().find(|x| x.default.is_none() && !args.iter().any(|(n, _)| *n == x.name)) {
                return Err(EvalError::eval(
                    format!(
                        "cannot evaluate a function that has an argument without a value ('{}')\nNix attempted to evaluate a function as a top level expression; in\nthis case it must have its arguments supplied either by default\nvalues, or passed explicitly with '--arg' or '--argstr'. See\nhttps://nix.dev/manual/nix/stable/language/syntax.html#functions.",
                        ctx.symbols.display(missing.name)
                    ),
                    Some(lambda.span),
                ));
            }
            let set = set.finish(mc, ctx.symbols, true).unwrap_or_else(|_| Attrs::empty(mc));
            Ok(Value::apply(mc, f, Value::Attrs(set)))
        })
    }

    /// Runs the VM to completion, collecting garbage between steps.
    fn run(&mut self) -> Result<(), EvalError> {
        loop {
            let mut ctx = ctx!(self);
            let status = self.arena.mutate_root(|mc, vm| vm.run(mc, &mut ctx, FUEL))?;
            if let Status::Done = status {
                return Ok(());
            }
            if let Some(e) = self.stop_reason() {
                self.arena.mutate_root(|mc, vm| vm.abandon(mc));
                return Err(e);
            }
            if self.arena.metrics().allocation_debt() > 0.0 {
                self.arena.collect_debt();
                // gc-arena paces by the number of objects a collection kept, but a
                // kept list or set of a million values costs a million to trace: push
                // the next collection back by the values traced too, or a few big
                // lists make collection quadratic.
                let traced = value::take_traced() / VALUES_PER_OBJECT;
                self.arena.metrics().adjust_debt(-(traced as f64) * self.sleep_factor);
            }
        }
    }

    /// Why the evaluation running must stop now, if it must: the interrupt flag is set,
    /// or the budget of steps is spent.
    fn stop_reason(&mut self) -> Option<EvalError> {
        let interrupted =
            |f: &std::sync::Arc<std::sync::atomic::AtomicBool>| f.load(std::sync::atomic::Ordering::Relaxed);
        if self.options.interrupt.as_ref().is_some_and(interrupted) {
            return Some(EvalError::new(ErrorKind::Interrupted, "interrupted by the user", None));
        }
        match &mut self.budget {
            Some(0) => Some(EvalError::new(ErrorKind::Interrupted, "evaluation step limit reached", None)),
            Some(n) => {
                *n -= 1;
                None
            }
            None => None,
        }
    }

    /// The error rendered with its source line.
    pub fn render_error(&self, e: &EvalError, show_trace: bool) -> String {
        diagnostics::render(&self.sources, e, show_trace)
    }
}

impl Evaluator {
    /// Paces the collector for instantiation ([`INSTANTIATION_SLEEP_FACTOR`]), from
    /// its next cycle.
    fn pace_for_instantiation(&mut self) {
        self.sleep_factor = INSTANTIATION_SLEEP_FACTOR;
        self.arena.metrics().set_pacing(pacing(self.sleep_factor));
    }
}

/// Stop-the-world collection that sleeps for `sleep_factor` of what it kept.
fn pacing(sleep_factor: f64) -> gc_arena::metrics::Pacing {
    gc_arena::metrics::Pacing {
        sleep_factor,
        min_sleep: MIN_SLEEP,
        ..gc_arena::metrics::Pacing::STOP_THE_WORLD
    }
}

/// A `--arg` (compiled) or `--argstr`.
enum AutoValue {
    Code(code::ChunkId),
    Str(String),
}

/// The request's attribute paths, or one empty path when it has none.
fn attr_paths(req: &Request) -> Vec<Option<&str>> {
    if req.attr_paths.is_empty() {
        return vec![None];
    }
    req.attr_paths.iter().map(|p| Some(p.as_str())).collect()
}

/// Splits `a.b."c.d".0` into its components.
fn split_attr_path(path: &str) -> Result<Vec<String>, EvalError> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in path.chars() {
        match c {
            '"' => quoted = !quoted,
            '.' if !quoted => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    if quoted {
        return Err(EvalError::eval(format!("missing closing quote in selection path '{path}'"), None));
    }
    out.push(cur);
    if out.iter().any(String::is_empty) {
        return Err(EvalError::eval(format!("empty attribute name in selection path '{path}'"), None));
    }
    Ok(out)
}

/// One `-A` step: an attribute of a set, or an element of a list by index.
fn select_component<'gc>(
    _: &Mutation<'gc>,
    vm: &mut Vm<'gc>,
    ctx: &mut Ctx<'_>,
    component: &str,
    shown: &str,
) -> Result<Value<'gc>, EvalError> {
    match vm.result().resolved() {
        Value::Attrs(a) => {
            let name = ctx.symbols.intern(component.as_bytes());
            a.get(ctx.symbols, name).ok_or_else(|| {
                let names: Vec<_> =
                    a.entries(ctx.symbols).iter().map(|e| ctx.symbols.display(e.name).into_owned()).collect();
                EvalError::eval(
                    format!("attribute '{component}' in selection path '{shown}' not found"),
                    None,
                )
                .with_hint(error::suggestion(component, names.iter().map(String::as_str)))
            })
        }
        Value::List(l) if component.parse::<usize>().is_ok() => {
            let i: usize = component.parse().unwrap_or(usize::MAX);
            l.0.get(i).copied().ok_or_else(|| {
                EvalError::eval(format!("list index {i} in selection path '{shown}' is out of range"), None)
            })
        }
        other => Err(EvalError::eval(
            format!(
                "the expression selected by the selection path '{shown}' should be a set but is {}",
                other.type_phrase()
            ),
            None,
        )),
    }
}
