//! Executing one instruction of the top code frame.

use super::{Ctx, Frame, Vm};
use crate::builtins::util::{self, arg};
use crate::code::{ChunkId, Const, Op};
use crate::error::{EvalError, suggestion};
use crate::print::short;
use crate::source::Pos;
use crate::value::{Attrs, AttrsBuilder, Closure, Entry, Env, NixString, Thunk, ThunkState, Value};
use gc_arena::{Gc, Mutation};

impl<'gc> Vm<'gc> {
    /// Executes ops of the top (code) frame while it stays on top, up to `fuel` of them
    /// (stopping early, at a multiple of 64, when garbage is due for collection). Errors
    /// without a position get the failing op's span, unless they are about an operand
    /// (their frame says where) or the reference gives them none
    /// ([`super::trace::own_error`]).
    pub(super) fn exec_code(
        &mut self,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        fuel: &mut u32,
    ) -> Result<(), EvalError> {
        let depth = self.frames.len();
        loop {
            let Some(Frame::Code { chunk, ip, env, .. }) = self.frames.last_mut() else {
                return Ok(());
            };
            let (chunk_id, at, env) = (*chunk, *ip as usize, *env);
            *ip += 1;
            let op = ctx.program.chunk(chunk_id).ops[at];
            if let Err(mut e) = self.exec(mc, ctx, op, chunk_id, env) {
                let span = ctx.program.chunk(chunk_id).spans.get(at).copied();
                let placed = super::trace::own_error(op, &mut e);
                if e.site_pending {
                    e.settle_site(span);
                } else if placed && !e.unplaced && e.span.is_none() && e.trace.is_empty() {
                    e.span = span;
                }
                return Err(e);
            }
            *fuel -= 1;
            if self.frames.len() != depth
                || *fuel == 0
                || (fuel.is_multiple_of(64) && mc.metrics().allocation_debt() > 0.0)
            {
                return Ok(());
            }
        }
    }

    fn set_env(&mut self, env: Gc<'gc, Env<'gc>>) {
        if let Some(Frame::Code { env: e, .. }) = self.frames.last_mut() {
            *e = env;
        }
    }

    fn jump(&mut self, offset: i32) {
        if let Some(Frame::Code { ip, .. }) = self.frames.last_mut() {
            *ip = ip.wrapping_add_signed(offset);
        }
    }

    /// Re-runs the current op after forcing `v` (which is discarded): for ops that meet
    /// an unevaluated value they cannot leave on the stack.
    pub(super) fn retry_after_forcing(
        &mut self,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        v: Value<'gc>,
    ) -> Result<(), EvalError> {
        self.jump(-1);
        self.stack.push(v);
        self.frames.push(Frame::Native {
            state: super::native::Native::Discard,
            base: self.stack.len() as u32,
            builtin: None,
        });
        self.stack.push(v);
        self.force_top(mc, ctx)
    }

    /// Re-runs the current op once the value on top of the stack (which the op left
    /// there) is forced.
    pub(super) fn retry_in_place(&mut self, mc: &Mutation<'gc>, ctx: &mut Ctx<'_>) -> Result<(), EvalError> {
        self.jump(-1);
        self.force_top(mc, ctx)
    }

