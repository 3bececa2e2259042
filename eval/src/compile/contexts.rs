//! The error context the reference gives operators, conditions and assertions: the
//! `… while evaluating a branch condition` kind of frame an error gets while an
//! operand is evaluated or the operator fails. The compiler records which ops each
//! frame covers in the chunk's `contexts` table; the VM adds the frames only when an
//! error unwinds (`vm::trace`), so evaluation that succeeds pays nothing.

use super::Compiler;
use crate::code::{Op, OpContext};
use crate::source::Span;
use rnix::ast::BinOpKind;

pub const BRANCH_CONDITION: &str = "while evaluating a branch condition";
pub const ASSERT_CONDITION: &str = "in the condition of the assert statement";
pub const NOT_ARGUMENT: &str = "in the argument of the not operator";
pub const CONCAT_ELEMENTS: &str = "while evaluating one of the elements to concatenate";
pub const PATH_SEGMENT: &str = "while evaluating a path segment";

/// The frames of the left and right operands of the operators that name them.
pub fn operand_frames(kind: BinOpKind) -> Option<[&'static str; 2]> {
    Some(match kind {
        BinOpKind::And => {
            ["in the left operand of the AND (&&) operator", "in the right operand of the AND (&&) operator"]
        }
        BinOpKind::Or => {
            ["in the left operand of the OR (||) operator", "in the right operand of the OR (||) operator"]
        }
        BinOpKind::Implication => [
            "in the left operand of the IMPL (->) operator",
            "in the right operand of the IMPL (->) operator",
        ],
        BinOpKind::Update => [
            "in the left operand of the update (//) operator",
            "in the right operand of the update (//) operator",
        ],
        _ => return None,
    })
}

/// The operators the reference runs as builtins (negation subtracts from zero): the
/// builtin's name and the frame of its call, which covers evaluating the operands.
/// The errors of the operation itself have no position of their own.
pub fn operator_builtin(op: Op) -> Option<(&'static str, &'static str)> {
    Some(match op {
        Op::Sub | Op::Negate => ("sub", "while calling the 'sub' builtin"),
        Op::Mul => ("mul", "while calling the 'mul' builtin"),
        Op::Div => ("div", "while calling the 'div' builtin"),
        Op::Less | Op::LessEqual | Op::Greater | Op::GreaterEqual => {
            ("lessThan", "while calling the 'lessThan' builtin")
        }
        _ => return None,
    })
}

impl Compiler<'_> {
    /// The index the next op emitted gets.
    pub(super) fn next_op(&mut self) -> u32 {
        self.chunk().ops.len() as u32
    }

    /// Errors raised from op `first` to the last one emitted get `message` at `span`.
    pub(super) fn context(&mut self, first: u32, message: &'static str, span: Option<Span>) {
        self.record(first, None, message, span);
    }

    /// Errors of the last op emitted about its operand `n` get `message` at `span`.
    pub(super) fn operand_context(&mut self, n: u8, message: &'static str, span: Option<Span>) {
        let last = self.next_op() - 1;
        self.record(last, Some(n), message, span);
    }

    /// Errors from op `first` to the last one emitted (an operator the reference runs
    /// as a builtin, and its operands) get the frame of the builtin's call at `span`.
    pub(super) fn builtin_context(&mut self, first: u32, op: Op, span: Span) {
        if let Some((_, frame)) = operator_builtin(op) {
            self.context(first, frame, Some(span));
        }
    }

    fn record(&mut self, first: u32, operand: Option<u8>, message: &'static str, span: Option<Span>) {
        let last = self.next_op() - 1;
        self.chunk().contexts.push(OpContext { first, last, operand, message, span });
    }

    /// Where the operator of a binary or unary operation is (the reference's position
    /// of the operation).
    pub(super) fn operator_span(&self, node: &rnix::SyntaxNode) -> Span {
        let token = node
            .children_with_tokens()
            .filter_map(|c| c.into_token())
            .find(|t| BinOpKind::from_kind(t.kind()).is_some());
        match token {
            Some(t) => {
                let r = t.text_range();
                Span { file: self.file, start: r.start().into(), end: r.end().into() }
            }
            None => self.span(node),
        }
    }
}
