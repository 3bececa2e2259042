//! Builtins of the reference that Ferrix does not evaluate: `fetchMercurial`. It exists
//! so that the name is bound as in the reference (`builtins ? fetchMercurial`), and
//! calling it is an error that says what to use instead.

use super::{PrimOpDef, global};
use crate::error::EvalError;

pub const PRIMOPS: &[PrimOpDef] = &[global("fetchMercurial", 1, 0, |_, _, _, _| {
    Err(EvalError::eval(
        "'builtins.fetchMercurial' is not supported by Ferrix: it cannot fetch Mercurial repositories (use builtins.fetchGit, builtins.fetchTarball or builtins.fetchurl)",
        None,
    ))
})];
