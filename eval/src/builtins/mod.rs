//! The builtins table: every primitive operation with its arity and which arguments it
//! needs forced, the global names (`map`, `__add`, `builtins`, `true`, ...), and the
//! values installed for them in the VM.

pub mod add_path;
pub mod arguments;
mod attrs;
mod context;
mod control;
pub mod derivation;
pub mod docs;
mod fetch;
mod files;
mod hashing;
pub mod higher;
mod import;
pub mod json;
mod lists;
mod numbers;
pub mod positions;
mod regex;
pub mod search;
mod store_objects;
mod strings;
mod toml;
mod types;
mod unsupported;
mod versions;
pub mod xml;

use crate::code::{Chunk, ChunkId, Op, Program};
use crate::error::EvalError;
use crate::source::Span;
use crate::symbol::{Interner, Symbol};
use crate::value::{Attrs, AttrsBuilder, Entry, NixString, Thunk, ThunkState, Value};
use crate::vm::native::Native;
use crate::vm::{Ctx, Vm};
use gc_arena::{Gc, Mutation};
use std::collections::HashMap;

/// The chunk that coerces `slot 0` to a string as interpolation does (`--raw`).
pub const COERCE_CHUNK: ChunkId = ChunkId(0);

/// The chunk that returns `slot 0` as it is: a thunk of it is a value that prints as
/// `<CODE>` until forced (see [`delayed`]).
pub const DELAY_CHUNK: ChunkId = ChunkId(1);

/// A program whose first chunks are [`COERCE_CHUNK`] and [`DELAY_CHUNK`].
pub fn new_program() -> Program {
    let mut p = Program::default();
    let local = Op::Local { depth: 0, slot: 0 };
    for (id, ops) in [
        (COERCE_CHUNK, &[local, Op::Force, Op::CoerceToString, Op::Return][..]),
        (DELAY_CHUNK, &[local, Op::Return][..]),
    ] {
        let mut c = Chunk::default();
        for &op in ops {
            c.push(op, Span::default());
        }
        let added = p.add_chunk(c);
        debug_assert_eq!(added, id);
    }
    p
}

/// A thunk that evaluates to `v` (which must be in weak head normal form).
pub fn delayed<'gc>(mc: &Mutation<'gc>, v: Value<'gc>) -> Value<'gc> {
    let env = crate::value::Env::new(mc, None, 1);
    crate::value::Env::set(env, mc, 0, v);
    Value::Thunk(Thunk::new(mc, ThunkState::Suspended { code: DELAY_CHUNK, env }))
}

/// What a builtin returns: a value (forced by the VM if it is a thunk), or a native
/// frame that continues the work.
pub enum Ret<'gc> {
    Value(Value<'gc>),
    Native(Native<'gc>),
    /// Force these values, then call the builtin again with the same arguments.
    Retry(Vec<Value<'gc>>),
}

/// The values among `vs` that are unevaluated thunks.
pub fn unforced<'gc>(vs: impl IntoIterator<Item = Value<'gc>>) -> Vec<Value<'gc>> {
    vs.into_iter().map(Value::resolved).filter(Value::is_thunk).collect()
}

/// A builtin's implementation. Strict arguments arrive forced.
pub type PrimFn =
    for<'gc, 'c> fn(&mut Vm<'gc>, &Mutation<'gc>, &mut Ctx<'c>, &[Value<'gc>]) -> Result<Ret<'gc>, EvalError>;

/// One builtin.
#[derive(Clone, Copy)]
pub struct PrimOpDef {
    pub name: &'static str,
    pub arity: u8,
    /// Bit `i` set: argument `i` is forced before the call.
    pub strict: u8,
    /// Bound as a global under its own name; otherwise the global name is `__name`.
    pub global: bool,
    /// Used by other builtins only: neither a global nor in the `builtins` set.
    pub internal: bool,
    pub f: PrimFn,
}

impl PrimOpDef {
    pub fn strict(&self, i: usize) -> bool {
        self.strict & (1 << i) != 0
    }
}

