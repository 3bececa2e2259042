//! Compiled code: the bytecode instruction set, chunks (one per thunk body, lambda body
//! or file), lambdas' parameter specifications, and the program-wide tables they live
//! in. Nothing here is garbage-collected; values refer to code by index.

use crate::source::{Pos, Span};
use crate::symbol::Symbol;

/// Index of a chunk in [`Program::chunks`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct ChunkId(pub u32);

/// Index of a lambda in [`Program::lambdas`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct LambdaId(pub u32);

/// A constant operand.
#[derive(Clone, Debug)]
pub enum Const {
    Int(i64),
    Float(f64),
    String(Box<[u8]>),
    /// An absolute, normalised path.
    Path(Box<[u8]>),
}

/// One instruction. Expressions compiled "for their value" leave a value in weak head
/// normal form on the stack; "lazy" ones may leave a thunk.
#[derive(Clone, Copy, Debug)]
pub enum Op {
    Const(u32),
    True,
    False,
    /// Push a variable's slot (maybe a thunk) from `depth` environments up.
    Local {
        depth: u16,
        slot: u16,
    },
    /// `Local` then `Force`, in one step (reading a variable for its value).
    LocalForced {
        depth: u16,
        slot: u16,
    },
    /// Push a global (builtin) value.
    Global(u16),
    /// Look a name up in the enclosing `with` scopes, innermost first.
    WithLookup(Symbol),
    /// Push a thunk running a chunk in the current environment.
    Thunk(ChunkId),
    /// Push a closure of a lambda over the current environment.
    Closure(LambdaId),
    /// Force the value on top of the stack to weak head normal form.
    Force,
    /// `[f, arg]` → the result of applying `f` (forced) to `arg`, forced.
    Call,
    /// `[f, a, b]` → `f a b`, forced: a built-in or curried lambda takes both at once.
    Call2,
    Pop,
    /// Enter a new scope of `n` slots.
    EnterScope(u32),
    /// Pop into slot `n` of the current scope.
    SetSlot(u32),
    /// Pop an attribute set (maybe a thunk) and enter a `with` scope over it.
    EnterWith,
    /// Return to the parent scope.
    LeaveScope,
    /// Pop values for the statically known names of key list `n` (sorted), push the set.
    Attrs(u32),
    /// `[set, name, value]` → `set` with the dynamic attribute (defined at the position)
    /// added; a null name adds nothing.
    AttrsDynamic(Pos),
    /// Pop a set, push its attribute (maybe a thunk); error if missing.
    Select(Symbol),
    /// Pop a set; push its attribute, or jump if it is not a set or lacks it.
    SelectOr(Symbol, i32),
    /// `[set, name]` → the attribute named by the (forced) string `name`.
    SelectDynamic,
    /// `[set, name]` → the attribute, or jump (dropping both) if absent.
    SelectDynamicOr(i32),
    /// Pop `n` values, push a list of them.
    List(u32),
    Add,
    Sub,
    Mul,
    Div,
    /// `==` (pushes a Boolean).
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Concat,
    Update,
    Not,
    Negate,
    Jump(i32),
    /// Pop a Boolean; jump if false.
    JumpIfFalse(i32),
    /// Pop a Boolean; jump if true.
    JumpIfTrue(i32),
    /// Pop a Boolean and push it back: an operand check for `&&`, `||`, `->`.
    CheckBool,
    /// Fail: the assertion whose text is constant `n` does not hold.
    Assert(u32),
    /// `[a, b]`, the sides of a failed `assert a == b` (text: constant `n`): fail
    /// with why they differ.
    AssertEqual(u32),
    /// Coerce the top of the stack to a string for interpolation.
    CoerceToString,
    /// Pop `n` strings (coerced), push their concatenation.
    Interpolate(u32),
    /// Pop `n` strings, the first a path: push the resulting normalised path.
    InterpolatePath(u32),
    /// Push `__curPos`: the position as a set, or null outside a file.
    CurPos(Pos),
    /// Finish the chunk: its result is the top of the stack.
    Return,
}

/// A compiled body.
#[derive(Default, Debug)]
pub struct Chunk {
    pub ops: Vec<Op>,
    /// The source span of each op, for errors.
    pub spans: Vec<Span>,
    pub consts: Vec<Const>,
    /// Sorted names, with where each was defined, for [`Op::Attrs`].
    pub key_lists: Vec<Box<[(Symbol, Pos)]>>,
    /// The lambda whose body this is, for "while calling 'f'" frames.
    pub lambda: Option<LambdaId>,
    /// For an attribute's value: where the attribute is defined, for "while evaluating
    /// the attribute 'x'" frames.
    pub binding: Option<Span>,
    /// The frames errors get while ranges of ops run (operands, conditions), inner
    /// ranges first.
    pub contexts: Vec<OpContext>,
    /// A thunk body that is a little arithmetic on variables and integer constants
    /// (`n - 1`): see `vm/eager.rs`.
    pub arithmetic: bool,
    /// The ops `first..=last` of each selection by a static attribute path (`e.a.b`,
    /// `e.a.b or d`): its select-and-force pairs, for "while evaluating the attribute
    /// 'a.b'" frames.
    pub select_paths: Vec<(u32, u32)>,
}

