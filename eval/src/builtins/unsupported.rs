//! Builtins of the reference that Ferrix does not evaluate yet (`fetchMercurial`,
//! `path`, ...); they exist so that the names are bound as in the reference
//! (`builtins ? fetchMercurial`), and calling one is an error that says so.

use super::{PrimFn, PrimOpDef, global, prim};
use crate::error::EvalError;

/// The error of calling the unsupported builtin `name`.
fn unsupported(name: &str) -> EvalError {
    EvalError::eval(format!("'builtins.{name}' is not supported by Ferrix yet"), None)
}

/// A builtin that fails with [`unsupported`] when called.
macro_rules! unsupported {
    ($name:literal) => {{
        let f: PrimFn = |_, _, _, _| Err(unsupported($name));
        f
    }};
}

pub const PRIMOPS: &[PrimOpDef] = &[
    global("fetchMercurial", 1, 0, |_, _, _, _| {
        Err(EvalError::eval(
            "'builtins.fetchMercurial' is not supported by Ferrix: it cannot fetch Mercurial repositories (use builtins.fetchGit, builtins.fetchTarball or builtins.fetchurl)",
            None,
        ))
    }),
    prim("filterSource", 2, 0, unsupported!("filterSource")),
    prim("path", 1, 0, unsupported!("path")),
    prim("storePath", 1, 0, unsupported!("storePath")),
];