/// Shorthand for table entries.
pub const fn prim(name: &'static str, arity: u8, strict: u8, f: PrimFn) -> PrimOpDef {
    PrimOpDef { name, arity, strict, global: false, internal: false, f }
}

/// A table entry bound as a global under its own name (not `__name`).
pub const fn global(name: &'static str, arity: u8, strict: u8, f: PrimFn) -> PrimOpDef {
    PrimOpDef { name, arity, strict, global: true, internal: false, f }
}

/// A table entry for a builtin only other builtins use (see [`PrimOpDef::internal`]).
pub const fn internal(name: &'static str, arity: u8, strict: u8, f: PrimFn) -> PrimOpDef {
    PrimOpDef { name, arity, strict, global: false, internal: true, f }
}

/// What a global name is bound to.
enum GlobalInit {
    PrimOp(u16),
    Value(ConstValue),
    /// The `builtins` set itself.
    Builtins,
    /// The search path, `builtins.nixPath`.
    NixPath,
    /// `derivation`, written in Nix.
    Derivation,
}

/// Constants of the builtins set.
#[derive(Clone)]
pub enum ConstValue {
    Null,
    Bool(bool),
    Int(i64),
    String(&'static str),
    Owned(String),
}

/// The builtins table and the global scope built from it.
pub struct Builtins {
    defs: Vec<PrimOpDef>,
    constants: Vec<(&'static str, ConstValue)>,
    /// Global name → index into `Vm::globals`.
    pub globals: HashMap<Symbol, u16>,
    inits: Vec<GlobalInit>,
    /// `(prefix, path)` entries of the search path.
    nix_path: Vec<(String, String)>,
}

impl Builtins {
    pub fn new(symbols: &mut Interner, system: &str, nix_path: Vec<(String, String)>) -> Builtins {
        let mut defs = Vec::new();
        for table in [
            types::PRIMOPS,
            control::PRIMOPS,
            lists::PRIMOPS,
            attrs::PRIMOPS,
            context::PRIMOPS,
            store_objects::PRIMOPS,
            add_path::PRIMOPS,
            derivation::PRIMOPS,
            numbers::PRIMOPS,
            strings::PRIMOPS,
            higher::PRIMOPS,
            json::PRIMOPS,
            regex::PRIMOPS,
            versions::PRIMOPS,
            hashing::PRIMOPS,
            toml::PRIMOPS,
            xml::PRIMOPS,
            search::PRIMOPS,
            files::PRIMOPS,
            import::PRIMOPS,
            fetch::PRIMOPS,
            positions::PRIMOPS,
            unsupported::PRIMOPS,
        ] {
            defs.extend_from_slice(table);
        }
        let constants = vec![
            ("true", ConstValue::Bool(true)),
            ("false", ConstValue::Bool(false)),
            ("null", ConstValue::Null),
            ("langVersion", ConstValue::Int(6)),
            ("nixVersion", ConstValue::String("2.34.8")),
            ("storeDir", ConstValue::String(ferrix_store::STORE_DIR)),
            ("currentSystem", ConstValue::Owned(system.to_owned())),
        ];
        let mut b = Builtins { defs, constants, globals: HashMap::new(), inits: Vec::new(), nix_path };
        let mut bind = |b: &mut Builtins, name: &str, init: GlobalInit| {
            let sym = symbols.intern(name.as_bytes());
            b.globals.insert(sym, b.inits.len() as u16);
            b.inits.push(init);
        };
        // A name is global either as it is or with `__` in front, never both.
        for i in 0..b.defs.len() {
            let (name, global) = (b.defs[i].name, b.defs[i].global);
            if b.defs[i].internal {
                continue;
            }
            let global_name = if global { name.to_owned() } else { format!("__{name}") };
            bind(&mut b, &global_name, GlobalInit::PrimOp(i as u16));
        }
        for i in 0..b.constants.len() {
            let (name, value) = b.constants[i].clone();
            let global_name = match name {
                "true" | "false" | "null" => name.to_owned(),
                _ => format!("__{name}"),
            };
            bind(&mut b, &global_name, GlobalInit::Value(value));
        }
        bind(&mut b, "__nixPath", GlobalInit::NixPath);
        bind(&mut b, "derivation", GlobalInit::Derivation);
        bind(&mut b, "builtins", GlobalInit::Builtins);
        b
    }

