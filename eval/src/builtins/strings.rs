//! String builtins that need no callbacks into Nix while they run, `toString`, path
//! name helpers and `import`.

use super::util::{int, list, ok, string};
use super::{PrimOpDef, Ret, global, prim, unforced};
use crate::error::EvalError;
use crate::print::format_float;
use crate::value::{NixString, StringContext, Thunk, ThunkState, Value};
use crate::vm::{Ctx, Vm};
use gc_arena::{Gc, Mutation};

pub const PRIMOPS: &[PrimOpDef] = &[
    global("toString", 1, 1, to_string),
    prim("stringLength", 1, 1, |_, _, ctx, a| ok(Value::Int(coerce_plain(ctx, a[0])?.bytes.len() as i64))),
    prim("substring", 3, 7, substring),
    prim("concatStringsSep", 2, 3, concat_strings_sep),
    global("baseNameOf", 1, 1, |_, mc, ctx, a| path_part(mc, ctx, a[0], crate::paths::base_name)),
    global("dirOf", 1, 1, dir_of),
    global("import", 1, 1, import),
];

/// A string (or path, as text) for builtins that take strings.
fn coerce_plain(ctx: &Ctx<'_>, v: Value<'_>) -> Result<NixString, EvalError> {
    match v {
        Value::String(s) => Ok((*s).clone()),
        Value::Path(p) => Ok(NixString::plain(p.bytes.clone())),
        other => Err(crate::vm::exec_type_error(ctx, "a string", other)),
    }
}

/// `toString`: strings, paths, numbers, Booleans, null, lists (joined by spaces) and
/// sets with `__toString` or `outPath`.
fn to_string<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let v = a[0];
    if let Value::Attrs(set) = v {
        let to_string = ctx.symbols.intern(b"__toString");
        let out_path = ctx.symbols.intern(b"outPath");
        let inner = if let Some(f) = set.get(ctx.symbols, to_string) {
            Value::Thunk(Thunk::new(mc, ThunkState::Apply { f, arg: v }))
        } else if let Some(p) = set.get(ctx.symbols, out_path) {
            p
        } else {
            return Err(EvalError::eval(
                format!("cannot coerce a set to a string: {}", crate::print::short(ctx, v)),
                None,
            ));
        };
        let this = Value::PrimOp(ctx.builtins.index_of("toString"));
        return ok(Value::Thunk(Thunk::new(mc, ThunkState::Apply { f: this, arg: inner })));
    }
    if let Value::List(l) = v {
        let pending = unforced(l.0.iter().copied());
        if !pending.is_empty() {
            return Ok(Ret::Retry(pending));
        }
    }
    let mut out = Vec::new();
    let mut context = StringContext::default();
    to_string_into(ctx, v, &mut out, &mut context)?;
    ok(Value::String(Gc::new(mc, NixString::with_context(out, context))))
}

fn to_string_into(
    ctx: &Ctx<'_>,
    v: Value<'_>,
    out: &mut Vec<u8>,
    context: &mut StringContext,
) -> Result<(), EvalError> {
    match v.resolved() {
        Value::String(s) => {
            out.extend_from_slice(&s.bytes);
            *context = context.union(&s.context);
        }
        Value::Path(p) => out.extend_from_slice(&p.bytes),
        Value::Int(i) => out.extend_from_slice(i.to_string().as_bytes()),
        Value::Float(f) => out.extend_from_slice(format!("{f:.6}").as_bytes()),
        Value::Bool(true) => out.push(b'1'),
        Value::Bool(false) | Value::Null => {}
        Value::List(l) => {
            for (i, e) in l.0.iter().enumerate() {
                if i > 0 && !matches!(l.0[i - 1].resolved(), Value::List(prev) if prev.0.is_empty()) {
                    out.push(b' ');
                }
                to_string_into(ctx, *e, out, context)?;
            }
        }
        other => {
            let _ = format_float;
            return Err(EvalError::eval(
                format!(
                    "cannot coerce {} to a string: {}",
                    other.type_phrase(),
                    crate::print::short(ctx, other)
                ),
                None,
            ));
        }
    }
    Ok(())
}

fn substring<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let start = int(ctx, a[0])?;
    let len = int(ctx, a[1])?;
    let s = coerce_plain(ctx, a[2])?;
    if start < 0 {
        return Err(EvalError::eval("negative start position in 'substring'", None));
    }
    let start = (start as usize).min(s.bytes.len());
    let end = if len < 0 { s.bytes.len() } else { start.saturating_add(len as usize).min(s.bytes.len()) };
    ok(Value::String(Gc::new(mc, NixString::with_context(&s.bytes[start..end], s.context.clone()))))
}

fn concat_strings_sep<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let sep = string(ctx, a[0])?;
    let l = list(ctx, a[1])?;
    let pending = unforced(l.0.iter().copied());
    if !pending.is_empty() {
        return Ok(Ret::Retry(pending));
    }
    let mut out = Vec::new();
    let mut context = sep.context.clone();
    for (i, e) in l.0.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep.bytes);
        }
        let s = coerce_plain(ctx, e.resolved())?;
        out.extend_from_slice(&s.bytes);
        context = context.union(&s.context);
    }
    ok(Value::String(Gc::new(mc, NixString::with_context(out, context))))
}

fn path_part<'gc>(
    mc: &Mutation<'gc>,
    ctx: &Ctx<'_>,
    v: Value<'gc>,
    part: fn(&[u8]) -> &[u8],
) -> Result<Ret<'gc>, EvalError> {
    let s = coerce_plain(ctx, v)?;
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
        other => path_part(mc, ctx, other, crate::paths::dir_name),
    }
}

fn import<'gc>(
    vm: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let path = match a[0] {
        Value::Path(p) => String::from_utf8_lossy(&p.bytes).into_owned(),
        Value::String(s) if s.bytes.starts_with(b"/") => s.lossy().into_owned(),
        other => return Err(crate::vm::exec_type_error(ctx, "a path", other)),
    };
    let file =
        ctx.io.load(ctx.program, ctx.symbols, ctx.sources, ctx.builtins, std::path::Path::new(&path))?;
    let idx = file.0 as usize;
    if vm.imports.len() <= idx {
        vm.imports.resize(idx + 1, None);
    }
    if let Some(v) = vm.imports[idx] {
        return ok(v);
    }
    let code = ctx.io.chunk_of(file).expect("a loaded file has a chunk");
    let v = Value::Thunk(Thunk::new(mc, ThunkState::Suspended { code, env: vm.root_env }));
    vm.imports[idx] = Some(v);
    ok(v)
}
