//! The evaluator's access to the outside world: reading and compiling source files
//! (each file read once, and compiled once for each scope it is imported with; a
//! directory means its `default.nix`), and the store ([`store`]).

pub mod stdlib;
pub mod store;

pub use store::EvalStore;

use crate::builtins::Builtins;
use crate::code::{ChunkId, Program};
use crate::compile::{CompileEnv, compile_source};
use crate::error::EvalError;
use crate::source::{FileId, Origin, Sources};
use crate::symbol::{Interner, Symbol};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub struct EvalIo {
    /// Files read, by path (a directory's `default.nix` under that file's path).
    by_path: HashMap<PathBuf, FileId>,
    /// Compiled files, by file and the names of the scope around it.
    chunks: HashMap<(u32, Box<[Symbol]>), ChunkId>,
    pub home: Option<PathBuf>,
    pub store: EvalStore,
}

impl EvalIo {
    /// I/O with the store at `store_root` (else the default one), written to when
    /// `writable` (instantiation, `--read-write-mode`).
    pub fn new(store_root: Option<PathBuf>, writable: bool) -> EvalIo {
        EvalIo {
            by_path: HashMap::new(),
            chunks: HashMap::new(),
            home: std::env::var_os("HOME").map(PathBuf::from),
            store: EvalStore::new(store_root, writable),
        }
    }

    /// Compiles a source text (`-E`'s, stdin's, a `--arg`'s) into a chunk.
    #[allow(clippy::too_many_arguments)]
    pub fn compile_text(
        &mut self,
        program: &mut Program,
        symbols: &mut Interner,
        sources: &mut Sources,
        builtins: &Builtins,
        origin: Origin,
        text: String,
        base_dir: &Path,
    ) -> Result<(FileId, ChunkId), EvalError> {
        let file = sources.add(origin, text);
        let chunk = self.compile(program, symbols, sources, builtins, file, base_dir, &[])?;
        Ok((file, chunk))
    }

    /// Loads `path` (a file, or a directory's `default.nix`) and compiles it with `names`
    /// bound in a scope around it (`scopedImport`'s; none for `import`), each once.
    pub fn load(
        &mut self,
        program: &mut Program,
        symbols: &mut Interner,
        sources: &mut Sources,
        builtins: &Builtins,
        path: &Path,
        names: &[Symbol],
    ) -> Result<(FileId, ChunkId), EvalError> {
        let (file, base) = self.read(sources, path)?;
        let key = (file.0, Box::from(names));
        if let Some(&chunk) = self.chunks.get(&key) {
            return Ok((file, chunk));
        }
        let chunk = self.compile(program, symbols, sources, builtins, file, &base, names)?;
        self.chunks.insert(key, chunk);
        Ok((file, chunk))
    }

    /// Forgets the files read and compiled, so that they are read again from disk (the
    /// REPL's `:reload`).
    pub fn forget_files(&mut self) {
        self.by_path.clear();
        self.chunks.clear();
    }

    /// Reads the source at `path` (once) and gives it with its directory.
    fn read(&mut self, sources: &mut Sources, path: &Path) -> Result<(FileId, PathBuf), EvalError> {
        let file_path =
            if self.real_path(path)?.is_dir() { path.join("default.nix") } else { path.to_owned() };
        let base = file_path.parent().unwrap_or(Path::new("/")).to_owned();
        if let Some(&f) = self.by_path.get(&file_path) {
            return Ok((f, base));
        }
        let bytes = std::fs::read(self.real_path(&file_path)?).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                EvalError::eval(format!("path '{}' does not exist", file_path.display()), None)
            }
            _ => EvalError::eval(format!("cannot read '{}': {}", file_path.display(), io_reason(&e)), None),
        })?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let file = sources.add(Origin::File(file_path.clone()), text);
        self.by_path.insert(file_path, file);
        Ok((file, base))
    }

    /// Where `path` is read from (see [`store::EvalStore::real_path`]).
    pub fn real_path(&mut self, path: &Path) -> Result<PathBuf, EvalError> {
        self.store.real_path(path)
    }

    #[allow(clippy::too_many_arguments)]
    fn compile(
        &self,
        program: &mut Program,
        symbols: &mut Interner,
        sources: &Sources,
        builtins: &Builtins,
        file: FileId,
        base_dir: &Path,
        scope: &[Symbol],
    ) -> Result<ChunkId, EvalError> {
        let env =
            CompileEnv { program, symbols, globals: &builtins.globals, base_dir, home: self.home.as_deref() };
        compile_source(env, file, sources.get(file), scope)
    }
}

/// An I/O error's reason without Rust's "(os error N)" suffix.
fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}