    /// The index of the builtin named `name` (which must exist).
    pub fn index_of(&self, name: &str) -> u16 {
        self.defs.iter().position(|d| d.name == name).expect("a builtin of that name") as u16
    }

    pub fn def(&self, op: u16) -> &PrimOpDef {
        &self.defs[op as usize]
    }

    /// Builds the global values in the arena; `derivation` is the value of the chunk
    /// compiled from [`derivation::PRELUDE`].
    pub fn install<'gc>(
        &self,
        mc: &Mutation<'gc>,
        symbols: &mut Interner,
        vm: &mut Vm<'gc>,
        derivation: ChunkId,
    ) {
        let derivation =
            Value::Thunk(Thunk::new(mc, ThunkState::Suspended { code: derivation, env: vm.root_env }));
        // `builtins.builtins` is the set itself: a thunk completed after the set exists.
        let this = Thunk::new(mc, ThunkState::Blackhole);
        let mut set = AttrsBuilder::with_capacity(self.defs.len() + self.constants.len() + 1);
        for (i, d) in self.defs.iter().enumerate().filter(|(_, d)| !d.internal) {
            set.push(symbols.intern(d.name.as_bytes()), Value::PrimOp(i as u16));
        }
        for (name, c) in &self.constants {
            set.push(symbols.intern(name.as_bytes()), const_value(mc, c));
        }
        set.push(symbols.intern(b"builtins"), Value::Thunk(this));
        let nix_path = self.nix_path_value(mc);
        set.push(symbols.intern(b"nixPath"), nix_path);
        set.push(symbols.intern(b"derivation"), derivation);
        let set = set.finish(mc, symbols, true).unwrap_or_else(|_| Attrs::empty(mc));
        this.set(mc, ThunkState::Evaluated(Value::Attrs(set)));
        vm.globals = self
            .inits
            .iter()
            .map(|init| match init {
                GlobalInit::PrimOp(i) => Value::PrimOp(*i),
                GlobalInit::Value(c) => const_value(mc, c),
                GlobalInit::Builtins => Value::Attrs(set),
                GlobalInit::NixPath => nix_path,
                GlobalInit::Derivation => derivation,
            })
            .collect();
    }

    fn nix_path_value<'gc>(&self, mc: &Mutation<'gc>) -> Value<'gc> {
        let (path, prefix) = (crate::symbol::known::PATH, crate::symbol::known::PREFIX);
        let items: Box<[Value<'gc>]> = self
            .nix_path
            .iter()
            .map(|(pre, p)| {
                let entries = Box::new([
                    Entry::new(path, const_value(mc, &ConstValue::Owned(p.clone()))),
                    Entry::new(prefix, const_value(mc, &ConstValue::Owned(pre.clone()))),
                ]);
                Value::Attrs(Attrs::from_sorted(mc, entries))
            })
            .collect();
        Value::list(mc, items)
    }
}

fn const_value<'gc>(mc: &Mutation<'gc>, c: &ConstValue) -> Value<'gc> {
    match c {
        ConstValue::Null => Value::Null,
        ConstValue::Bool(b) => Value::Bool(*b),
        ConstValue::Int(i) => Value::Int(*i),
        ConstValue::String(s) => Value::String(Gc::new(mc, NixString::plain(s.as_bytes()))),
        ConstValue::Owned(s) => Value::String(Gc::new(mc, NixString::plain(s.as_bytes()))),
    }
}

/// Helpers for builtin implementations.
pub(crate) mod util {
    use super::Ret;
    use crate::error::EvalError;
    use crate::source::Span;
    use crate::value::{Attrs, List, NixString, Value};
    use crate::vm::Ctx;
    use crate::vm::exec_type_error as type_error;
    use ferrix_store::{Hash, HashAlgo};
    use gc_arena::{Gc, Mutation};

