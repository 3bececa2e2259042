//! The compiler: rnix syntax tree → bytecode chunks. Scopes are resolved here (only
//! `with` is looked up at run time), attribute paths are merged, and the programs the
//! reference rejects after parsing (duplicate attributes or formals, undefined
//! variables, ...) are rejected with its messages.

mod bindings;
pub(crate) mod contexts;
mod expr;
pub mod parse;
mod scope;
pub mod show;
pub mod strings;
pub(crate) mod syntax;

use crate::code::{Chunk, ChunkId, Op, Program};
use crate::error::EvalError;
use crate::source::{FileId, Pos, SourceFile, Span};
use crate::symbol::{Interner, Symbol};
use rowan::ast::AstNode;
use scope::Scope;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Everything a compilation needs from its surroundings.
pub struct CompileEnv<'a> {
    pub program: &'a mut Program,
    pub symbols: &'a mut Interner,
    pub globals: &'a HashMap<Symbol, u16>,
    /// Base for relative path literals (the file's directory, or the working directory).
    pub base_dir: &'a Path,
    /// `$HOME`, for `~/` paths.
    pub home: Option<&'a Path>,
}

/// Compiles a whole source to a chunk that evaluates it in an environment whose slots
/// are named by `scope` (none for the top-level environment; `scopedImport`'s names,
/// which hide globals of the same name).
pub fn compile_source(
    env: CompileEnv<'_>,
    file: FileId,
    source: &SourceFile,
    scope: &[Symbol],
) -> Result<ChunkId, EvalError> {
    with_parsed(env, file, source, |c, expr| {
        c.scopes = vec![Scope::Slots { names: scope.iter().copied().map(Some).collect(), filling: false }];
        c.thunk(expr)
    })
}

/// Parses `source` and runs `f` with a compiler over its expression. Parsing and
/// compiling recurse over the tree, so this runs on a thread with a large stack (the
/// pre-scan in [`parse`] bounds the depth), where the tree is also dropped.
pub(crate) fn with_parsed<T: Send>(
    env: CompileEnv<'_>,
    file: FileId,
    source: &SourceFile,
    f: impl FnOnce(&mut Compiler<'_>, &rnix::ast::Expr) -> Result<T, EvalError> + Send,
) -> Result<T, EvalError> {
    on_large_stack(|| {
        let root = parse::parse(&source.text, file)?;
        let mut c = Compiler::new(env, file, source);
        let expr = root.expr().ok_or_else(|| c.missing(root.syntax()))?;
        f(&mut c, &expr)
    })
}

/// Runs `f` (parsing, compiling: recursive) on a thread with a large stack.
pub(crate) fn on_large_stack<T: Send>(
    f: impl FnOnce() -> Result<T, EvalError> + Send,
) -> Result<T, EvalError> {
    const STACK: usize = 512 << 20;
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .name("ferrix-compile".into())
            .stack_size(STACK)
            .spawn_scoped(s, f)
            .map_err(|e| EvalError::eval(format!("cannot start the compiler thread: {e}"), None))?
            .join()
            .unwrap_or_else(|_| Err(EvalError::eval("the compiler crashed", None)))
    })
}

pub struct Compiler<'a> {
    program: &'a mut Program,
    symbols: &'a mut Interner,
    globals: &'a HashMap<Symbol, u16>,
    base_dir: PathBuf,
    home: Option<PathBuf>,
    file: FileId,
    source: &'a SourceFile,
    scopes: Vec<Scope>,
    /// Chunks being built, innermost last.
    chunks: Vec<Chunk>,
}

