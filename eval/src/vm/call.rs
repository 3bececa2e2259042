//! Function application: lambdas (binding parameters and formals, with the reference's
//! errors), built-in functions (partial application, forcing strict arguments), and sets
//! with `__functor`.

use super::native::Native;
use super::{Ctx, Frame, Vm};
use crate::builtins::Ret;
use crate::code::{LambdaId, Params};
use crate::error::{ErrorKind, EvalError, suggestion};
use crate::print::short;
use crate::value::{Closure, Env, PrimArgs, PrimOpApp, Thunk, ThunkState, Value};
use gc_arena::{Gc, Mutation};

impl<'gc> Vm<'gc> {
    /// Calls `f` with `arg` once `f` (if `forcing_f`) or else `arg` is forced; the result
    /// goes to the current top of the stack.
    pub(super) fn call_after_forcing(
        &mut self,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        f: Value<'gc>,
        arg: Value<'gc>,
        forcing_f: bool,
    ) -> Result<(), EvalError> {
        let base = self.stack.len() as u32;
        self.frames.push(Frame::Native { state: Native::Apply { f, arg, forcing_f }, base, builtin: None });
        self.stack.push(if forcing_f { f } else { arg });
        self.force_top(mc, ctx)
    }

    /// The `Call` op: `[f, arg]` on the stack (`f` forced); the result replaces `f`.
    /// Works under any frame, also from natives and when forcing a lazy application.
    pub(super) fn call(&mut self, mc: &Mutation<'gc>, ctx: &mut Ctx<'_>) -> Result<(), EvalError> {
        let n = self.stack.len();
        let (f, arg) = (self.stack[n - 2], self.stack[n - 1]);
        match f {
            Value::Lambda(c) => self.call_lambda(mc, ctx, c, arg),
            Value::PrimOp(op) => self.call_primop(mc, ctx, op, &[], arg),
            Value::PrimOpApp(app) => self.call_primop(mc, ctx, app.op, &app.args, arg),
            Value::Attrs(a) => {
                let functor = crate::symbol::known::FUNCTOR;
                let Some(func) = a.get(ctx.symbols, functor) else {
                    return Err(not_callable(ctx, f));
                };
                // `(set.__functor set) arg`, lazily built and forced in place of `f`.
                let inner = Value::apply(mc, func, f);
                let outer = Value::apply(mc, inner, arg);
                self.stack.truncate(n - 2);
                self.stack.push(outer);
                self.force_top(mc, ctx)
            }
            other => Err(not_callable(ctx, other)),
        }
    }

