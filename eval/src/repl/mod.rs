//! The session behind `ferrix repl`: a scope of variables (their values kept in the
//! VM's [`Roots`], their names here) in which each input is compiled, as
//! `scopedImport` compiles a file, so that REPL variables hide builtins of the same
//! name. Bindings are lazy; `:l`, `:a` and `:r` add or rebuild the scope; values are
//! printed as the reference's REPL prints them ([`print`]).

mod print;

pub use print::Style;

use crate::code::ChunkId;
use crate::compile::{CompileEnv, compile_source};
use crate::error::{ErrorKind, EvalError};
use crate::source::Origin;
use crate::symbol::{Symbol, known};
use crate::value::{Env, NixString, Thunk, ThunkState, Value};
use crate::vm::Vm;
use crate::{AutoArg, AutoValue, Evaluator, Options};
use gc_arena::{Collect, Gc, Mutation};
use std::path::{Path, PathBuf};

/// Runs of steps a completion may take to evaluate the set it completes in.
const COMPLETION_BUDGET: u32 = 64;

/// What the session keeps alive in the arena.
#[derive(Collect, Default)]
#[collect(no_drop)]
pub struct Roots<'gc> {
    /// The variables' values, in the order of [`Session`]'s names.
    scope: Vec<Value<'gc>>,
    /// The value being printed.
    shown: Option<Value<'gc>>,
    /// Thunks the printer met unevaluated, to force before printing again.
    pending: Vec<Value<'gc>>,
}

/// What `:doc` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocTarget {
    /// A builtin, by its name.
    Builtin(String),
    /// A function written in Nix, by its position (`file:line:col`).
    Lambda(String),
}

/// A REPL session: the evaluator, the scope's names and the files loaded.
pub struct Session {
    ev: Evaluator,
    names: Vec<Symbol>,
    files: Vec<PathBuf>,
    /// `--arg`s and `--argstr`s for the functions files loaded evaluate to.
    auto_args: Vec<(Symbol, AutoValue)>,
    /// Base of relative paths in inputs (the working directory).
    base_dir: PathBuf,
}

impl Session {
    pub fn new(options: Options, base_dir: PathBuf) -> Session {
        let ev = Evaluator::new(options);
        Session { ev, names: Vec::new(), files: Vec::new(), auto_args: Vec::new(), base_dir }
    }

    /// Sets the arguments that functions loaded by `:l` are called with (`--arg`,
    /// `--argstr`).
    pub fn set_auto_args(&mut self, args: &[(String, AutoArg)]) -> Result<(), EvalError> {
        let compiled = self.ev.compile_auto_args(args, &self.base_dir)?;
        self.auto_args = compiled;
        Ok(())
    }

    pub fn evaluator(&self) -> &Evaluator {
        &self.ev
    }

    pub fn evaluator_mut(&mut self) -> &mut Evaluator {
        &mut self.ev
    }

    /// True when `text` only lacks an ending: its first syntax error is at its end
    /// (an open bracket, string or `let`), so the REPL reads another line.
    pub fn is_incomplete(text: &str) -> bool {
        let parsed = crate::compile::on_large_stack(|| {
            crate::compile::parse::parse(text, crate::source::FileId(0)).map(drop)
        });
        match parsed {
            Err(e) => e.span.is_some_and(|s| s.start as usize >= text.trim_end().len()),
            Ok(()) => false,
        }
    }

    /// Evaluates `text` and prints its value as the reference's REPL does.
    pub fn print(&mut self, text: &str, style: Style) -> Result<Vec<u8>, EvalError> {
        self.evaluate(text)?;
        self.ev.arena.mutate_root(|_, vm| vm.repl.shown = Some(vm.result()));
        let printed = self.print_shown(style);
        self.ev.arena.mutate_root(|_, vm| {
            vm.repl.shown = None;
            vm.repl.pending.clear();
        });
        printed
    }

    /// Binds `name` to the expression in `text` after its first `skip` bytes (`name =`),
    /// unevaluated.
    pub fn bind(&mut self, name: &str, text: &str, skip: usize) -> Result<(), EvalError> {
        let code = self.compile(text, skip)?;
        let name = self.ev.symbols.intern(name.as_bytes());
        let names = &mut self.names;
        self.ev.arena.mutate_root(|mc, vm| {
            let v = in_scope(mc, vm, code);
            set_var(names, vm, name, v);
        });
        Ok(())
    }

    /// `:a`: adds the attributes of the set `text` evaluates to; gives their names.
    pub fn add(&mut self, text: &str) -> Result<Vec<String>, EvalError> {
        self.evaluate(text)?;
        self.add_result()
    }

