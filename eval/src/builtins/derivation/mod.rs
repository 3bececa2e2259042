//! Derivations: `derivationStrict`, which evaluates a derivation's attributes into a
//! store derivation and gives its `.drv` and output paths, and `derivation`, the
//! wrapper written in Nix ([`PRELUDE`]) that turns that into the per-output sets the
//! language sees.
//!
//! `derivationStrict` is a state machine ([`DrvStrict`]) because it forces every
//! attribute and may call into Nix (`__toString`, list elements) while it runs; what it
//! collects is turned into a [`Derivation`] by [`spec`].

mod spec;

use super::util::{attrs, element};
use super::{PrimOpDef, Ret, global};
use crate::builtins::json::ToJson;
use crate::error::EvalError;
use crate::source::Span;
use crate::symbol::known;
use crate::value::{Entry, NixString, Value};
use crate::vm::native::{Native, Step};
use crate::vm::{Ctx, Vm};
use gc_arena::{Collect, Gc, Mutation};
use spec::Spec;

pub const PRIMOPS: &[PrimOpDef] = &[global("derivationStrict", 1, 1, derivation_strict)];

/// The source of the `derivation` builtin.
pub const PRELUDE: &str = include_str!("derivation.nix");

/// The name the reference shows for [`PRELUDE`] in positions.
pub const PRELUDE_NAME: &str = "«nix-internal»/derivation-internal.nix";

fn derivation_strict<'gc>(
    _: &mut Vm<'gc>,
    _: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let set = element(attrs(ctx, a[0]), "the argument passed to builtins.derivationStrict")?;
    let entries = set.entries(ctx.symbols).to_vec();
    Ok(Ret::Native(Native::Derivation(Box::new(DrvStrict {
        entries,
        stage: Stage::Name,
        work: Work::Idle,
        spec: Spec::default(),
    }))))
}

/// Where the evaluation of the attributes is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Forcing `name`.
    Name,
    /// Forcing `__structuredAttrs`.
    Structured,
    /// Forcing `__ignoreNulls`.
    IgnoreNulls,
    /// Evaluating the attribute at this index (in the order of the names).
    Attr(usize),
}

/// What is being done to the current attribute.
#[derive(Collect)]
#[collect(no_drop)]
enum Work<'gc> {
    /// Nothing yet: it is looked at first.
    Idle,
    /// Its string, being computed by this application (forced).
    Coerce(Value<'gc>),
    /// Its JSON (structured attributes).
    Json(Box<ToJson<'gc>>),
    /// `args`: the list, the next element's index and the string being computed.
    Args(Value<'gc>, #[collect(require_static)] usize, Option<Value<'gc>>),
}

/// The running `derivationStrict`.
#[derive(Collect)]
#[collect(no_drop)]
pub struct DrvStrict<'gc> {
    /// The argument's attributes, sorted by name (the order the reference uses).
    entries: Vec<Entry<'gc>>,
    #[collect(require_static)]
    stage: Stage,
    work: Work<'gc>,
    #[collect(require_static)]
    spec: Spec,
}

/// `value` forced, or the step that forces it.
macro_rules! forced {
    ($vm:expr, $mc:expr, $ctx:expr, $value:expr) => {{
        let v = $value.resolved();
        if v.is_thunk() {
            return $vm.demand($mc, $ctx, v);
        }
        v
    }};
}

