//! Compile-time scopes. Each scope is one run-time environment: a scope of named slots
//! (a lambda's parameters, a `let`, a `rec` set, hidden slots for `inherit (e)`), or a
//! `with`. Variables resolve to (depth, slot), to a global, or to a run-time `with`
//! lookup when only a `with` can supply them.

use crate::symbol::Symbol;

pub enum Scope {
    Slots {
        /// Slot names; hidden slots have none.
        names: Vec<Option<Symbol>>,
        /// While a `let`/`rec` scope's slots are being filled, its variables must be
        /// read through thunks: the slot may not be set yet.
        filling: bool,
    },
    With,
}

/// Where a variable comes from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Var {
    Local {
        depth: u16,
        slot: u16,
        filling: bool,
    },
    Global(u16),
    /// Not bound lexically, but a `with` encloses the use.
    With,
}

/// Resolves `name`, ignoring the innermost `skip` scopes (whose environments still count
/// for the depth). Lexical scopes win over globals, which win over `with`.
pub fn resolve(
    scopes: &[Scope],
    skip: usize,
    name: Symbol,
    global: impl Fn(Symbol) -> Option<u16>,
) -> Option<Var> {
    let mut in_with = false;
    for (depth, scope) in scopes.iter().rev().enumerate() {
        if depth < skip {
            continue;
        }
        match scope {
            Scope::With => in_with = true,
            Scope::Slots { names, filling } => {
                if let Some(slot) = names.iter().rposition(|n| *n == Some(name)) {
                    return Some(Var::Local { depth: depth as u16, slot: slot as u16, filling: *filling });
                }
            }
        }
    }
    global(name).map(Var::Global).or(in_with.then_some(Var::With))
}