    /// `:l`: loads a file as `import` does (calling a function with `{}` when all its
    /// arguments have defaults) and adds its attributes; it is reloaded by `:r`.
    pub fn load(&mut self, path: &Path) -> Result<Vec<String>, EvalError> {
        let path = self.base_dir.join(path);
        if !self.ev.io.real_path(&path)?.exists() {
            return Err(EvalError::eval(format!("path '{}' does not exist", path.display()), None));
        }
        self.files.retain(|f| *f != path);
        self.files.push(path.clone());
        self.load_file(&path)
    }

    /// `:r`: empties the scope, forgets every file read, and loads the files again,
    /// giving the names each added (or its error).
    pub fn reload(&mut self) -> Vec<Result<Vec<String>, EvalError>> {
        self.names.clear();
        self.ev.io.forget_files();
        self.ev.arena.mutate_root(|_, vm| {
            vm.repl.scope.clear();
            vm.imports.clear();
        });
        let files = self.files.clone();
        files.iter().map(|f| self.load_file(f)).collect()
    }

    /// `:t`: the reference's description of the value's type.
    pub fn type_of(&mut self, text: &str) -> Result<String, EvalError> {
        self.evaluate(text)?;
        let ctx = ctx!(self.ev);
        Ok(self.ev.arena.mutate(|_, vm| match vm.result().resolved() {
            Value::PrimOp(op) => format!("the built-in function '{}'", ctx.builtins.def(op).name),
            Value::PrimOpApp(app) => {
                format!("the partially applied built-in function '{}'", ctx.builtins.def(app.op).name)
            }
            other => other.type_phrase().to_owned(),
        }))
    }

    /// `:doc`: the builtin or function `text` evaluates to.
    pub fn doc_target(&mut self, text: &str) -> Result<DocTarget, EvalError> {
        self.evaluate(text)?;
        let ctx = ctx!(self.ev);
        self.ev.arena.mutate(|_, vm| match vm.result().resolved() {
            Value::PrimOp(op) => Ok(DocTarget::Builtin(ctx.builtins.def(op).name.to_owned())),
            Value::PrimOpApp(app) => Ok(DocTarget::Builtin(ctx.builtins.def(app.op).name.to_owned())),
            Value::Lambda(c) => {
                let span = ctx.program.lambda(c.lambda).span;
                Ok(DocTarget::Lambda(ctx.sources.get(span.file).position(span.start)))
            }
            _ => Err(EvalError::eval("value does not have documentation", None)),
        })
    }

    /// `:b` and `:log`: the `.drv` path of the derivation `text` evaluates to (written
    /// to the store).
    pub fn derivation_path(&mut self, text: &str) -> Result<String, EvalError> {
        self.evaluate(text)?;
        self.ev.arena.mutate_root(|_, vm| vm.repl.shown = Some(vm.result()));
        let path = self.drv_path_of_shown();
        self.ev.arena.mutate_root(|_, vm| vm.repl.shown = None);
        path
    }

    /// The `drvPath` of the value shown, if it is a derivation.
    fn drv_path_of_shown(&mut self) -> Result<String, EvalError> {
        let not_derivation =
            || EvalError::eval("expression does not evaluate to a derivation, so I can't build it", None);
        if self.select(known::TYPE)?.flatten().as_deref() != Some("derivation") {
            return Err(not_derivation());
        }
        let path = self.select(known::DRV_PATH)?.flatten().ok_or_else(not_derivation)?;
        self.ev.io.store.flush()?;
        Ok(path)
    }

    /// Completions of `prefix`: `expr.attr` completes the attributes of `expr`'s set
    /// (evaluated within a budget of steps: an error or a long evaluation offers
    /// nothing); anything else completes the variables in scope and the globals.
    pub fn complete(&mut self, prefix: &str) -> Vec<String> {
        match prefix.rsplit_once('.') {
            Some((expr, attr)) => self
                .attribute_names(expr)
                .into_iter()
                .filter(|n| n.starts_with(attr))
                .map(|n| format!("{expr}.{n}"))
                .collect(),
            None => {
                let scope = self.names.iter().chain(self.ev.builtins.globals.keys());
                let mut names: Vec<String> = scope
                    .map(|s| self.ev.symbols.display(*s).into_owned())
                    .filter(|n| n.starts_with(prefix))
                    .collect();
                names.sort();
                names.dedup();
                names
            }
        }
    }