impl<'gc> DrvStrict<'gc> {
    fn find(&self, name: crate::symbol::Symbol) -> Option<Entry<'gc>> {
        self.entries.iter().find(|e| e.name == name).copied()
    }

    pub fn step(
        &mut self,
        vm: &mut Vm<'gc>,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
    ) -> Result<Step<'gc>, EvalError> {
        loop {
            match self.stage {
                Stage::Name => {
                    let Some(entry) = self.find(known::NAME) else {
                        let mut e = EvalError::eval("attribute 'name' missing", None);
                        e.add_trace("in the attrset passed as argument to builtins.derivationStrict", None);
                        return Err(e);
                    };
                    let v = forced!(vm, mc, ctx, entry.value);
                    let name = element(
                        super::util::string_without_context(ctx, v),
                        "the `name` attribute passed to builtins.derivationStrict",
                    )?;
                    self.spec.name = name;
                    self.spec.name_at =
                        ctx.sources.span_at(entry.pos).map(|s| ctx.sources.get(s.file).position(s.start));
                    self.stage = Stage::Structured;
                }
                Stage::Structured | Stage::IgnoreNulls => {
                    let name = if self.stage == Stage::Structured {
                        known::STRUCTURED_ATTRS
                    } else {
                        known::IGNORE_NULLS
                    };
                    let flag = match self.find(name) {
                        Some(entry) => {
                            let v = forced!(vm, mc, ctx, entry.value);
                            let what = ctx.symbols.display(name);
                            element(
                                super::util::bool(ctx, v),
                                &format!("the `{what}` attribute passed to builtins.derivationStrict"),
                            )?
                        }
                        None => false,
                    };
                    if self.stage == Stage::Structured {
                        self.spec.structured = flag;
                        self.stage = Stage::IgnoreNulls;
                    } else {
                        self.spec.ignore_nulls = flag;
                        self.stage = Stage::Attr(0);
                    }
                }
                Stage::Attr(i) if i == self.entries.len() => {
                    return self.finish(mc, ctx);
                }
                Stage::Attr(i) => {
                    let entry = self.entries[i];
                    if self.attribute(vm, mc, ctx, entry)? {
                        self.work = Work::Idle;
                        self.stage = Stage::Attr(i + 1);
                    } else {
                        return Ok(Step::Continue);
                    }
                }
            }
        }
    }

    /// Advances the work on attribute `entry`: whether it is done (else a value is
    /// being forced).
    fn attribute(
        &mut self,
        vm: &mut Vm<'gc>,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        entry: Entry<'gc>,
    ) -> Result<bool, EvalError> {
        let key = crate::value::lossy(ctx.symbols.resolve(entry.name)).into_owned();
        loop {
            match &mut self.work {
                Work::Idle => {
                    if key == "__ignoreNulls" || (self.spec.structured && key == "__structuredAttrs") {
                        return Ok(true);
                    }
                    let v = entry.value.resolved();
                    // Forced first: most values then become strings without evaluation.
                    if v.is_thunk() {
                        vm.demand(mc, ctx, v)?;
                        return Ok(false);
                    }
                    if self.spec.ignore_nulls && matches!(v, Value::Null) {
                        return Ok(true);
                    }
                    // Off, a flag is an attribute as any other.
                    if spec::is_flag(&key) && super::util::bool(ctx, v)? {
                        return Err(spec::experimental_flag(&key));
                    }
                    if key == "args" {
                        super::util::list(ctx, v)?;
                        self.work = Work::Args(v, 0, None);
                    } else if self.spec.structured {
                        self.work = Work::Json(Box::new(ToJson::new(v, true)));
                    } else if let Some(s) = super::strings::plain_to_string(ctx, v, true) {
                        // Most values need no evaluation to become strings.
                        self.spec.env_value(&key, &s?)?;
                        return Ok(true);
                    } else {
                        self.work = Work::Coerce(coerce(mc, ctx, v));
                    }
                }
                Work::Coerce(t) => {
                    let v = t.resolved();
                    if v.is_thunk() {
                        vm.demand(mc, ctx, v)?;
                        return Ok(false);
                    }
                    let s = coerced(v);
                    self.spec.env_value(&key, &s)?;
                    return Ok(true);
                }
                Work::Json(json) => match json.step(vm, mc, ctx)? {
                    Step::Return(v) => {
                        let s = coerced(v);
                        self.spec.json_value(ctx, &key, &s, entry.value.resolved())?;
                        return Ok(true);
                    }
                    _ => return Ok(false),
                },
                Work::Args(list, next, pending) => {
                    let Value::List(items) = *list else { unreachable!("checked to be a list") };
                    if let Some(t) = pending {
                        let v = t.resolved();
                        if v.is_thunk() {
                            vm.demand(mc, ctx, v)?;
                            return Ok(false);
                        }
                        self.spec.arg(coerced(v));
                        *pending = None;
                        *next += 1;
                    }
                    let Some(&item) = items.0.get(*next) else { return Ok(true) };
                    match super::strings::plain_to_string(ctx, item, true) {
                        Some(s) => {
                            self.spec.arg(s?);
                            *next += 1;
                        }
                        None => *pending = Some(coerce(mc, ctx, item)),
                    }
                }
            }
        }
    }

    /// Builds the derivation, adds it to the store and gives `{ drvPath; <output>; }`.
    fn finish(&mut self, mc: &Mutation<'gc>, ctx: &mut Ctx<'_>) -> Result<Step<'gc>, EvalError> {
        let made = self.spec.build(ctx)?;
        let mut set = crate::value::AttrsBuilder::with_capacity(1 + made.outputs.len());
        set.push(known::DRV_PATH, Value::String(Gc::new(mc, made.drv_path)));
        for (name, path) in made.outputs {
            set.push(ctx.symbols.intern(name.as_bytes()), Value::String(Gc::new(mc, path)));
        }
        let set = set
            .finish(mc, ctx.symbols, true)
            .map_err(|_| EvalError::eval("invalid derivation output name 'drvPath'", None))?;
        Ok(Step::Return(Value::Attrs(set)))
    }

    /// The frames of an error raised while the derivation is evaluated, innermost first.
    pub fn frames(&self, ctx: &Ctx<'_>) -> Vec<(String, Option<Span>)> {
        let mut frames = Vec::new();
        if let Stage::Attr(i) = self.stage {
            if let Work::Json(json) = &self.work {
                frames = json.frames(ctx);
            }
            if let Some(entry) = self.entries.get(i) {
                let key = ctx.symbols.display(entry.name);
                frames.push((
                    format!("while evaluating attribute '{key}' of derivation '{}'", self.spec.name),
                    ctx.sources.span_at(entry.pos),
                ));
            }
        }
        if self.stage != Stage::Name {
            frames.push((self.spec.derivation_frame(), None));
        }
        frames
    }
}

/// The string a value coerces to in a derivation's environment (as `toString` does, but
/// copying paths to the store), as a lazy application to force.
fn coerce<'gc>(mc: &Mutation<'gc>, ctx: &Ctx<'_>, v: Value<'gc>) -> Value<'gc> {
    Value::apply(mc, Value::PrimOp(ctx.builtins.index_of(super::strings::DERIVATION_STRING)), v)
}

/// The result of a forced coercion.
fn coerced(v: Value<'_>) -> NixString {
    match v {
        Value::String(s) => (*s).clone(),
        _ => unreachable!("coercions give strings"),
    }
}