impl<'a> Compiler<'a> {
    fn new(env: CompileEnv<'a>, file: FileId, source: &'a SourceFile) -> Compiler<'a> {
        Compiler {
            program: env.program,
            symbols: env.symbols,
            globals: env.globals,
            base_dir: env.base_dir.to_owned(),
            home: env.home.map(Path::to_owned),
            file,
            source,
            scopes: vec![Scope::Slots { names: Vec::new(), filling: false }],
            chunks: Vec::new(),
        }
    }

    fn span(&self, node: &rnix::SyntaxNode) -> Span {
        let r = node.text_range();
        Span { file: self.file, start: r.start().into(), end: r.end().into() }
    }

    /// `file:line:col` of a span, as messages quote positions.
    fn position(&self, span: Span) -> String {
        self.source.position(span.start)
    }

    /// The position of a span's start.
    fn pos(&self, span: Span) -> Pos {
        self.source.pos(span.start)
    }

    /// An error for a node rnix left incomplete (it only does so with syntax errors,
    /// which are reported before compiling; this is a safety net).
    fn missing(&self, node: &rnix::SyntaxNode) -> EvalError {
        EvalError::parse("syntax error: incomplete expression", self.span(node))
    }

    fn chunk(&mut self) -> &mut Chunk {
        self.chunks.last_mut().expect("a chunk is being compiled")
    }

    fn emit(&mut self, op: Op, span: Span) -> usize {
        self.chunk().push(op, span)
    }

    /// Emits a jump to be patched later.
    fn emit_jump(&mut self, op: fn(i32) -> Op, span: Span) -> usize {
        self.emit(op(0), span)
    }

    /// Points the jump at `at` to the next op.
    fn patch_jump(&mut self, at: usize) {
        let target = self.chunk().ops.len();
        let offset = (target - at - 1) as i32;
        let op = &mut self.chunk().ops[at];
        *op = match *op {
            Op::Jump(_) => Op::Jump(offset),
            Op::JumpIfFalse(_) => Op::JumpIfFalse(offset),
            Op::JumpIfTrue(_) => Op::JumpIfTrue(offset),
            Op::SelectOr(s, _) => Op::SelectOr(s, offset),
            Op::SelectDynamicOr(_) => Op::SelectDynamicOr(offset),
            other => other,
        };
    }

    /// Compiles `e` into its own chunk, evaluated for its value.
    fn thunk(&mut self, e: &rnix::ast::Expr) -> Result<ChunkId, EvalError> {
        let span = self.span(e.syntax());
        self.chunk_of(span, |c| c.value(e))
    }

    /// Compiles what `body` emits (a value) into its own chunk, returning at `span`.
    fn chunk_of(
        &mut self,
        span: Span,
        body: impl FnOnce(&mut Self) -> Result<(), EvalError>,
    ) -> Result<ChunkId, EvalError> {
        self.chunks.push(Chunk::default());
        // The chunk runs when forced, after the scopes around it have been filled: its
        // variables can be read directly (and so keep their identity, which printing
        // shows as `«repeated»`).
        let filling = self.mark_filled();
        let result = body(self);
        self.mark_filling(&filling);
        self.emit(Op::Return, span);
        let mut chunk = self.chunks.pop().expect("pushed above");
        result?;
        chunk.arithmetic = chunk.is_arithmetic();
        Ok(self.program.add_chunk(chunk))
    }

    /// Marks every scope as filled, and gives those that were being filled.
    fn mark_filled(&mut self) -> Vec<usize> {
        let mut were = Vec::new();
        for (i, scope) in self.scopes.iter_mut().enumerate() {
            if let Scope::Slots { filling: filling @ true, .. } = scope {
                *filling = false;
                were.push(i);
            }
        }
        were
    }

    /// Marks the scopes at `which` as being filled again.
    fn mark_filling(&mut self, which: &[usize]) {
        for &i in which {
            if let Some(Scope::Slots { filling, .. }) = self.scopes.get_mut(i) {
                *filling = true;
            }
        }
    }

    fn resolve(&self, name: Symbol, skip: usize) -> Option<scope::Var> {
        scope::resolve(&self.scopes, skip, name, |n| self.globals.get(&n).copied())
    }
}
