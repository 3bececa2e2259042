//! String builtins that need no callbacks into Nix while they run, `toString`, path
//! name helpers, `getEnv`, and the message builtins `warn` and `break`. Sets given where a string is expected are coerced through `toString`
//! (`__toString` or `outPath`) by applying the builtin again to the coerced value.

use super::util::{arg, element, int, list, new_string, ok, string};
use super::{PrimOpDef, Ret, global, internal, prim, unforced};
use crate::error::EvalError;
use crate::print::format_float;
use crate::value::{NixString, StringContext, Value};
use crate::vm::{Ctx, Vm};
use gc_arena::{Gc, Mutation};

pub const PRIMOPS: &[PrimOpDef] = &[
    global("toString", 1, 1, |_, mc, ctx, a| to_string(mc, ctx, a[0], "toString")),
    internal(DERIVATION_STRING, 1, 1, |_, mc, ctx, a| to_string(mc, ctx, a[0], DERIVATION_STRING)),
    prim("stringLength", 1, 1, string_length),
    prim("substring", 3, 7, substring),
    prim("concatStringsSep", 2, 3, concat_strings_sep),
    global("baseNameOf", 1, 1, |_, mc, ctx, a| path_part(mc, ctx, a, "baseNameOf", crate::paths::base_name)),
    global("dirOf", 1, 1, dir_of),
    prim("toPath", 1, 1, to_path),
    prim("replaceStrings", 3, 7, replace_strings),
    prim("getEnv", 1, 1, get_env),
    prim("warn", 2, 1, warn),
    // Without a debugger attached, `break` is the identity.
    global("break", 1, 1, |_, _, _, a| ok(a[0])),
];

/// A string or path argument as text; sets must have been coerced by [`reapply`] first.
fn coerce(ctx: &Ctx<'_>, v: Value<'_>) -> Result<NixString, EvalError> {
    match v {
        Value::String(s) => Ok((*s).clone()),
        Value::Path(p) => Ok(NixString::plain(p.bytes.clone())),
        other => Err(crate::vm::not_coercible(ctx, other)),
    }
}

/// As [`coerce`], but a path is copied to the store, as interpolation does.
fn coerce_copying(ctx: &mut Ctx<'_>, v: Value<'_>) -> Result<NixString, EvalError> {
    match v {
        Value::Path(p) => crate::vm::path_to_store(ctx, &p.bytes),
        other => coerce(ctx, other),
    }
}

/// The internal builtin that coerces a derivation's attributes: `toString`, except that
/// paths are copied to the store.
pub const DERIVATION_STRING: &str = "toString (of a derivation attribute)";

/// `toString v` (or the builtin `name` of the same family) as a lazy application.
fn to_string_of<'gc>(mc: &Mutation<'gc>, ctx: &Ctx<'_>, name: &str, v: Value<'gc>) -> Value<'gc> {
    let f = Value::PrimOp(ctx.builtins.index_of(name));
    Value::apply(mc, f, v)
}

/// The builtin `name` applied again to `args`, in which sets are replaced by their
/// coercion to a string (`__toString` or `outPath`), if any argument is a set.
fn reapply<'gc>(mc: &Mutation<'gc>, ctx: &Ctx<'_>, name: &str, args: &[Value<'gc>]) -> Option<Ret<'gc>> {
    if !args.iter().any(|a| matches!(a, Value::Attrs(_))) {
        return None;
    }
    let args: Vec<Value<'gc>> = args.iter().map(|&a| coerced_if_set(mc, ctx, a)).collect();
    Some(apply(mc, ctx, name, &args))
}

/// The one argument of the builtin `name` as a string (a string or path), or the
/// builtin applied again to its coercion when it is a set (see [`reapply`]).
pub(super) fn string_arg<'gc>(
    mc: &Mutation<'gc>,
    ctx: &Ctx<'_>,
    name: &str,
    a: &[Value<'gc>],
) -> Result<Result<NixString, Ret<'gc>>, EvalError> {
    if let Some(r) = reapply(mc, ctx, name, a) {
        return Ok(Err(r));
    }
    Ok(Ok(arg(0, coerce(ctx, a[0]))?))
}