    /// The attribute names of the set `expr` evaluates to, if it does within the
    /// completion budget.
    fn attribute_names(&mut self, expr: &str) -> Vec<String> {
        self.ev.budget = Some(COMPLETION_BUDGET);
        let evaluated = self.evaluate(expr);
        self.ev.budget = None;
        if evaluated.is_err() {
            return Vec::new();
        }
        let symbols = &self.ev.symbols;
        self.ev.arena.mutate(|_, vm| match vm.result().resolved() {
            Value::Attrs(a) => {
                a.entries(symbols).iter().map(|e| crate::print::attr_name(symbols, e.name)).collect()
            }
            _ => Vec::new(),
        })
    }

    /// Compiles `text` (its first `skip` bytes blanked) in the session's scope.
    fn compile(&mut self, text: &str, skip: usize) -> Result<ChunkId, EvalError> {
        let ev = &mut self.ev;
        let file = ev.sources.add(Origin::String, text.to_owned());
        let source = ev.sources.get(file).blanked(skip);
        let env = CompileEnv {
            program: &mut ev.program,
            symbols: &mut ev.symbols,
            globals: &ev.builtins.globals,
            base_dir: &self.base_dir,
            home: ev.io.home.as_deref(),
        };
        compile_source(env, file, &source, &self.names)
    }

    /// Evaluates `text` in the scope to weak head normal form: the VM's value.
    fn evaluate(&mut self, text: &str) -> Result<(), EvalError> {
        let code = self.compile(text, 0)?;
        let result = self.ev.start(|mc, vm, _| Ok(in_scope(mc, vm, code)));
        // What evaluation wrote is made valid, also after an error.
        self.ev.io.store.flush()?;
        result
    }

    /// Loads the file at `path` (absolute) and adds its attributes.
    fn load_file(&mut self, path: &Path) -> Result<Vec<String>, EvalError> {
        let import = self.ev.builtins.index_of("import");
        let bytes = path.as_os_str().as_encoded_bytes().to_vec();
        self.ev.start(|mc, _, _| {
            let path = Value::Path(Gc::new(mc, NixString::plain(bytes)));
            Ok(Value::apply(mc, Value::PrimOp(import), path))
        })?;
        self.ev.auto_call(&self.auto_args, true)?;
        self.add_result()
    }

    /// Adds the attributes of the VM's value (a set) to the scope; gives their names.
    fn add_result(&mut self) -> Result<Vec<String>, EvalError> {
        let ctx = ctx!(self.ev);
        let names = &mut self.names;
        self.ev.arena.mutate_root(|_, vm| {
            let set = crate::builtins::util::attrs(&ctx, vm.result().resolved()).map_err(|mut e| {
                e.add_trace("while evaluating an attribute set to be merged in the global scope", None);
                e
            })?;
            let entries = set.entries(ctx.symbols);
            for e in entries {
                set_var(names, vm, e.name, e.value);
            }
            Ok(entries.iter().map(|e| ctx.symbols.display(e.name).into_owned()).collect())
        })
    }

    /// The attribute `name` of the value shown (a set), forced: `None` if it is not a
    /// set or lacks it, `Some(None)` if it is not a string.
    fn select(&mut self, name: Symbol) -> Result<Option<Option<String>>, EvalError> {
        let mut found = false;
        self.ev.start(|_, vm, ctx| {
            let v = match vm.repl.shown.map(Value::resolved) {
                Some(Value::Attrs(a)) => a.get(ctx.symbols, name),
                _ => None,
            };
            found = v.is_some();
            Ok(v.unwrap_or(Value::Null))
        })?;
        if !found {
            return Ok(None);
        }
        Ok(Some(self.ev.arena.mutate(|_, vm| match vm.result().resolved() {
            Value::String(s) => Some(s.lossy().into_owned()),
            _ => None,
        })))
    }
}

/// A thunk of `code` in an environment holding the scope's values.
fn in_scope<'gc>(mc: &Mutation<'gc>, vm: &Vm<'gc>, code: ChunkId) -> Value<'gc> {
    let env = Env::new(mc, Some(vm.root_env), vm.repl.scope.len());
    for (slot, v) in vm.repl.scope.iter().enumerate() {
        Env::set(env, mc, slot, *v);
    }
    Value::Thunk(Thunk::new(mc, ThunkState::Suspended { code, env }))
}

/// Binds `name` in the scope, replacing its value if it is bound already.
fn set_var<'gc>(names: &mut Vec<Symbol>, vm: &mut Vm<'gc>, name: Symbol, v: Value<'gc>) {
    match names.iter().position(|n| *n == name) {
        Some(i) => vm.repl.scope[i] = v,
        None => {
            names.push(name);
            vm.repl.scope.push(v);
        }
    }
}