    fn pop(&mut self) -> Value<'gc> {
        self.stack.pop().expect("the compiler balances the stack")
    }

    fn top(&self) -> Value<'gc> {
        *self.stack.last().expect("the compiler balances the stack")
    }

    #[inline(always)]
    fn exec(
        &mut self,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        op: Op,
        chunk_id: ChunkId,
        env: Gc<'gc, Env<'gc>>,
    ) -> Result<(), EvalError> {
        match op {
            Op::Const(k) => {
                let v =
                    match &ctx.program.chunk(chunk_id).consts[k as usize] {
                        Const::Int(i) => Value::Int(*i),
                        Const::Float(f) => Value::Float(*f),
                        Const::String(s) => self
                            .literal(chunk_id, k, || Value::String(Gc::new(mc, NixString::plain(s.clone())))),
                        Const::Path(p) => self
                            .literal(chunk_id, k, || Value::Path(Gc::new(mc, NixString::plain(p.clone())))),
                    };
                self.stack.push(v);
            }
            Op::True => self.stack.push(Value::Bool(true)),
            Op::False => self.stack.push(Value::Bool(false)),
            Op::Local { depth, slot } => {
                let v = Env::ancestor(env, depth as usize).get(slot as usize);
                self.stack.push(v);
            }
            Op::LocalForced { depth, slot } => {
                let v = Env::ancestor(env, depth as usize).get(slot as usize);
                self.stack.push(v);
                return self.force_top(mc, ctx);
            }
            Op::Global(g) => self.stack.push(self.globals[g as usize]),
            Op::WithLookup(name) => return self.with_lookup(mc, ctx, env, name),
            Op::Thunk(code) => {
                let early =
                    ctx.program.chunk(code).arithmetic.then(|| super::eager::arithmetic(ctx, code, env));
                let state = match early.flatten() {
                    Some(v) => ThunkState::Precomputed(v),
                    None => ThunkState::Suspended { code, env },
                };
                self.stack.push(Value::Thunk(Thunk::new(mc, state)));
            }
            Op::Closure(lambda) => self.stack.push(Value::Lambda(Gc::new(mc, Closure { lambda, env }))),
            Op::Force => return self.force_top(mc, ctx),
            Op::Call => return self.call(mc, ctx),
            Op::Call2 => return self.call2(mc, ctx),
            Op::Pop => {
                self.pop();
            }
            Op::EnterScope(n) => self.set_env(Env::new(mc, Some(env), n as usize)),
            Op::SetSlot(i) => {
                let v = self.pop();
                Env::set(env, mc, i as usize, v);
            }
            Op::EnterWith => {
                let v = self.pop();
                self.set_env(Env::with_scope(mc, env, v));
            }
            Op::LeaveScope => self.set_env(env.parent().expect("scopes are balanced")),
            Op::Attrs(k) => {
                let chunk = ctx.program.chunk(chunk_id);
                let keys = &chunk.key_lists[k as usize];
                let start = self.stack.len() - keys.len();
                let entries = keys
                    .iter()
                    .zip(self.stack.drain(start..))
                    .map(|(&(name, pos), value)| Entry { name, pos, value })
                    .collect();
                self.stack.push(Value::Attrs(Attrs::from_sorted(mc, entries)));
            }
            Op::AttrsDynamic(pos) => return self.attrs_dynamic(mc, ctx, pos),
            Op::Select(name) => {
                let set = self.pop();
                let v = self.select(ctx, set, name)?;
                self.stack.push(v);
            }
            Op::SelectOr(name, offset) => {
                let set = self.pop();
                self.select_or_jump(ctx, set, name, offset);
            }
            Op::SelectDynamic => {
                let name = self.pop();
                let set = self.pop();
                let name = self.attr_name(ctx, name)?;
                let v = self.select(ctx, set, name)?;
                self.stack.push(v);
            }
            Op::SelectDynamicOr(offset) => {
                let name = self.pop();
                let set = self.pop();
                let name = self.attr_name(ctx, name)?;
                self.select_or_jump(ctx, set, name, offset);
            }
            Op::List(n) => {
                let start = self.stack.len() - n as usize;
                let items: Box<[Value<'gc>]> = self.stack.drain(start..).collect();
                self.stack.push(Value::list(mc, items));
            }
            Op::Add | Op::Sub | Op::Mul | Op::Div => {
                // (An operand may be a thunk a retry below has forced.)
                let b = self.pop().resolved();
                let a = self.pop().resolved();
                if let (Op::Add, Value::Attrs(set)) = (op, a) {
                    // `set + x` is string concatenation: the set stands for its string.
                    let target = arg(0, super::coerce::coercion_target(mc, ctx, set))?;
                    self.stack.push(target);
                    self.stack.push(b);
                    return self.retry_after_forcing(mc, ctx, target);
                }
                if let (Op::Add, Value::String(_) | Value::Path(_), Value::Attrs(set)) = (op, a, b) {
                    // `string + set` coerces the set, which may call into Nix.
                    self.stack.push(a);
                    self.stack.push(arg(1, super::coerce::coercion_target(mc, ctx, set))?);
                    return self.retry_in_place(mc, ctx);
                }
                let v = self.arith_op(mc, ctx, op, a, b)?;
                self.stack.push(v);
            }
            Op::Equal | Op::NotEqual => {
                let b = self.pop();
                let a = self.pop();
                return self.equal(mc, ctx, a, b, matches!(op, Op::NotEqual));
            }
            Op::Less | Op::LessEqual | Op::Greater | Op::GreaterEqual => {
                let b = self.pop();
                let a = self.pop();
                return self.compare_op(mc, ctx, op, a, b);
            }
            Op::Concat => {
                let b = self.pop();
                let a = self.pop();
                let (x, y) = (arg(0, util::list(ctx, a))?, arg(1, util::list(ctx, b))?);
                let items: Box<[Value<'gc>]> = x.0.iter().chain(y.0.iter()).copied().collect();
                self.stack.push(Value::list(mc, items));
            }
            Op::Update => {
                let b = self.pop();
                let a = self.pop();
                let (x, y) = (arg(0, util::attrs(ctx, a))?, arg(1, util::attrs(ctx, b))?);
                self.stack.push(Value::Attrs(Attrs::update(mc, ctx.symbols, x, y)));
            }
            Op::Not => {
                let v = self.pop();
                let b = arg(0, util::bool(ctx, v))?;
                self.stack.push(Value::Bool(!b));
            }
            Op::Negate => {
                let v = self.pop();
                let r = self.arith_op(mc, ctx, Op::Sub, Value::Int(0), v)?;
                self.stack.push(r);
            }
            Op::Jump(offset) => self.jump(offset),
            Op::JumpIfFalse(offset) => {
                let v = self.pop();
                if !util::bool(ctx, v)? {
                    self.jump(offset);
                }
            }
            Op::JumpIfTrue(offset) => {
                let v = self.pop();
                if util::bool(ctx, v)? {
                    self.jump(offset);
                }
            }
            Op::CheckBool => {
                let v = self.top();
                util::bool(ctx, v)?;
            }
            Op::Assert(k) => {
                let text = self.const_text(ctx, k);
                return Err(EvalError::new(
                    crate::error::ErrorKind::Assert,
                    format!("assertion '{text}' failed"),
                    None,
                ));
            }
            Op::AssertEqual(k) => {
                let n = self.stack.len();
                let (a, b) = (self.stack[n - 2], self.stack[n - 1]);
                let mut e = match super::explain::explain(ctx, a, b) {
                    super::explain::Explained::Need(v) => return self.retry_after_forcing(mc, ctx, v),
                    super::explain::Explained::Differ(e) => e,
                    super::explain::Explained::Equal => {
                        EvalError::new(crate::error::ErrorKind::Assert, "assertion failed", None)
                    }
                };
                self.stack.truncate(n - 2);
                let text = self.const_text(ctx, k);
                e.add_site_frame(
                    format!("while evaluating the condition of the assertion '{text}'"),
                    crate::error::TracePrint::Default,
                );
                return Err(e);
            }
            Op::CoerceToString => return self.coerce_top(mc, ctx),
            Op::Interpolate(n) => {
                let s = self.concat_strings(n as usize);
                self.stack.push(Value::string(mc, s));
            }
            Op::InterpolatePath(n) => {
                let s = self.concat_strings(n as usize);
                if !s.context.is_empty() {
                    return Err(EvalError::eval(
                        "a string that refers to a store path cannot be appended to a path",
                        None,
                    ));
                }
                let p = crate::paths::canonicalise(&s.bytes);
                self.stack.push(Value::Path(Gc::new(mc, NixString::plain(p))));
            }
            Op::CurPos(pos) => self.stack.push(crate::builtins::positions::pos_value(mc, ctx, pos)),
            Op::Return => {
                let v = self.pop();
                self.finish(mc, v);
            }
        }
        Ok(())
    }

    /// String constant `k` of the running chunk, as text.
    fn const_text(&self, ctx: &Ctx<'_>, k: u32) -> String {
        match &ctx.program.chunk(self.current_chunk()).consts[k as usize] {
            Const::String(text) => String::from_utf8_lossy(text).into_owned(),
            _ => String::new(),
        }
    }

    /// The value of a string or path literal: made once per evaluation and shared, as
    /// strings and paths are immutable and have no identity.
    fn literal(&mut self, chunk: ChunkId, k: u32, make: impl FnOnce() -> Value<'gc>) -> Value<'gc> {
        let (chunk, k) = (chunk.0 as usize, k as usize);
        if self.literals.len() <= chunk {
            self.literals.resize_with(chunk + 1, Vec::new);
        }
        let slots = &mut self.literals[chunk];
        if slots.len() <= k {
            slots.resize(k + 1, None);
        }
        *slots[k].get_or_insert_with(make)
    }

    fn current_chunk(&self) -> crate::code::ChunkId {
        match self.frames.last() {
            Some(Frame::Code { chunk, .. }) => *chunk,
            _ => unreachable!("ops run in code frames"),
        }
    }

    fn with_lookup(
        &mut self,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        env: Gc<'gc, Env<'gc>>,
        name: crate::symbol::Symbol,
    ) -> Result<(), EvalError> {
        let mut scope = Some(env);
        while let Some(e) = scope {
            if let Some(w) = e.with {
                match w.resolved() {
                    Value::Attrs(a) => {
                        if let Some(v) = a.get(ctx.symbols, name) {
                            self.stack.push(v);
                            return Ok(());
                        }
                    }
                    Value::Thunk(_) => return self.retry_after_forcing(mc, ctx, w),
                    other => {
                        return Err(EvalError::eval(
                            format!(
                                "expected a set but found {}: {}",
                                other.type_phrase(),
                                short(ctx, other)
                            ),
                            None,
                        ));
                    }
                }
            }
            scope = e.parent();
        }
        Err(EvalError::eval(format!("undefined variable '{}'", ctx.symbols.display(name)), None))
    }

    /// The attribute `name` of `set` (which must be a set that has it); the frame
    /// notes where it is defined.
    fn select(
        &mut self,
        ctx: &Ctx<'_>,
        set: Value<'gc>,
        name: crate::symbol::Symbol,
    ) -> Result<Value<'gc>, EvalError> {
        let a = arg(0, util::attrs(ctx, set))?;
        let Some(entry) = a.entry(ctx.symbols, name) else {
            let wanted = ctx.symbols.display(name);
            let names: Vec<_> =
                a.entries(ctx.symbols).iter().map(|e| ctx.symbols.display(e.name).into_owned()).collect();
            return Err(EvalError::eval(format!("attribute '{wanted}' missing"), None)
                .with_hint(suggestion(&wanted, names.iter().map(String::as_str))));
        };
        if let Some(Frame::Code { found, .. }) = self.frames.last_mut() {
            *found = entry.pos;
        }
        Ok(entry.value)
    }

    /// Pushes the attribute if `set` is a set holding it, else jumps by `offset` (`or`
    /// defaults and `?`).
    fn select_or_jump(&mut self, ctx: &Ctx<'_>, set: Value<'gc>, name: crate::symbol::Symbol, offset: i32) {
        match set {
            Value::Attrs(a) => match a.get(ctx.symbols, name) {
                Some(v) => self.stack.push(v),
                None => self.jump(offset),
            },
            _ => self.jump(offset),
        }
    }

    /// An attribute name from a computed (forced) value.
    fn attr_name(&self, ctx: &mut Ctx<'_>, v: Value<'gc>) -> Result<crate::symbol::Symbol, EvalError> {
        match v {
            Value::String(s) => Ok(ctx.symbols.intern(&s.bytes)),
            other => Err(EvalError::eval(
                format!("expected a string but found {}: {}", other.type_phrase(), short(ctx, other)),
                None,
            )),
        }
    }

    fn attrs_dynamic(&mut self, mc: &Mutation<'gc>, ctx: &mut Ctx<'_>, pos: Pos) -> Result<(), EvalError> {
        let value = self.pop();
        let name = self.pop();
        let Value::Attrs(set) = self.top() else { unreachable!("a set under a dynamic attribute") };
        if let Value::Null = name {
            return Ok(());
        }
        let name = self.attr_name(ctx, name)?;
        if let Some(old) = set.entry(ctx.symbols, name) {
            let at = ctx.sources.locate(old.pos).map(|(f, o)| format!(" at {}", f.position(o)));
            return Err(EvalError::eval(
                format!(
                    "dynamic attribute '{}' already defined{}",
                    ctx.symbols.display(name),
                    at.unwrap_or_default()
                ),
                None,
            ));
        }
        let mut b = AttrsBuilder::with_capacity(set.len() + 1);
        for &e in set.entries(ctx.symbols) {
            b.push_at(e.name, e.pos, e.value);
        }
        b.push_at(name, pos, value);
        let set =
            b.finish(mc, ctx.symbols, false).map_err(|_| EvalError::eval("duplicate attribute", None))?;
        *self.stack.last_mut().expect("the set") = Value::Attrs(set);
        Ok(())
    }

    fn concat_strings(&mut self, n: usize) -> NixString {
        let start = self.stack.len() - n;
        let mut bytes = Vec::new();
        let mut context = crate::value::StringContext::default();
        for v in self.stack.drain(start..) {
            if let Value::String(s) | Value::Path(s) = v {
                bytes.extend_from_slice(&s.bytes);
                if !s.context.is_empty() {
                    context = context.union(&s.context);
                }
            }
        }
        NixString::with_context(bytes, context)
    }
}

/// `expected <what> but found <type>: <value>`.
pub fn type_error(ctx: &Ctx<'_>, expected: &str, found: Value<'_>) -> EvalError {
    let phrase = match found {
        Value::PrimOp(op) => format!("the built-in function '{}'", ctx.builtins.def(op).name),
        Value::PrimOpApp(app) => {
            format!("the partially applied built-in function '{}'", ctx.builtins.def(app.op).name)
        }
        other => other.type_phrase().to_owned(),
    };
    EvalError::eval(format!("expected {expected} but found {phrase}: {}", short(ctx, found)), None)
}