/// `v`, or `toString v` if `v` is a set.
fn coerced_if_set<'gc>(mc: &Mutation<'gc>, ctx: &Ctx<'_>, v: Value<'gc>) -> Value<'gc> {
    if matches!(v, Value::Attrs(_)) { to_string_of(mc, ctx, "toString", v) } else { v }
}

/// The builtin `name` applied to `args`, lazily.
fn apply<'gc>(mc: &Mutation<'gc>, ctx: &Ctx<'_>, name: &str, args: &[Value<'gc>]) -> Ret<'gc> {
    let mut f = Value::PrimOp(ctx.builtins.index_of(name));
    for &arg in args {
        f = Value::apply(mc, f, arg);
    }
    Ret::Value(f)
}

/// `toString` (`name`): strings, paths, numbers, Booleans, null, lists (joined by
/// spaces) and sets with `__toString` or `outPath`. As [`DERIVATION_STRING`], paths
/// are copied to the store.
fn to_string<'gc>(
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    v: Value<'gc>,
    name: &str,
) -> Result<Ret<'gc>, EvalError> {
    if let Value::Attrs(set) = v {
        let inner = arg(0, crate::vm::coercion_target(mc, ctx, set))?;
        return ok(to_string_of(mc, ctx, name, inner));
    }
    if let Value::List(l) = v {
        let pending = unforced(l.0.iter().copied());
        if !pending.is_empty() {
            return Ok(Ret::Retry(pending));
        }
        // Sets and non-empty lists inside become `toString` thunks (empty lists stay,
        // as they decide the spacing).
        if l.0.iter().any(|e| nested(e.resolved())) {
            let items: Vec<Value<'gc>> =
                l.0.iter()
                    .map(|e| if nested(e.resolved()) { to_string_of(mc, ctx, name, *e) } else { *e })
                    .collect();
            return ok(to_string_of(mc, ctx, name, Value::list(mc, items)));
        }
    }
    let s = arg(0, text(ctx, v, name == DERIVATION_STRING))?;
    ok(Value::String(Gc::new(mc, s)))
}

/// Whether a list element is one `toString` turns into a `toString` thunk first.
fn nested(e: Value<'_>) -> bool {
    match e {
        Value::Attrs(_) => true,
        Value::List(inner) => !inner.0.is_empty(),
        _ => false,
    }
}

/// What `toString` gives for `v` (copying paths to the store when `copy`) when that
/// needs no evaluation: `v` is forced and no set, and a list's elements are forced and
/// neither sets nor non-empty lists. `None` otherwise.
pub(super) fn plain_to_string(
    ctx: &mut Ctx<'_>,
    v: Value<'_>,
    copy: bool,
) -> Option<Result<NixString, EvalError>> {
    let plain = match v.resolved() {
        Value::Thunk(_) | Value::Attrs(_) => false,
        Value::List(l) => l.0.iter().map(|e| e.resolved()).all(|e| !e.is_thunk() && !nested(e)),
        _ => true,
    };
    plain.then(|| text(ctx, v, copy))
}

/// `toString v` for a forced `v` whose list elements are neither sets nor non-empty
/// lists.
fn text(ctx: &mut Ctx<'_>, v: Value<'_>, copy: bool) -> Result<NixString, EvalError> {
    if let Value::String(s) = v.resolved() {
        return Ok((*s).clone());
    }
    let (mut out, mut context) = (Vec::new(), StringContext::default());
    to_string_into(ctx, v, copy, &mut out, &mut context)?;
    Ok(NixString::with_context(out, context))
}