/// True for the error of an evaluation stopped from outside.
pub fn is_interrupted(e: &EvalError) -> bool {
    e.kind == ErrorKind::Interrupted
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    fn session(interrupt: Option<Arc<AtomicBool>>) -> Session {
        let options = Options { interrupt, ..Options::default() };
        Session::new(options, PathBuf::from("/"))
    }

    fn printed(s: &mut Session, text: &str) -> String {
        let bytes = s.print(text, Style::default()).unwrap_or_else(|e| panic!("{text}: {}", e.message));
        String::from_utf8(bytes).expect("utf-8")
    }

    #[test]
    fn input_is_incomplete_only_when_it_lacks_its_end() {
        for text in ["let a = 1;", "{ a = 1;", "[ 1", "\"multi", "''a", "1 +", "(x: x", ""] {
            assert!(Session::is_incomplete(text), "{text:?}");
        }
        for text in ["1", "1 +\n:t 1", "{ a = 1 }", "a b c = 1", ")"] {
            assert!(!Session::is_incomplete(text), "{text:?}");
        }
    }

    #[test]
    fn bindings_shadow_builtins_and_keep_their_values() {
        let mut s = session(None);
        s.bind("map", "map = 5", 5).unwrap();
        s.bind("x", "x = map + 1", 3).unwrap();
        s.bind("map", "map = 7", 5).unwrap();
        assert_eq!(printed(&mut s, "x"), "6");
        assert_eq!(printed(&mut s, "map"), "7");
        // Once, though it is both a variable and a global.
        assert_eq!(s.complete("map"), ["map"]);
        assert!(s.complete("__mapA").contains(&"__mapAttrs".to_owned()));
    }

    #[test]
    fn an_interrupted_evaluation_leaves_its_thunks_to_evaluate_again() {
        let flag = Arc::new(AtomicBool::new(true));
        let mut s = session(Some(flag.clone()));
        let text = "y = builtins.foldl' (a: b: a + b) 0 (builtins.genList (x: x) 100000)";
        s.bind("y", text, 3).unwrap();
        let e = s.print("y", Style::default()).unwrap_err();
        assert!(is_interrupted(&e), "{}", e.message);
        assert_eq!(e.message, "interrupted by the user");
        flag.store(false, Ordering::Relaxed);
        assert_eq!(printed(&mut s, "y"), "4999950000");
    }

    #[test]
    fn completion_offers_names_and_attributes_and_gives_up_on_endless_sets() {
        let mut s = session(None);
        assert!(s.complete("builtins.toStr").contains(&"builtins.toString".to_owned()));
        s.bind("x", "x = { abc = 1; abd = 2; other = 3; }", 3).unwrap();
        assert_eq!(s.complete("x.ab"), ["x.abc", "x.abd"]);
        let endless = "builtins.genericClosure { startSet = [ { key = 0; } ]; operator = x: [ { key = x.key + 1; } ]; }";
        s.bind("loop", &format!("loop = builtins.seq (builtins.length ({endless})) {{ a = 1; }}"), 6)
            .unwrap();
        assert_eq!(s.complete("loop.a"), Vec::<String>::new());
        assert_eq!(s.complete("(throw \"x\").a"), Vec::<String>::new());
        // The session still works after a completion gave up.
        assert_eq!(printed(&mut s, "x.abc"), "1");
    }

    #[test]
    fn colours_are_the_references() {
        let mut s = session(None);
        let text = "{ i = 1; s = \"x\"; p = /a; f = builtins.map; e = throw \"no\"; }";
        let out = s.print(text, Style { colour: true, deep: false }).expect("printed");
        let out = String::from_utf8(out).expect("utf-8");
        for part in [
            "i = \x1b[36;1m1\x1b[0m;",
            "s = \x1b[35;1m\"x\"\x1b[0m;",
            "p = \x1b[32;1m/a\x1b[0m;",
            "f = \x1b[34;1m«primop map»\x1b[0m;",
            "e = \x1b[31;1m«error: no»\x1b[0m;",
        ] {
            assert!(out.contains(part), "{part:?} in {out:?}");
        }
    }

    #[test]
    fn deep_values_print_without_deep_recursion() {
        let mut s = session(None);
        let text = "builtins.foldl' (acc: _: [ acc ]) [ ] (builtins.genList (x: x) 3000)";
        let out = s.print(text, Style { colour: false, deep: true }).expect("printed");
        assert_eq!(out.iter().filter(|b| **b == b'[').count(), 3001);
    }
}
