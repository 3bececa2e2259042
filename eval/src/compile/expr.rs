//! Compiling expressions. `value` leaves an expression's value in weak head normal form
//! on the stack; `lazy` leaves something that evaluates to it (the value itself when it
//! is cheap and safe, else a thunk).

use super::Compiler;
use super::bindings::{BindValue, Bindings};
use super::contexts;
use super::scope::{Scope, Var};
use super::strings::{self, Piece};
use crate::code::{ChunkId, Const, Formal, Lambda, LambdaId, Op, Params};
use crate::error::EvalError;
use crate::source::Span;
use crate::symbol::Symbol;
use rnix::ast::{self, AstToken, BinOpKind, Expr, InterpolPart, UnaryOpKind};
use rowan::ast::AstNode;

type R = Result<(), EvalError>;

impl Compiler<'_> {
    pub(super) fn value(&mut self, e: &Expr) -> R {
        let span = self.span(e.syntax());
        match e {
            Expr::Literal(l) => self.literal(l, span),
            Expr::Str(s) => self.string(s, span),
            Expr::PathAbs(_) | Expr::PathRel(_) | Expr::PathHome(_) => self.path(e, span),
            Expr::PathSearch(p) => self.search_path(p, span),
            Expr::Ident(i) => self.ident(i, span, true),
            Expr::Paren(p) => {
                let inner = p.expr().ok_or_else(|| self.missing(p.syntax()))?;
                self.value(&inner)
            }
            Expr::Root(r) => {
                let inner = r.expr().ok_or_else(|| self.missing(r.syntax()))?;
                self.value(&inner)
            }
            Expr::Lambda(l) => {
                let id = self.lambda(l, None)?;
                self.emit(Op::Closure(id), span);
                Ok(())
            }
            Expr::Apply(a) => {
                let f = a.lambda().ok_or_else(|| self.missing(a.syntax()))?;
                let arg = a.argument().ok_or_else(|| self.missing(a.syntax()))?;
                // `f x y`: both arguments in one call.
                if let Expr::Apply(inner) = &f {
                    let g = inner.lambda().ok_or_else(|| self.missing(inner.syntax()))?;
                    let first = inner.argument().ok_or_else(|| self.missing(inner.syntax()))?;
                    self.value(&g)?;
                    self.lazy(&first)?;
                    self.lazy(&arg)?;
                    self.emit(Op::Call2, span);
                    return Ok(());
                }
                self.value(&f)?;
                self.lazy(&arg)?;
                self.emit(Op::Call, span);
                Ok(())
            }
            Expr::List(l) => {
                let items: Vec<Expr> = l.items().collect();
                for item in &items {
                    self.lazy(item)?;
                }
                self.emit(Op::List(items.len() as u32), span);
                Ok(())
            }
            Expr::AttrSet(s) => {
                let b = self.collect_bindings(s)?;
                if s.rec_token().is_some() { self.recursive(&b, None, span) } else { self.attrs(&b, span) }
            }
            Expr::LetIn(l) => {
                let b = self.collect_bindings(l)?;
                // The reference reports this at the whole expression.
                if !b.dynamics.is_empty() {
                    return Err(EvalError::parse("dynamic attributes not allowed in let", span));
                }
                let body = l.body().ok_or_else(|| self.missing(l.syntax()))?;
                self.recursive(&b, Some(&body), span)
            }
            Expr::LegacyLet(l) => {
                // `let { ...; body = e; }` is `rec { ...; body = e; }.body`.
                let b = self.collect_bindings(l)?;
                self.recursive(&b, None, span)?;
                let body = self.symbols.intern(b"body");
                self.emit(Op::Select(body), span);
                self.emit(Op::Force, span);
                Ok(())
            }
            Expr::With(w) => {
                let ns = w.namespace().ok_or_else(|| self.missing(w.syntax()))?;
                let body = w.body().ok_or_else(|| self.missing(w.syntax()))?;
                self.lazy(&ns)?;
                self.emit(Op::EnterWith, span);
                self.scopes.push(Scope::With);
                let r = self.value(&body);
                self.scopes.pop();
                r?;
                self.emit(Op::LeaveScope, span);
                Ok(())
            }
            Expr::Select(s) => self.select(s, span),
            Expr::HasAttr(h) => self.has_attr(h, span),
            Expr::BinOp(b) => self.binop(b, span),
            Expr::UnaryOp(u) => {
                let inner = u.expr().ok_or_else(|| self.missing(u.syntax()))?;
                let first = self.next_op();
                self.value(&inner)?;
                match u.operator() {
                    Some(UnaryOpKind::Invert) => {
                        let inner_span = self.span(inner.syntax());
                        self.context(first, contexts::NOT_ARGUMENT, Some(inner_span));
                        self.emit(Op::Not, span);
                        self.operand_context(0, contexts::NOT_ARGUMENT, None);
                    }
                    Some(UnaryOpKind::Negate) => {
                        self.emit(Op::Negate, span);
                        self.builtin_context(first, Op::Negate, span);
                    }
                    None => return Err(self.missing(u.syntax())),
                }
                Ok(())
            }
            Expr::IfElse(i) => {
                let cond = i.condition().ok_or_else(|| self.missing(i.syntax()))?;
                let then = i.body().ok_or_else(|| self.missing(i.syntax()))?;
                let other = i.else_body().ok_or_else(|| self.missing(i.syntax()))?;
                let first = self.next_op();
                self.value(&cond)?;
                let to_else = self.emit_jump(Op::JumpIfFalse, span);
                self.context(first, contexts::BRANCH_CONDITION, Some(span));
                self.value(&then)?;
                let to_end = self.emit_jump(Op::Jump, span);
                self.patch_jump(to_else);
                self.value(&other)?;
                self.patch_jump(to_end);
                Ok(())
            }
            Expr::Assert(a) => {
                let cond = a.condition().ok_or_else(|| self.missing(a.syntax()))?;
                let body = a.body().ok_or_else(|| self.missing(a.syntax()))?;
                let mut text = String::new();
                self.show(&cond, &mut text)?;
                let k = self.chunk().add_const(Const::String(text.into_bytes().into()));
                let first = self.next_op();
                self.value(&cond)?;
                let to_body = self.emit_jump(Op::JumpIfTrue, span);
                self.context(first, contexts::ASSERT_CONDITION, Some(span));
                match equality_sides(&cond) {
                    // A failed `a == b` reports why the sides differ: evaluate them again.
                    Some((lhs, rhs)) => {
                        self.value(&lhs)?;
                        self.value(&rhs)?;
                        self.emit(Op::AssertEqual(k), span);
                    }
                    None => {
                        self.emit(Op::Assert(k), span);
                    }
                }
                self.patch_jump(to_body);
                self.value(&body)
            }
            Expr::CurPos(_) => {
                self.emit(Op::CurPos(self.pos(span)), span);
                Ok(())
            }
            Expr::Error(_) => Err(self.missing(e.syntax())),
        }
    }

    /// Leaves something that evaluates to `e`: constants and variables as they are,
    /// anything else as a thunk. Closures are thunks too, as in the reference, where they
    /// print as `<CODE>` until forced.
    pub(super) fn lazy(&mut self, e: &Expr) -> R {
        let span = self.span(e.syntax());
        match e {
            Expr::Literal(_) | Expr::PathAbs(_) | Expr::PathRel(_) | Expr::PathHome(_)
                if !has_interpolation(e) =>
            {
                self.value(e)
            }
            Expr::Str(s) if self.constant_string(s).is_some() => self.value(e),
            Expr::Paren(p) if p.r_paren_token().is_some() => match p.expr() {
                Some(inner) => self.lazy(&inner),
                None => Err(self.missing(p.syntax())),
            },
            Expr::Ident(i) => {
                let name = self.ident_name(i);
                match self.resolve(name, 0) {
                    Some(Var::Local { filling: false, .. } | Var::Global(_)) => self.ident(i, span, false),
                    Some(Var::With | Var::Local { filling: true, .. }) => self.thunk_op(e, span),
                    None => Err(self.undefined(name, span)),
                }
            }
            _ => self.thunk_op(e, span),
        }
    }

    fn thunk_op(&mut self, e: &Expr, span: Span) -> R {
        let id = self.thunk(e)?;
        self.emit(Op::Thunk(id), span);
        Ok(())
    }

    fn ident_name(&mut self, i: &ast::Ident) -> Symbol {
        let text = i.syntax().text().to_string();
        self.symbols.intern(text.as_bytes())
    }

    fn undefined(&self, name: Symbol, span: Span) -> EvalError {
        EvalError::eval(format!("undefined variable '{}'", self.symbols.display(name)), Some(span))
    }

    /// A variable reference, forced when `force`.
    fn ident(&mut self, i: &ast::Ident, span: Span, force: bool) -> R {
        let name = self.ident_name(i);
        match self.resolve(name, 0) {
            Some(Var::Local { depth, slot, .. }) => {
                let op = if force { Op::LocalForced { depth, slot } } else { Op::Local { depth, slot } };
                self.emit(op, span);
            }
            Some(Var::Global(g)) => {
                self.emit(Op::Global(g), span);
            }
            Some(Var::With) => {
                self.emit(Op::WithLookup(name), span);
                self.emit(Op::Force, span);
            }
            None => return Err(self.undefined(name, span)),
        }
        Ok(())
    }

    fn literal(&mut self, l: &ast::Literal, span: Span) -> R {
        let text = l.syntax().text().to_string();
        let c = match l.kind() {
            ast::LiteralKind::Integer(i) => match i.value() {
                Ok(v) => Const::Int(v),
                Err(_) => return Err(EvalError::parse(format!("invalid integer '{text}'"), span)),
            },
            ast::LiteralKind::Float(_) => match super::syntax::float_value(&text) {
                Some(v) => Const::Float(v),
                None => return Err(EvalError::parse(format!("invalid float '{text}'"), span)),
            },
            ast::LiteralKind::Uri(_) => Const::String(text.into_bytes().into()),
        };
        let k = self.chunk().add_const(c);
        self.emit(Op::Const(k), span);
        Ok(())
    }

    fn string(&mut self, s: &ast::Str, span: Span) -> R {
        let indented = s.syntax().first_token().is_some_and(|t| t.text() == "''");
        let mut pieces: Vec<Piece<ast::Interpol>> = Vec::new();
        for (i, part) in s.parts().enumerate() {
            match part {
                InterpolPart::Literal(l) => {
                    let raw = l.syntax().text();
                    let text = if indented {
                        // The opening `''` swallows the rest of its line if only spaces.
                        let raw = if i == 0 { skip_blank_first_line(raw) } else { raw };
                        raw.as_bytes().to_vec()
                    } else {
                        strings::unescape_plain(raw)
                    };
                    pieces.push(Piece::Text(text));
                }
                InterpolPart::Interpolation(x) => pieces.push(Piece::Interpolation(x)),
            }
        }
        if indented {
            pieces = strings::strip_indentation(pieces);
        }
        self.pieces(pieces, span, false)
    }

    /// Emits string pieces and their concatenation (as a path when `path`).
    fn pieces(&mut self, pieces: Vec<Piece<ast::Interpol>>, span: Span, path: bool) -> R {
        let pieces: Vec<Piece<ast::Interpol>> =
            pieces.into_iter().filter(|p| !matches!(p, Piece::Text(t) if t.is_empty())).collect();
        if !path {
            match pieces.as_slice() {
                [] => return self.const_op(Const::String(Box::new([])), span),
                [Piece::Text(t)] => return self.const_op(Const::String(t.clone().into()), span),
                _ => {}
            }
        }
        let n = pieces.len() as u32;
        for p in pieces {
            match p {
                Piece::Text(t) => self.const_op(Const::String(t.into()), span)?,
                Piece::Interpolation(x) => {
                    let inner = x.expr().ok_or_else(|| self.missing(x.syntax()))?;
                    self.value(&inner)?;
                    let segment = self.span(x.syntax());
                    self.emit(Op::CoerceToString, segment);
                    self.operand_context(0, contexts::PATH_SEGMENT, Some(segment));
                }
            }
        }
        self.emit(if path { Op::InterpolatePath(n) } else { Op::Interpolate(n) }, span);
        Ok(())
    }

    fn const_op(&mut self, c: Const, span: Span) -> R {
        let k = self.chunk().add_const(c);
        self.emit(Op::Const(k), span);
        Ok(())
    }

    fn path(&mut self, e: &Expr, span: Span) -> R {
        let parts = match e {
            Expr::PathAbs(p) => p.parts(),
            Expr::PathRel(p) => p.parts(),
            Expr::PathHome(p) => p.parts(),
            _ => return Err(self.missing(e.syntax())),
        };
        let mut pieces = Vec::new();
        for (i, part) in parts.into_iter().enumerate() {
            match part {
                InterpolPart::Literal(l) => {
                    let text = l.text();
                    let text =
                        if i == 0 { self.absolute_path_prefix(e, text, span)? } else { text.to_owned() };
                    pieces.push(Piece::Text(text.into_bytes()));
                }
                InterpolPart::Interpolation(x) => pieces.push(Piece::Interpolation(x)),
            }
        }
        if let [Piece::Text(t)] = pieces.as_slice() {
            let norm = crate::paths::canonicalise(t);
            return self.const_op(Const::Path(norm.into()), span);
        }
        self.pieces(pieces, span, true)
    }

    /// The first literal of a path made absolute: relative to the base directory, or to
    /// `$HOME` for `~/`.
    fn absolute_path_prefix(&self, e: &Expr, text: &str, span: Span) -> Result<String, EvalError> {
        Ok(match e {
            Expr::PathRel(_) => format!("{}/{text}", self.base_dir.display()),
            Expr::PathHome(_) => match &self.home {
                Some(h) => format!("{}{}", h.display(), &text[1..]),
                None => {
                    return Err(EvalError::eval("cannot resolve '~/' paths: $HOME is not set", Some(span)));
                }
            },
            _ => text.to_owned(),
        })
    }

    /// `<x>` is `__findFile __nixPath "x"`, with both names looked up like variables.
    fn search_path(&mut self, p: &ast::PathSearch, span: Span) -> R {
        let text = p.syntax().text().to_string();
        let inner = text.trim_start_matches('<').trim_end_matches('>').to_owned();
        for (name, _) in [("__findFile", 0), ("__nixPath", 1)] {
            let sym = self.symbols.intern(name.as_bytes());
            match self.resolve(sym, 0) {
                Some(Var::Local { depth, slot, .. }) => {
                    self.emit(Op::Local { depth, slot }, span);
                    self.emit(Op::Force, span);
                }
                Some(Var::Global(g)) => {
                    self.emit(Op::Global(g), span);
                }
                Some(Var::With) => {
                    self.emit(Op::WithLookup(sym), span);
                    self.emit(Op::Force, span);
                }
                None => return Err(self.undefined(sym, span)),
            }
            if name == "__nixPath" {
                self.emit(Op::Call, span);
            }
        }
        self.const_op(Const::String(inner.into_bytes().into()), span)?;
        self.emit(Op::Call, span);
        Ok(())
    }

    /// An attribute name: static names are returned, dynamic ones are compiled (their
    /// value is left on the stack) and `None` is returned.
    fn attr_name(&mut self, attr: &ast::Attr) -> Result<Option<Symbol>, EvalError> {
        if let Some(s) = self.static_name(attr)? {
            return Ok(Some(s));
        }
        match attr {
            ast::Attr::Dynamic(d) => {
                let inner = d.expr().ok_or_else(|| self.missing(d.syntax()))?;
                self.value(&inner)?;
            }
            ast::Attr::Str(s) => {
                let span = self.span(s.syntax());
                self.string(s, span)?;
            }
            ast::Attr::Ident(_) => unreachable!("identifiers are static names"),
        }
        Ok(None)
    }

    fn select(&mut self, s: &ast::Select, span: Span) -> R {
        let target = s.expr().ok_or_else(|| self.missing(s.syntax()))?;
        let attrs: Vec<ast::Attr> = s.attrpath().map(|p| p.attrs().collect()).unwrap_or_default();
        let default = s.default_expr();
        if default.is_none()
            && let [attr] = &attrs[..]
            && let Some(g) = self.builtin_global(&target, attr)?
        {
            self.emit(Op::Global(g), span);
            return Ok(());
        }
        self.value(&target)?;
        let first = self.chunk().ops.len() as u32;
        let mut all_static = true;
        let mut to_default = Vec::new();
        for attr in &attrs {
            let attr_span = self.span(attr.syntax());
            match (self.attr_name(attr)?, default.is_some()) {
                // The reference places a missing attribute at the whole selection.
                (Some(name), false) => self.emit(Op::Select(name), span),
                (Some(name), true) => {
                    let j = self.emit(Op::SelectOr(name, 0), attr_span);
                    to_default.push(j);
                    j
                }
                (None, false) => {
                    all_static = false;
                    self.emit(Op::SelectDynamic, span)
                }
                (None, true) => {
                    all_static = false;
                    let j = self.emit(Op::SelectDynamicOr(0), attr_span);
                    to_default.push(j);
                    j
                }
            };
            self.emit(Op::Force, attr_span);
        }
        // (A path with a dynamic name gets no frame: its name's own code lies between
        // the steps.)
        if all_static {
            let last = self.chunk().ops.len() as u32 - 1;
            self.chunk().select_paths.push((first, last));
        }
        if let Some(d) = default {
            let to_end = self.emit_jump(Op::Jump, span);
            for j in to_default {
                self.patch_jump(j);
            }
            self.value(&d)?;
            self.patch_jump(to_end);
        }
        Ok(())
    }

    /// For `builtins.NAME` (the global `builtins`, an attribute it has): the global
    /// holding the same value, as `NAME` or `__NAME` (the builtins set is fixed, so the
    /// selection needs no run-time lookup in it).
    fn builtin_global(&mut self, target: &Expr, attr: &ast::Attr) -> Result<Option<u16>, EvalError> {
        let Expr::Ident(i) = target else { return Ok(None) };
        let builtins = self.symbols.intern(b"builtins");
        if self.ident_name(i) != builtins
            || self.resolve(builtins, 0) != self.globals.get(&builtins).map(|&g| Var::Global(g))
        {
            return Ok(None);
        }
        let Some(name) = self.static_name(attr)? else { return Ok(None) };
        let text = self.symbols.resolve(name).to_vec();
        if text.starts_with(b"__") {
            return Ok(None);
        }
        let hidden = self.symbols.intern(&[b"__", &text[..]].concat());
        Ok(self.globals.get(&hidden).or_else(|| self.globals.get(&name)).copied())
    }

    fn has_attr(&mut self, h: &ast::HasAttr, span: Span) -> R {
        let target = h.expr().ok_or_else(|| self.missing(h.syntax()))?;
        let attrs: Vec<ast::Attr> = h.attrpath().map(|p| p.attrs().collect()).unwrap_or_default();
        self.value(&target)?;
        let mut to_false = Vec::new();
        for (i, attr) in attrs.iter().enumerate() {
            let attr_span = self.span(attr.syntax());
            let j = match self.attr_name(attr)? {
                Some(name) => self.emit(Op::SelectOr(name, 0), attr_span),
                None => self.emit(Op::SelectDynamicOr(0), attr_span),
            };
            to_false.push(j);
            if i + 1 < attrs.len() {
                self.emit(Op::Force, attr_span);
            }
        }
        self.emit(Op::Pop, span);
        self.emit(Op::True, span);
        let to_end = self.emit_jump(Op::Jump, span);
        for j in to_false {
            self.patch_jump(j);
        }
        self.emit(Op::False, span);
        self.patch_jump(to_end);
        Ok(())
    }

    fn binop(&mut self, b: &ast::BinOp, span: Span) -> R {
        let lhs = b.lhs().ok_or_else(|| self.missing(b.syntax()))?;
        let rhs = b.rhs().ok_or_else(|| self.missing(b.syntax()))?;
        let Some(kind) = b.operator() else { return Err(self.missing(b.syntax())) };
        let operator = self.operator_span(b.syntax());
        let op = match kind {
            BinOpKind::And | BinOpKind::Or | BinOpKind::Implication => {
                return self.logical(kind, (&lhs, &rhs), operator, span);
            }
            BinOpKind::PipeLeft | BinOpKind::PipeRight => {
                return Err(EvalError::parse(super::syntax::PIPE_OPERATORS_DISABLED, span));
            }
            BinOpKind::Concat => Op::Concat,
            BinOpKind::Update => Op::Update,
            BinOpKind::Add => Op::Add,
            BinOpKind::Sub => Op::Sub,
            BinOpKind::Mul => Op::Mul,
            BinOpKind::Div => Op::Div,
            BinOpKind::Equal => Op::Equal,
            BinOpKind::NotEqual => Op::NotEqual,
            BinOpKind::Less => Op::Less,
            BinOpKind::LessOrEq => Op::LessEqual,
            BinOpKind::More => Op::Greater,
            BinOpKind::MoreOrEq => Op::GreaterEqual,
        };
        let (lhs_span, rhs_span) = (self.span(lhs.syntax()), self.span(rhs.syntax()));
        // The reference evaluates a tree of `//` as one list of operands: an operand
        // that is itself an update gets no frame of its own, and a frame is placed at
        // its operand without parentheses.
        let framed = |e: &Expr| !(kind == BinOpKind::Update && is_update(e));
        let unparenthesised = |c: &Self, e: &Expr| c.span(unparenthesised(e).syntax());
        let (lhs_pos, rhs_pos) = (self.expression_pos(&lhs), self.expression_pos(&rhs));
        let operands = contexts::operand_frames(kind);
        let first = self.next_op();
        self.value(&lhs)?;
        if let Some([left, _]) = operands
            && framed(&lhs)
        {
            self.context(first, left, Some(unparenthesised(self, &lhs)));
        }
        let second = self.next_op();
        self.value(&rhs)?;
        if let Some([_, right]) = operands
            && framed(&rhs)
        {
            self.context(second, right, Some(unparenthesised(self, &rhs)));
        }
        match op {
            // `+` is the reference's string concatenation, which reports its operands.
            Op::Add => {
                self.emit(op, rhs_span);
                self.operand_context(0, contexts::PATH_SEGMENT, Some(lhs_span));
                self.operand_context(1, contexts::PATH_SEGMENT, Some(rhs_span));
            }
            Op::Update => {
                self.emit(op, span);
                let [left, right] = operands.expect("`//` names its operands");
                self.operand_context(0, left, lhs_pos);
                self.operand_context(1, right, rhs_pos);
            }
            Op::Concat => {
                self.emit(op, operator);
                self.operand_context(0, contexts::CONCAT_ELEMENTS, Some(operator));
                self.operand_context(1, contexts::CONCAT_ELEMENTS, Some(operator));
            }
            Op::Equal | Op::NotEqual => {
                self.emit(op, span);
            }
            _ => {
                self.emit(op, operator);
                self.builtin_context(first, op, operator);
                if matches!(op, Op::LessEqual | Op::GreaterEqual) {
                    self.context(first, contexts::NOT_ARGUMENT, Some(operator));
                }
            }
        }
        Ok(())
    }

    /// `&&`, `||` and `->`, short-circuiting (`operator`: where the operator is).
    fn logical(&mut self, kind: BinOpKind, (lhs, rhs): (&Expr, &Expr), operator: Span, span: Span) -> R {
        let [left, right] = contexts::operand_frames(kind).expect("logical operators name their operands");
        let first = self.next_op();
        self.value(lhs)?;
        let short = match kind {
            BinOpKind::Or => self.emit_jump(Op::JumpIfTrue, operator),
            _ => self.emit_jump(Op::JumpIfFalse, operator),
        };
        self.context(first, left, Some(operator));
        let second = self.next_op();
        self.value(rhs)?;
        self.emit(Op::CheckBool, operator);
        self.context(second, right, Some(operator));
        let to_end = self.emit_jump(Op::Jump, span);
        self.patch_jump(short);
        self.emit(if kind == BinOpKind::And { Op::False } else { Op::True }, span);
        self.patch_jump(to_end);
        Ok(())
    }

    /// A lambda; `name` is the binding it is directly assigned to, for messages.
    pub(super) fn lambda(&mut self, l: &ast::Lambda, name: Option<Symbol>) -> Result<LambdaId, EvalError> {
        let span = self.span(l.syntax());
        let body = l.body().ok_or_else(|| self.missing(l.syntax()))?;
        let param = l.param().ok_or_else(|| self.missing(l.syntax()))?;
        let (names, formals) = match &param {
            ast::Param::IdentParam(p) => {
                let i = p.ident().ok_or_else(|| self.missing(p.syntax()))?;
                (vec![Some(self.ident_name(&i))], None)
            }
            ast::Param::Pattern(p) => {
                let mut names = Vec::new();
                for entry in p.pat_entries() {
                    let i = entry.ident().ok_or_else(|| self.missing(entry.syntax()))?;
                    let n = self.ident_name(&i);
                    let s = self.span(entry.syntax());
                    if names.contains(&Some(n)) {
                        return Err(self.duplicate_formal(n, s));
                    }
                    names.push(Some(n));
                }
                let bind = match p.pat_bind().and_then(|b| b.ident()) {
                    Some(i) => {
                        let n = self.ident_name(&i);
                        if names.contains(&Some(n)) {
                            let s = self.span(i.syntax());
                            return Err(self.duplicate_formal(n, s));
                        }
                        names.push(Some(n));
                        Some(n)
                    }
                    None => None,
                };
                (names, Some((p.clone(), bind)))
            }
        };
        self.scopes.push(Scope::Slots { names: names.clone(), filling: false });
        let result = self.lambda_parts(&body, &names, formals, name);
        self.scopes.pop();
        let (params, body_chunk) = result?;
        let body = &self.program.chunks[body_chunk.0 as usize];
        let ident = matches!(params, Params::Ident(_));
        let env_is_temporary = ident && !Lambda::body_keeps_env(body);
        let curried = Lambda::body_lambda(body)
            .filter(|&inner| ident && matches!(self.program.lambda(inner).params, Params::Ident(_)));
        let slots = names.len() as u32;
        let lambda = Lambda { name, params, slots, body: body_chunk, span, env_is_temporary, curried };
        let id = self.program.add_lambda(lambda);
        self.program.chunks[body_chunk.0 as usize].lambda = Some(id);
        Ok(id)
    }

    fn lambda_parts(
        &mut self,
        body: &Expr,
        names: &[Option<Symbol>],
        formals: Option<(ast::Pattern, Option<Symbol>)>,
        name: Option<Symbol>,
    ) -> Result<(Params, crate::code::ChunkId), EvalError> {
        let params = match formals {
            None => Params::Ident(names[0].expect("an identifier parameter has a name")),
            Some((p, bind)) => {
                let mut out = Vec::new();
                for (i, entry) in p.pat_entries().enumerate() {
                    let default = match entry.default() {
                        Some(d) => Some(self.thunk(&d)?),
                        None => None,
                    };
                    let name = names[i].expect("formals have names");
                    let pos = self.pos(self.span(entry.syntax()));
                    out.push(Formal { name, pos, default });
                }
                Params::Formals { formals: out.into(), ellipsis: p.ellipsis_token().is_some(), bind }
            }
        };
        let body = match (body, name) {
            // A curried lambda's inner functions carry its name, as in the reference.
            (Expr::Lambda(inner), Some(_)) => {
                let span = self.span(inner.syntax());
                let id = self.lambda(inner, name)?;
                self.closure_chunk(id, span)
            }
            _ => self.thunk(body)?,
        };
        Ok((params, body))
    }

    /// A chunk that makes a closure of `id` in its environment and returns it.
    fn closure_chunk(&mut self, id: LambdaId, span: Span) -> ChunkId {
        let mut chunk = crate::code::Chunk::default();
        chunk.push(Op::Closure(id), span);
        chunk.push(Op::Return, span);
        self.program.add_chunk(chunk)
    }

    fn duplicate_formal(&self, name: Symbol, span: Span) -> EvalError {
        EvalError::parse(format!("duplicate formal function argument '{}'", self.symbols.display(name)), span)
    }

    /// A non-recursive attribute set.
    fn attrs(&mut self, b: &Bindings, span: Span) -> R {
        let hidden = !b.inherit_from.is_empty();
        if hidden {
            self.emit(Op::EnterScope(b.inherit_from.len() as u32), span);
            self.scopes.push(Scope::Slots { names: vec![None; b.inherit_from.len()], filling: false });
            for (i, e) in b.inherit_from.iter().enumerate() {
                self.lazy(e)?;
                self.emit(Op::SetSlot(i as u32), span);
            }
        }
        let order = self.sorted(b);
        for &i in &order {
            let binding = &b.statics[i];
            self.binding_value(binding.name, &binding.value, binding.span, 0, false)?;
        }
        self.attrs_op(b, &order, span);
        self.dynamic_bindings(b)?;
        if hidden {
            self.scopes.pop();
            self.emit(Op::LeaveScope, span);
        }
        Ok(())
    }

    /// A `rec` set (when `body` is `None`) or a `let` (evaluating `body`).
    fn recursive(&mut self, b: &Bindings, body: Option<&Expr>, span: Span) -> R {
        let n = b.statics.len() + b.inherit_from.len();
        if n > u16::MAX as usize {
            return Err(EvalError::parse("too many bindings in one scope", span));
        }
        let mut names: Vec<Option<Symbol>> = b.statics.iter().map(|s| Some(s.name)).collect();
        names.extend(std::iter::repeat_n(None, b.inherit_from.len()));
        self.emit(Op::EnterScope(n as u32), span);
        self.scopes.push(Scope::Slots { names, filling: true });
        let result = self.recursive_body(b, body, span);
        self.scopes.pop();
        result?;
        self.emit(Op::LeaveScope, span);
        Ok(())
    }

    fn recursive_body(&mut self, b: &Bindings, body: Option<&Expr>, span: Span) -> R {
        let first_hidden = b.statics.len();
        for (i, e) in b.inherit_from.iter().enumerate() {
            self.lazy(e)?;
            self.emit(Op::SetSlot((first_hidden + i) as u32), span);
        }
        for (i, binding) in b.statics.iter().enumerate() {
            self.binding_value(binding.name, &binding.value, binding.span, first_hidden, true)?;
            self.emit(Op::SetSlot(i as u32), binding.span);
        }
        if let Some(Scope::Slots { filling, .. }) = self.scopes.last_mut() {
            *filling = false;
        }
        match body {
            Some(body) => self.value(body),
            None => {
                let order = self.sorted(b);
                for &i in &order {
                    self.emit(Op::Local { depth: 0, slot: i as u16 }, b.statics[i].span);
                }
                self.attrs_op(b, &order, span);
                self.dynamic_bindings(b)
            }
        }
    }

    /// Leaves a binding's value (lazily). `hidden` is the slot of the first `inherit (e)`
    /// source in the current scope; `recursive` says the binding belongs to the innermost
    /// (`let`/`rec`) scope, so plain `inherit x` reads `x` from outside it.
    fn binding_value(
        &mut self,
        name: Symbol,
        value: &BindValue,
        span: Span,
        hidden: usize,
        recursive: bool,
    ) -> R {
        match value {
            BindValue::Expr(Expr::Lambda(l)) => {
                // Named after the binding; a thunk like every closure in a lazy position.
                let id = self.lambda(l, Some(name))?;
                let chunk = self.closure_chunk(id, span);
                self.emit(Op::Thunk(chunk), span);
                Ok(())
            }
            BindValue::Expr(e) => {
                self.lazy(e)?;
                self.mark_binding(span);
                Ok(())
            }
            BindValue::Nested(nested) => self.nested(nested, span),
            BindValue::Inherit { from: None } => {
                let skip = usize::from(recursive);
                match self.resolve(name, skip) {
                    Some(Var::Local { depth, slot, .. }) => {
                        self.emit(Op::Local { depth, slot }, span);
                    }
                    Some(Var::Global(g)) => {
                        self.emit(Op::Global(g), span);
                    }
                    Some(Var::With) => {
                        // Looked up when forced, in the scopes around the binding.
                        self.chunks.push(Default::default());
                        self.emit(Op::WithLookup(name), span);
                        self.emit(Op::Force, span);
                        self.emit(Op::Return, span);
                        let chunk = self.chunks.pop().expect("pushed above");
                        let id = self.program.add_chunk(chunk);
                        self.emit(Op::Thunk(id), span);
                        self.mark_binding(span);
                    }
                    None => return Err(self.undefined(name, span)),
                }
                Ok(())
            }
            BindValue::Inherit { from: Some(i) } => {
                // A thunk selecting the name from the shared source slot.
                self.chunks.push(Default::default());
                self.emit(Op::Local { depth: 0, slot: (hidden + i) as u16 }, span);
                self.emit(Op::Force, span);
                self.emit(Op::Select(name), span);
                self.emit(Op::Force, span);
                self.emit(Op::Return, span);
                let chunk = self.chunks.pop().expect("pushed above");
                let id = self.program.add_chunk(chunk);
                self.emit(Op::Thunk(id), span);
                self.mark_binding(span);
                Ok(())
            }
        }
    }

    /// Records `span` as the definition of the attribute whose value the last op made,
    /// if that op made a thunk.
    fn mark_binding(&mut self, span: Span) {
        if let Some(&Op::Thunk(id)) = self.chunk().ops.last() {
            self.program.chunks[id.0 as usize].binding = Some(span);
        }
    }

    /// The set an attribute path builds (`a` of `a.b = 1;`): a thunk, as in the
    /// reference, where lazy output prints it as `<CODE>`.
    fn nested(&mut self, b: &Bindings, span: Span) -> R {
        let id = self.chunk_of(span, |c| c.attrs(b, span))?;
        self.emit(Op::Thunk(id), span);
        Ok(())
    }

    /// Indices of the static bindings in name order.
    fn sorted(&self, b: &Bindings) -> Vec<usize> {
        let mut order: Vec<usize> = (0..b.statics.len()).collect();
        order.sort_by(|&x, &y| self.symbols.cmp(b.statics[x].name, b.statics[y].name));
        order
    }

    fn attrs_op(&mut self, b: &Bindings, order: &[usize], span: Span) {
        let keys: Box<[_]> =
            order.iter().map(|&i| (b.statics[i].name, self.pos(b.statics[i].span))).collect();
        let chunk = self.chunk();
        chunk.key_lists.push(keys);
        let k = (chunk.key_lists.len() - 1) as u32;
        self.emit(Op::Attrs(k), span);
    }

    fn dynamic_bindings(&mut self, b: &Bindings) -> R {
        for d in &b.dynamics {
            if self.attr_name(&d.name)?.is_some() {
                unreachable!("dynamic bindings have computed names");
            }
            match &d.value {
                BindValue::Nested(nested) => self.nested(nested, d.span)?,
                BindValue::Expr(e) => {
                    self.lazy(e)?;
                    self.mark_binding(d.span);
                }
                BindValue::Inherit { .. } => unreachable!("inherit names are static"),
            }
            self.emit(Op::AttrsDynamic(self.pos(d.span)), d.span);
        }
        Ok(())
    }
}