fn to_string_into(
    ctx: &mut Ctx<'_>,
    v: Value<'_>,
    copy: bool,
    out: &mut Vec<u8>,
    context: &mut StringContext,
) -> Result<(), EvalError> {
    match v.resolved() {
        Value::Int(i) => out.extend_from_slice(i.to_string().as_bytes()),
        Value::Float(f) if f.is_finite() => out.extend_from_slice(format!("{f:.6}").as_bytes()),
        Value::Float(f) => out.extend_from_slice(format_float(f).as_bytes()),
        Value::Bool(true) => out.push(b'1'),
        Value::Bool(false) | Value::Null => {}
        Value::List(l) => {
            for (i, e) in l.0.iter().enumerate() {
                element(to_string_into(ctx, *e, copy, out, context), "one element of the list")?;
                let empty_list = matches!(e.resolved(), Value::List(inner) if inner.0.is_empty());
                if i + 1 < l.0.len() && !empty_list {
                    out.push(b' ');
                }
            }
        }
        other => {
            let s = if copy { coerce_copying(ctx, other)? } else { coerce(ctx, other)? };
            out.extend_from_slice(&s.bytes);
            *context = context.union(&s.context);
        }
    }
    Ok(())
}

fn string_length<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    match string_arg(mc, ctx, "stringLength", a)? {
        Ok(s) => ok(Value::Int(s.bytes.len() as i64)),
        Err(again) => Ok(again),
    }
}

/// `substring start len s`: by bytes; a negative `len` means the rest of `s`.
fn substring<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let start = arg(0, int(ctx, a[0]))?;
    let len = arg(1, int(ctx, a[1]))?;
    if start < 0 {
        return Err(EvalError::eval("negative start position in 'substring'", None));
    }
    if let Some(r) = reapply(mc, ctx, "substring", a) {
        return Ok(r);
    }
    let s = arg(2, coerce(ctx, a[2]))?;
    let start = usize::try_from(start).unwrap_or(usize::MAX).min(s.bytes.len());
    let len = usize::try_from(len).unwrap_or(usize::MAX);
    let end = start.saturating_add(len).min(s.bytes.len());
    ok(Value::String(Gc::new(mc, NixString::with_context(&s.bytes[start..end], s.context.clone()))))
}

fn concat_strings_sep<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let sep = arg(0, string(ctx, a[0]))?;
    let l = arg(1, list(ctx, a[1]))?;
    let pending = unforced(l.0.iter().copied());
    if !pending.is_empty() {
        return Ok(Ret::Retry(pending));
    }
    if l.0.iter().any(|e| matches!(e.resolved(), Value::Attrs(_))) {
        let items: Vec<Value<'gc>> = l.0.iter().map(|e| coerced_if_set(mc, ctx, e.resolved())).collect();
        return Ok(apply(mc, ctx, "concatStringsSep", &[a[0], Value::list(mc, items)]));
    }
    let mut out = Vec::new();
    let mut context = sep.context.clone();
    for (i, e) in l.0.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep.bytes);
        }
        let s = element(
            coerce_copying(ctx, e.resolved()),
            "one element of the list of strings to concat passed to builtins.concatStringsSep",
        )?;
        out.extend_from_slice(&s.bytes);
        context = context.union(&s.context);
    }
    ok(Value::String(Gc::new(mc, NixString::with_context(out, context))))
}

