//! The context an error gathers while it unwinds: each popped frame adds what the
//! reference's evaluator would have added at the same point (`… while calling the
//! 'map' builtin`, `… while calling 'f'`, `… from call site`, `… while evaluating the
//! attribute 'a'`, and the operators' frames a chunk's `contexts` table places).
//! Nothing is recorded while evaluation succeeds: the frames being popped and the code
//! they were running hold all that is needed.

use super::Ctx;
use super::native::Native;
use crate::builtins::arguments;
use crate::code::{Chunk, ChunkId, Op};
use crate::compile::contexts::operator_builtin;
use crate::error::{EvalError, TracePrint};
use crate::source::{Pos, Span};
use crate::value::ThunkState;

/// What the frames popped so far left for the frames below them.
#[derive(Default)]
pub(super) struct Unwinding {
    /// Where the attribute whose value was being forced is defined.
    attribute: Option<Span>,
}

impl Unwinding {
    /// A thunk's update frame popped: remember where its attribute is defined.
    pub fn thunk(&mut self, ctx: &Ctx<'_>, saved: &ThunkState<'_>) {
        self.attribute = match saved {
            ThunkState::Suspended { code, .. } => ctx.program.chunk(*code).binding,
            _ => None,
        };
    }

    /// A code frame popped, `ip` past the op it was running, `found` where the
    /// attribute its select path last found is defined; `caller` is the position of
    /// the op the frame below is running, if it is a code frame.
    pub fn code(
        &mut self,
        ctx: &Ctx<'_>,
        e: &mut EvalError,
        (chunk, ip, call): (ChunkId, u32, bool),
        found: Pos,
        caller: Option<Span>,
    ) {
        let code = ctx.program.chunk(chunk);
        let at = (ip as usize).saturating_sub(1);
        e.settle_site(code.spans.get(at).copied());
        // The value of an attribute the path found failed to evaluate.
        if let Some(defined) = self.attribute.take()
            && matches!(code.ops.get(at), Some(Op::Force))
            && let Some(path) = path_of(code, at)
        {
            attribute_frame(ctx, e, code, path, defined);
        }
        let operand = e.argument.take();
        let at32 = at as u32;
        for c in code.contexts.iter().filter(|c| (c.first..=c.last).contains(&at32)) {
            if c.operand.is_none() || (c.operand == operand && at32 == c.last) {
                e.add_trace(c.message, c.span);
            }
        }
        // A later step of a path failed (missing, or not a set) after an attribute was
        // found: the reference names the path at that attribute, around the rest.
        if matches!(code.ops.get(at), Some(Op::Select(_)))
            && let Some(path @ (first, _)) = path_of(code, at)
            && first < at
            && let Some(defined) = ctx.sources.span_at(found)
        {
            attribute_frame(ctx, e, code, path, defined);
        }
        if let (true, Some(lambda)) = (call, code.lambda) {
            let lambda = ctx.program.lambda(lambda);
            let name = match lambda.name {
                Some(n) => format!("'{}'", ctx.symbols.display(n)),
                None => "anonymous lambda".into(),
            };
            e.add_frame(format!("while calling {name}"), Some(lambda.span), TracePrint::ShowTraceOnly);
            if caller.is_some() {
                e.add_frame("from call site", caller, TracePrint::ShowTraceOnly);
            }
        }
    }

    /// A native frame popped, running for `builtin` if any (`caller` as for
    /// [`Unwinding::code`]). A builtin whose argument was being forced gets the frame
    /// naming the argument, where the reference adds one (`builtins::arguments`);
    /// every builtin but `addErrorContext` gets the frame of its call.
    pub fn native(
        &mut self,
        ctx: &Ctx<'_>,
        e: &mut EvalError,
        (state, builtin): (&Native<'_>, Option<u16>),
        caller: Option<Span>,
    ) {
        self.attribute = None;
        e.settle_site(None);
        for (message, span) in state.frames(ctx) {
            e.add_trace(message, span);
        }
        if let &Native::PrimCall { op, next, .. } = state {
            let name = ctx.builtins.def(op).name;
            let next = next as u8;
            if arguments::on_force(name, next) {
                e.add_trace(arguments::frame(name, next), None);
            }
        }
        if let Some(op) = builtin
            && !ctx.builtins.def(op).internal
            && !matches!(state, Native::ErrorContext { .. } | Native::ContextMessage { .. })
        {
            e.add_trace(builtin_frame(ctx, op), caller);
        }
    }
}

/// Completes an error raised by `op` itself; returns whether it takes the op's
/// position. An error about an operand does not: the operand's frame
/// (`Chunk::contexts`) says where it is. Nor do the errors of the operators the
/// reference runs as builtins, which get the frame naming the argument instead.
pub(super) fn own_error(op: Op, e: &mut EvalError) -> bool {
    if let Some((name, _)) = operator_builtin(op) {
        if let Some(i) = e.argument.take() {
            e.add_trace(arguments::frame(name, i), None);
        }
        return false;
    }
    if let (Op::Select(_) | Op::SelectDynamic, Some(_)) = (op, e.argument) {
        // Frequent: placed at the selection itself, which needs no table entry.
        e.argument = None;
        e.add_site_frame(SELECTING, TracePrint::Default);
    }
    e.argument.is_none() && !e.site_pending
}

/// The frame of an error selecting from a value that is not a set.
const SELECTING: &str = "while selecting an attribute";

/// The position of the op a frame is running, if it is a code frame.
pub(super) fn running_op(ctx: &Ctx<'_>, frame: Option<&super::Frame<'_>>) -> Option<Span> {
    let Some(&super::Frame::Code { chunk, ip, .. }) = frame else { return None };
    ctx.program.chunk(chunk).spans.get((ip as usize).checked_sub(1)?).copied()
}

/// `while calling the 'name' builtin`.
pub(super) fn builtin_frame(ctx: &Ctx<'_>, op: u16) -> String {
    format!("while calling the '{}' builtin", ctx.builtins.def(op).name)
}

/// Adds the reference's `… while evaluating the attribute 'a.b'` frame at `defined`
/// (where the attribute is defined; not for the attributes `derivation` defines) for
/// the select path whose ops are `first..=last`.
fn attribute_frame(
    ctx: &Ctx<'_>,
    e: &mut EvalError,
    code: &Chunk,
    (first, last): (usize, usize),
    defined: Span,
) {
    if matches!(ctx.sources.get(defined.file).origin, crate::source::Origin::Internal(_)) {
        return;
    }
    let names: Vec<String> = code.ops[first..=last]
        .iter()
        .filter_map(|op| match op {
            Op::Select(name) | Op::SelectOr(name, _) => Some(ctx.symbols.display(*name).into_owned()),
            _ => None,
        })
        .collect();
    e.add_trace(format!("while evaluating the attribute '{}'", names.join(".")), Some(defined));
}

/// The ops `first..=last` of the static select path op `at` is a step of (its select
/// or the force after it), if any.
fn path_of(code: &Chunk, at: usize) -> Option<(usize, usize)> {
    code.select_paths
        .iter()
        .map(|&(first, last)| (first as usize, last as usize))
        .find(|&(first, last)| (first..=last).contains(&at))
}