    pub fn ok<'gc>(v: Value<'gc>) -> Result<Ret<'gc>, EvalError> {
        Ok(Ret::Value(v))
    }

    /// `r`, an error in it marked as about the builtin's argument `index` (see
    /// [`super::arguments`]).
    pub fn arg<T>(index: u8, r: Result<T, EvalError>) -> Result<T, EvalError> {
        r.map_err(|mut e| {
            e.argument = Some(index);
            e
        })
    }

    /// `r`, an error in it given the frame `while evaluating <what>` (a part of an
    /// argument: `one element of the list`).
    pub fn element<T>(r: Result<T, EvalError>, what: &str) -> Result<T, EvalError> {
        r.map_err(|mut e| {
            e.add_trace(format!("while evaluating {what}"), None);
            e
        })
    }

    /// `r`, an error in it given the frame `while evaluating <what>` at the attribute `at`,
    /// and placed there.
    pub fn attribute<T>(r: Result<T, EvalError>, what: &str, at: Option<Span>) -> Result<T, EvalError> {
        r.map_err(|mut e| {
            if e.span.is_none() {
                e.span = at;
            }
            e.add_trace(format!("while evaluating {what}"), at);
            e
        })
    }

    /// The all-zero hash of `algo` that an empty hash stands for, with the reference's
    /// warning.
    pub fn empty_hash(algo: HashAlgo) -> Hash {
        let zero = Hash::from_bytes(algo, &vec![0; algo.size()]).expect("the algorithm's size");
        eprintln!("warning: found empty hash, assuming '{}'", zero.to_sri());
        zero
    }

    pub fn int(ctx: &Ctx<'_>, v: Value<'_>) -> Result<i64, EvalError> {
        match v {
            Value::Int(i) => Ok(i),
            other => Err(type_error(ctx, "an integer", other)),
        }
    }

    pub fn list<'gc>(ctx: &Ctx<'_>, v: Value<'gc>) -> Result<Gc<'gc, List<'gc>>, EvalError> {
        match v {
            Value::List(l) => Ok(l),
            other => Err(type_error(ctx, "a list", other)),
        }
    }

    pub fn bool(ctx: &Ctx<'_>, v: Value<'_>) -> Result<bool, EvalError> {
        match v {
            Value::Bool(b) => Ok(b),
            other => Err(type_error(ctx, "a Boolean", other)),
        }
    }

    pub fn attrs<'gc>(ctx: &Ctx<'_>, v: Value<'gc>) -> Result<Gc<'gc, Attrs<'gc>>, EvalError> {
        match v {
            Value::Attrs(a) => Ok(a),
            other => Err(type_error(ctx, "a set", other)),
        }
    }

    pub fn string<'gc>(ctx: &Ctx<'_>, v: Value<'gc>) -> Result<Gc<'gc, NixString>, EvalError> {
        match v {
            Value::String(s) => Ok(s),
            other => Err(type_error(ctx, "a string", other)),
        }
    }

    /// A string that may not refer to store paths (`forceStringNoCtx`).
    pub fn string_without_context(ctx: &Ctx<'_>, v: Value<'_>) -> Result<String, EvalError> {
        let s = string(ctx, v)?;
        if let Some(element) = s.context.elements().next() {
            return Err(EvalError::eval(
                format!(
                    "the string '{}' is not allowed to refer to a store path (such as '{element}')",
                    s.lossy()
                ),
                None,
            ));
        }
        Ok(s.lossy().into_owned())
    }

    /// Checks `v` can be called: a function, or a set with `__functor`.
    pub fn function(ctx: &Ctx<'_>, v: Value<'_>) -> Result<(), EvalError> {
        match v {
            Value::Attrs(a) if a.get(ctx.symbols, crate::symbol::known::FUNCTOR).is_some() => Ok(()),
            v if v.is_function() => Ok(()),
            other => Err(type_error(ctx, "a function", other)),
        }
    }

    pub fn new_string<'gc>(mc: &Mutation<'gc>, bytes: impl Into<Box<[u8]>>) -> Value<'gc> {
        Value::String(Gc::new(mc, NixString::plain(bytes)))
    }
}