/// A frame the reference adds to an error raised while ops `first..=last` run:
/// `… while evaluating a branch condition` around an `if`'s condition and its test.
#[derive(Clone, Copy, Debug)]
pub struct OpContext {
    pub first: u32,
    pub last: u32,
    /// Only for an error of op `last` itself about its operand `n` (see
    /// `EvalError::argument`).
    pub operand: Option<u8>,
    pub message: &'static str,
    pub span: Option<Span>,
}

/// The most ops an arithmetic thunk body may have.
pub const ARITHMETIC_OPS: usize = 8;

impl Chunk {
    /// Whether the chunk only reads variables for their values, pushes integer constants
    /// and computes with `+ - * /`, comparisons, `!` and unary minus (what
    /// `vm/eager.rs` can compute; it leaves floats alone).
    pub fn is_arithmetic(&self) -> bool {
        self.ops.len() <= ARITHMETIC_OPS
            && self.ops.iter().all(|op| match *op {
                Op::Const(k) => matches!(self.consts[k as usize], Const::Int(_)),
                Op::LocalForced { .. }
                | Op::Add
                | Op::Sub
                | Op::Mul
                | Op::Div
                | Op::Less
                | Op::LessEqual
                | Op::Greater
                | Op::GreaterEqual
                | Op::Not
                | Op::Negate
                | Op::Return => true,
                _ => false,
            })
    }

    pub fn push(&mut self, op: Op, span: Span) -> usize {
        self.ops.push(op);
        self.spans.push(span);
        self.ops.len() - 1
    }

    pub fn add_const(&mut self, c: Const) -> u32 {
        self.consts.push(c);
        (self.consts.len() - 1) as u32
    }
}

/// How a lambda takes its argument.
#[derive(Debug)]
pub enum Params {
    /// `x: ...`: slot 0 holds the argument.
    Ident(Symbol),
    /// `{ a, b ? d, ... } @ x: ...`: slot i holds formal i, the `@` name (if any) the
    /// slot after them.
    Formals { formals: Box<[Formal]>, ellipsis: bool, bind: Option<Symbol> },
}

/// One formal argument.
#[derive(Debug)]
pub struct Formal {
    pub name: Symbol,
    /// Where it is declared (`functionArgs` keeps it).
    pub pos: Pos,
    /// Default value, compiled in the lambda's own scope.
    pub default: Option<ChunkId>,
}

/// A lambda: parameters and body.
#[derive(Debug)]
pub struct Lambda {
    /// The binding name if the lambda is bound directly (`f = x: ...`).
    pub name: Option<Symbol>,
    pub params: Params,
    /// Slots of the lambda's scope.
    pub slots: u32,
    pub body: ChunkId,
    pub span: Span,
    /// Nothing can keep the lambda's scope once the call returns: it binds one
    /// identifier and its body makes no thunk, closure or inner scope. Such a call's
    /// environment is handed back to the VM for the next call (see `Vm::spare_envs`).
    pub env_is_temporary: bool,
    /// For `a: b: body` (both parameters identifiers): the inner lambda, which a call
    /// with both arguments at hand enters directly, without making the closure.
    pub curried: Option<LambdaId>,
}

impl Lambda {
    /// The lambda a body chunk does nothing but make (`b: ...` in `a: b: ...`).
    pub fn body_lambda(body: &Chunk) -> Option<LambdaId> {
        match body.ops[..] {
            [Op::Closure(id), Op::Return] => Some(id),
            _ => None,
        }
    }

    /// Whether `body` (a lambda's body chunk) can let the lambda's scope outlive the call.
    pub fn body_keeps_env(body: &Chunk) -> bool {
        body.ops
            .iter()
            .any(|op| matches!(op, Op::Thunk(_) | Op::Closure(_) | Op::EnterScope(_) | Op::EnterWith))
    }
}

/// All compiled code of an evaluation.
#[derive(Default)]
pub struct Program {
    pub chunks: Vec<Chunk>,
    pub lambdas: Vec<Lambda>,
}

impl Program {
    pub fn add_chunk(&mut self, chunk: Chunk) -> ChunkId {
        self.chunks.push(chunk);
        ChunkId((self.chunks.len() - 1) as u32)
    }

    pub fn add_lambda(&mut self, lambda: Lambda) -> LambdaId {
        self.lambdas.push(lambda);
        LambdaId((self.lambdas.len() - 1) as u32)
    }

    pub fn chunk(&self, id: ChunkId) -> &Chunk {
        &self.chunks[id.0 as usize]
    }

    pub fn lambda(&self, id: LambdaId) -> &Lambda {
        &self.lambdas[id.0 as usize]
    }
}
