//! `import` and `scopedImport`: a file's value, as a thunk of its compiled code. A
//! plain import is one thunk per file, shared by every import of it; `scopedImport`
//! binds the names of a set around the file (hiding globals of the same names), and
//! makes a new thunk each time, as the values bound differ.

use super::files::path_arg;
use super::util::{arg, attrs, ok};
use super::{PrimOpDef, Ret, global, unforced};
use crate::error::EvalError;
use crate::value::{Entry, Env, Thunk, ThunkState, Value};
use crate::vm::{Ctx, Vm};
use gc_arena::Mutation;

pub const PRIMOPS: &[PrimOpDef] =
    &[global("import", 1, 1, import), global("scopedImport", 2, 2, scoped_import)];

fn import<'gc>(
    vm: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let path = match path_arg(mc, ctx, "import", a, 0)? {
        Ok(p) => p,
        Err(again) => return Ok(again),
    };
    let (file, code) = ctx.io.load(ctx.program, ctx.symbols, ctx.sources, ctx.builtins, &path, &[])?;
    let idx = file.0 as usize;
    if vm.imports.len() <= idx {
        vm.imports.resize(idx + 1, None);
    }
    if let Some(v) = vm.imports[idx] {
        return ok(v);
    }
    let v = Value::Thunk(Thunk::new(mc, ThunkState::Suspended { code, env: vm.root_env }));
    vm.imports[idx] = Some(v);
    ok(v)
}

/// `scopedImport scope path`.
fn scoped_import<'gc>(
    vm: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    // The path is forced and checked first, as in the reference.
    let path = match path_arg(mc, ctx, "scopedImport", a, 1)? {
        Ok(p) => p,
        Err(again) => return Ok(again),
    };
    let pending = unforced([a[0]]);
    if !pending.is_empty() {
        return Ok(Ret::Retry(pending));
    }
    let scope = arg(0, attrs(ctx, a[0].resolved()))?;
    let names: Vec<_> = scope.entries(ctx.symbols).iter().map(|e| e.name).collect();
    let (_, code) = ctx.io.load(ctx.program, ctx.symbols, ctx.sources, ctx.builtins, &path, &names)?;
    let env = Env::new(mc, Some(vm.root_env), names.len());
    for (slot, Entry { value: v, .. }) in scope.entries(ctx.symbols).iter().enumerate() {
        Env::set(env, mc, slot, *v);
    }
    ok(Value::Thunk(Thunk::new(mc, ThunkState::Suspended { code, env })))
}