    /// The `Call2` op: `[f, a, b]` on the stack (`f` forced); `f a b` replaces `f`. A
    /// built-in taking both arguments gets them without a partial application, a
    /// curried lambda is entered directly; anything else is called with `a` under a
    /// frame that calls the result with `b`.
    pub(super) fn call2(&mut self, mc: &Mutation<'gc>, ctx: &mut Ctx<'_>) -> Result<(), EvalError> {
        let n = self.stack.len();
        let (f, a, b) = (self.stack[n - 3], self.stack[n - 2], self.stack[n - 1]);
        let (op, prev): (u16, &[Value<'gc>]) = match &f {
            Value::PrimOp(op) => (*op, &[]),
            Value::PrimOpApp(app) => (app.op, &app.args),
            _ => (0, &[]),
        };
        if matches!(f, Value::PrimOp(_) | Value::PrimOpApp(_))
            && prev.len() + 2 <= ctx.builtins.def(op).arity as usize
        {
            let mut args = PrimArgs::from_slice(prev);
            args.push(a);
            self.stack.truncate(n - 2);
            self.stack.push(b);
            return self.call_primop(mc, ctx, op, &args, b);
        }
        self.stack.truncate(n - 3);
        if self.enter_curried(mc, ctx, f, a, b)? {
            return Ok(());
        }
        self.stack.push(f);
        let base = self.stack.len() as u32;
        self.frames.push(Frame::Native { state: Native::CallRest { arg: b }, base, builtin: None });
        self.stack.push(f);
        self.stack.push(a);
        self.call(mc, ctx)
    }

    fn call_lambda(
        &mut self,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        c: Gc<'gc, Closure<'gc>>,
        arg: Value<'gc>,
    ) -> Result<(), EvalError> {
        let lambda = ctx.program.lambda(c.lambda);
        let env = match &lambda.params {
            Params::Ident(_) => self.bind_one(mc, lambda.env_is_temporary, c.env, arg),
            Params::Formals { formals, ellipsis, bind } => {
                let arg = arg.resolved();
                if let Value::Thunk(_) = arg {
                    // The argument must be a set: force it, then call again.
                    self.stack.truncate(self.stack.len() - 1);
                    return self.call_after_forcing(mc, ctx, Value::Lambda(c), arg, false);
                }
                let Value::Attrs(attrs) = arg else {
                    let mut e = EvalError::eval(
                        format!("expected a set but found {}: {}", arg.type_phrase(), short(ctx, arg)),
                        None,
                    );
                    e.add_trace(
                        "while evaluating the value passed for the lambda argument",
                        Some(lambda.span),
                    );
                    return Err(from_call_site(e));
                };
                let name = lambda_name(ctx, lambda.name);
                let env = Env::new(mc, Some(c.env), lambda.slots as usize);
                let mut given = 0;
                for (i, formal) in formals.iter().enumerate() {
                    let v = match (attrs.get(ctx.symbols, formal.name), formal.default) {
                        (Some(v), _) => {
                            given += 1;
                            v
                        }
                        (None, Some(code)) => {
                            Value::Thunk(Thunk::new(mc, ThunkState::Suspended { code, env }))
                        }
                        (None, None) => {
                            return Err(from_call_site(EvalError::eval(
                                format!(
                                    "function '{name}' called without required argument '{}'",
                                    ctx.symbols.display(formal.name)
                                ),
                                Some(lambda.span),
                            )));
                        }
                    };
                    Env::set(env, mc, i, v);
                }
                // Missing arguments are reported first, then the unexpected name the
                // reference knew first; there is one only if the set has names that
                // are not formals (looked for only then: iterating a layered set
                // merges its layers).
                let unexpected = (!*ellipsis && attrs.len() > given).then(|| {
                    attrs
                        .entries(ctx.symbols)
                        .iter()
                        .map(|e| e.name)
                        .filter(|k| !formals.iter().any(|f| f.name == *k))
                        .min()
                });
                if let Some(Some(k)) = unexpected {
                    let names: Vec<_> =
                        formals.iter().map(|f| ctx.symbols.display(f.name).into_owned()).collect();
                    let given = ctx.symbols.display(k);
                    return Err(from_call_site(
                        EvalError::eval(
                            format!("function '{name}' called with unexpected argument '{given}'"),
                            Some(lambda.span),
                        )
                        .with_hint(suggestion(&given, names.iter().map(String::as_str))),
                    ));
                }
                if bind.is_some() {
                    Env::set(env, mc, formals.len(), arg);
                }
                env
            }
        };
        self.stack.pop();
        self.enter(ctx, c.lambda, env, lambda.env_is_temporary.into())
    }

    /// Runs a lambda's body in `env` (its parameters bound), its result going to the
    /// current top of the stack; `temporary_envs` of the environments (`env`, then its
    /// parent) are handed back for reuse when it returns.
    fn enter(
        &mut self,
        ctx: &Ctx<'_>,
        lambda: LambdaId,
        env: Gc<'gc, Env<'gc>>,
        temporary_envs: u8,
    ) -> Result<(), EvalError> {
        if self.call_depth >= ctx.options.max_call_depth {
            return Err(EvalError::new(
                ErrorKind::StackOverflow,
                "stack overflow; max-call-depth exceeded",
                None,
            ));
        }
        self.call_depth += 1;
        self.push_code(ctx.program.lambda(lambda).body, env, Some(temporary_envs))
    }

    /// A one-parameter lambda's environment below `parent`, holding `arg`: a spare one
    /// if the environment will be temporary and one is at hand.
    fn bind_one(
        &mut self,
        mc: &Mutation<'gc>,
        temporary: bool,
        parent: Gc<'gc, Env<'gc>>,
        arg: Value<'gc>,
    ) -> Gc<'gc, Env<'gc>> {
        let spare = if temporary { self.spare_envs.pop() } else { None };
        let env = match spare {
            Some(env) => {
                Env::reuse(env, mc, parent);
                env
            }
            None => Env::new(mc, Some(parent), 1),
        };
        Env::set(env, mc, 0, arg);
        env
    }

    /// `f a b` for a curried lambda `f` (`a: b: ...`): enters the inner body directly,
    /// without making the inner closure, its result going to a new top of the stack.
    /// False (and nothing done) if `f` is anything else. When the inner lambda's scope
    /// is temporary so is the outer one, which only the inner scope refers to.
    fn enter_curried(
        &mut self,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        f: Value<'gc>,
        a: Value<'gc>,
        b: Value<'gc>,
    ) -> Result<bool, EvalError> {
        let Value::Lambda(c) = f else { return Ok(false) };
        let Some(inner) = ctx.program.lambda(c.lambda).curried else { return Ok(false) };
        let temporary = ctx.program.lambda(inner).env_is_temporary;
        let outer = self.bind_one(mc, temporary, c.env, a);
        let env = self.bind_one(mc, temporary, outer, b);
        self.stack.push(f);
        self.enter(ctx, inner, env, if temporary { 2 } else { 0 })?;
        Ok(true)
    }

    fn call_primop(
        &mut self,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        op: u16,
        prev: &[Value<'gc>],
        arg: Value<'gc>,
    ) -> Result<(), EvalError> {
        let def = ctx.builtins.def(op);
        let mut args = PrimArgs::from_slice(prev);
        args.push(arg);
        self.stack.pop();
        let top = self.stack.len() - 1;
        if args.len() < def.arity as usize {
            self.stack[top] = Value::PrimOpApp(Gc::new(mc, PrimOpApp { op, args }));
            return Ok(());
        }
        let needs_forcing = args.iter().enumerate().any(|(i, a)| def.strict(i) && a.resolved().is_thunk());
        if needs_forcing {
            let base = self.stack.len() as u32;
            let state = Native::PrimCall { op, args, next: 0 };
            self.frames.push(Frame::Native { state, base, builtin: Some(op) });
            return Ok(());
        }
        for (i, a) in args.iter_mut().enumerate() {
            if def.strict(i) {
                *a = a.resolved();
            }
        }
        self.invoke(mc, ctx, op, &args)
    }

    /// Runs a built-in on its (forced) arguments; the result replaces the top of the
    /// stack.
    pub(crate) fn invoke(
        &mut self,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        op: u16,
        args: &[Value<'gc>],
    ) -> Result<(), EvalError> {
        let def = ctx.builtins.def(op);
        let ret = (def.f)(self, mc, ctx, args).map_err(|mut e| {
            // An internal builtin's errors read as its caller's.
            if def.internal {
                e.argument = None;
                return e;
            }
            if let Some(i) = e.argument.take() {
                e.add_trace(crate::builtins::arguments::frame(def.name, i), None);
            }
            e.add_site_frame(super::trace::builtin_frame(ctx, op), crate::error::TracePrint::Default);
            e
        })?;
        match ret {
            Ret::Value(v) => {
                let top = self.stack.len() - 1;
                self.stack[top] = v;
                self.force_top(mc, ctx)
            }
            Ret::Native(state) => {
                let base = self.stack.len() as u32;
                self.frames.push(Frame::Native { state, base, builtin: Some(op) });
                Ok(())
            }
            Ret::Retry(values) => {
                let base = self.stack.len() as u32;
                let state = Native::ForceThen { values, op, args: args.to_vec() };
                self.frames.push(Frame::Native { state, base, builtin: Some(op) });
                Ok(())
            }
        }
    }
}

impl Value<'_> {
    pub fn is_thunk(&self) -> bool {
        matches!(self, Value::Thunk(_))
    }
}

fn lambda_name(ctx: &Ctx<'_>, name: Option<crate::symbol::Symbol>) -> String {
    match name {
        Some(n) => ctx.symbols.display(n).into_owned(),
        None => "anonymous lambda".into(),
    }
}

fn not_callable(ctx: &Ctx<'_>, v: Value<'_>) -> EvalError {
    EvalError::eval(
        format!(
            "attempt to call something which is not a function but {}: {}",
            v.type_phrase(),
            short(ctx, v)
        ),
        None,
    )
}

/// An error about the argument a lambda was called with: the reference also shows
/// where it was called from, even without `--show-trace`.
fn from_call_site(mut e: EvalError) -> EvalError {
    e.add_site_frame("from call site", crate::error::TracePrint::Default);
    e
}