impl Compiler<'_> {
    /// Where the reference locates the expression `e` in frames about its value: a
    /// binary operation at its operator; numbers, lists, and strings and paths without
    /// interpolation nowhere (they have no position there); anything else at its start.
    fn expression_pos(&self, e: &Expr) -> Option<Span> {
        match unparenthesised(e) {
            Expr::BinOp(b) => Some(self.operator_span(b.syntax())),
            Expr::Literal(_) | Expr::List(_) => None,
            Expr::Str(s)
                if !s.normalized_parts().iter().any(|p| matches!(p, ast::InterpolPart::Interpolation(_))) =>
            {
                None
            }
            e @ (Expr::PathAbs(_) | Expr::PathRel(_) | Expr::PathHome(_)) if !has_interpolation(&e) => None,
            inner => Some(self.span(inner.syntax())),
        }
    }
}

/// `e` without the parentheses around it.
fn unparenthesised(e: &Expr) -> Expr {
    match e {
        Expr::Paren(p) => p.expr().map_or_else(|| e.clone(), |inner| unparenthesised(&inner)),
        _ => e.clone(),
    }
}

/// Whether `e` (in any parentheses) is `a // b`.
fn is_update(e: &Expr) -> bool {
    matches!(unparenthesised(e), Expr::BinOp(b) if b.operator() == Some(BinOpKind::Update))
}

/// The sides of `a == b` (in any parentheses).
fn equality_sides(e: &Expr) -> Option<(Expr, Expr)> {
    match e {
        Expr::Paren(p) => equality_sides(&p.expr()?),
        Expr::BinOp(b) if b.operator() == Some(BinOpKind::Equal) => Some((b.lhs()?, b.rhs()?)),
        _ => None,
    }
}

fn has_interpolation(e: &Expr) -> bool {
    let parts = match e {
        Expr::PathAbs(p) => p.parts(),
        Expr::PathRel(p) => p.parts(),
        Expr::PathHome(p) => p.parts(),
        _ => return false,
    };
    parts.iter().any(|p| matches!(p, InterpolPart::Interpolation(_)))
}

/// The opening line of an indented string, if it holds only spaces, is not part of it.
fn skip_blank_first_line(raw: &str) -> &str {
    let spaces = raw.len() - raw.trim_start_matches(' ').len();
    match raw[spaces..].strip_prefix('\n') {
        Some(rest) => rest,
        None => raw,
    }
}