/// `replaceStrings from to s`: at each position the first of `from` that occurs there
/// is replaced by its `to` (an empty `from` matches everywhere, also at the end, and
/// keeps the character); replacements are forced only when used.
fn replace_strings<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let (from, to) = (arg(0, list(ctx, a[0]))?, arg(1, list(ctx, a[1]))?);
    if from.0.len() != to.0.len() {
        return Err(EvalError::eval(
            "'from' and 'to' arguments passed to builtins.replaceStrings have different lengths",
            None,
        ));
    }
    let pending = unforced(from.0.iter().copied());
    if !pending.is_empty() {
        return Ok(Ret::Retry(pending));
    }
    let from = from.0.iter().map(|v| string(ctx, v.resolved())).collect::<Result<Vec<_>, _>>();
    let from = element(from, "one of the strings to replace passed to builtins.replaceStrings")?;
    let s = arg(2, string(ctx, a[2]))?;
    let (mut out, mut context) = (Vec::with_capacity(s.bytes.len()), s.context.clone());
    let mut p = 0;
    while p <= s.bytes.len() {
        let hit = from.iter().position(|f| s.bytes[p..].starts_with(&f.bytes));
        let Some(i) = hit else {
            out.extend(s.bytes.get(p));
            p += 1;
            continue;
        };
        let replacement = match to.0[i].resolved() {
            Value::Thunk(t) => return Ok(Ret::Retry(vec![Value::Thunk(t)])),
            v => element(string(ctx, v), "one of the replacement strings passed to builtins.replaceStrings")?,
        };
        out.extend_from_slice(&replacement.bytes);
        context = context.union(&replacement.context);
        if from[i].bytes.is_empty() {
            out.extend(s.bytes.get(p));
            p += 1;
        } else {
            p += from[i].bytes.len();
        }
    }
    ok(Value::String(Gc::new(mc, NixString::with_context(out, context))))
}

/// `toPath`: an absolute path string (or path, or set coerced to a string),
/// canonicalised; still a string, with its context.
fn to_path<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let s = match string_arg(mc, ctx, "toPath", a)? {
        Ok(s) => s,
        Err(again) => return Ok(again),
    };
    if !s.bytes.starts_with(b"/") {
        let message = format!("string '{}' doesn't represent an absolute path", s.lossy());
        return arg(0, Err(EvalError::eval(message, None)));
    }
    let path = crate::paths::canonicalise(&s.bytes);
    ok(Value::String(Gc::new(mc, NixString::with_context(path, s.context.clone()))))
}

/// `baseNameOf` and `dirOf` of a string (or a set coerced to one).
fn path_part<'gc>(
    mc: &Mutation<'gc>,
    ctx: &Ctx<'_>,
    a: &[Value<'gc>],
    name: &str,
    part: fn(&[u8]) -> &[u8],
) -> Result<Ret<'gc>, EvalError> {
    let s = match string_arg(mc, ctx, name, a)? {
        Ok(s) => s,
        Err(again) => return Ok(again),
    };
    ok(Value::String(Gc::new(mc, NixString::with_context(part(&s.bytes), s.context.clone()))))
}

fn dir_of<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    match a[0] {
        Value::Path(p) => ok(Value::Path(Gc::new(mc, NixString::plain(crate::paths::dir_name(&p.bytes))))),
        _ => path_part(mc, ctx, a, "dirOf", crate::paths::dir_name),
    }
}

/// `getEnv name`: the variable from the process environment, or `""`.
fn get_env<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let name = arg(0, string(ctx, a[0]))?;
    use std::os::unix::ffi::OsStrExt;
    // `var_os` panics on names that cannot exist.
    let possible = !name.bytes.is_empty() && !name.bytes.iter().any(|&b| b == b'=' || b == 0);
    let value = possible
        .then(|| std::env::var_os(std::ffi::OsStr::from_bytes(&name.bytes)))
        .flatten()
        .map(std::os::unix::ffi::OsStringExt::into_vec)
        .unwrap_or_default();
    ok(new_string(mc, value))
}

/// `warn msg v`: prints `evaluation warning: msg` and returns `v` (or fails, with
/// `abort-on-warn`).
fn warn<'gc>(
    _: &mut Vm<'gc>,
    _: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    const PREFIX: &str = "evaluation warning: ";
    let msg = arg(0, string(ctx, a[0]))?;
    let indent = format!("\n{}", " ".repeat(PREFIX.len()));
    eprintln!("{PREFIX}{}", msg.lossy().replace('\n', &indent));
    if ctx.options.abort_on_warn {
        return Err(EvalError::eval(
            "aborting to reveal stack trace of warning, as abort-on-warn is set",
            None,
        ));
    }
    ok(a[1])
}
