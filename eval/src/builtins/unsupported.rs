//! Builtins of the reference that need the network (the fetchers). Ferrix does not
//! evaluate them yet; they exist so that the names are bound as in the reference
//! (`builtins ? fetchGit`), and calling one is an error that says so.

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
    global("fetchTarball", 1, 0, unsupported!("fetchTarball")),
    global("fetchGit", 1, 0, unsupported!("fetchGit")),
    global("fetchMercurial", 1, 0, unsupported!("fetchMercurial")),
    prim("fetchurl", 1, 0, unsupported!("fetchurl")),
];
