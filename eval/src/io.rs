//! The evaluator's access to the outside world: reading and compiling source files
//! (each file once; a directory means its `default.nix`). Later steps add the store.

use crate::builtins::Builtins;
use crate::code::{ChunkId, Program};
use crate::compile::{CompileEnv, compile_source};
use crate::error::EvalError;
use crate::source::{FileId, Origin, Sources};
use crate::symbol::Interner;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Default)]
pub struct EvalIo {
    by_path: HashMap<PathBuf, FileId>,
    chunks: HashMap<u32, ChunkId>,
    pub home: Option<PathBuf>,
}

impl EvalIo {
    pub fn new() -> EvalIo {
        EvalIo { home: std::env::var_os("HOME").map(PathBuf::from), ..EvalIo::default() }
    }

    /// Compiles a source text (a file's, `-E`'s or stdin's) into a chunk.
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
        let env =
            CompileEnv { program, symbols, globals: &builtins.globals, base_dir, home: self.home.as_deref() };
        let chunk = compile_source(env, file, sources.get(file))?;
        self.chunks.insert(file.0, chunk);
        Ok((file, chunk))
    }

    /// Loads `path` (a file, or a directory's `default.nix`) once.
    pub fn load(
        &mut self,
        program: &mut Program,
        symbols: &mut Interner,
        sources: &mut Sources,
        builtins: &Builtins,
        path: &Path,
    ) -> Result<FileId, EvalError> {
        let file_path = if path.is_dir() { path.join("default.nix") } else { path.to_owned() };
        if let Some(&f) = self.by_path.get(&file_path) {
            return Ok(f);
        }
        let bytes = std::fs::read(&file_path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                EvalError::eval(format!("path '{}' does not exist", file_path.display()), None)
            }
            _ => EvalError::eval(format!("cannot read '{}': {}", file_path.display(), io_reason(&e)), None),
        })?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let base = file_path.parent().unwrap_or(Path::new("/")).to_owned();
        let (file, _) = self.compile_text(
            program,
            symbols,
            sources,
            builtins,
            Origin::File(file_path.clone()),
            text,
            &base,
        )?;
        self.by_path.insert(file_path, file);
        Ok(file)
    }

    pub fn chunk_of(&self, file: FileId) -> Option<ChunkId> {
        self.chunks.get(&file.0).copied()
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
