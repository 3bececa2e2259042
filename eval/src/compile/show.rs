//! `nix-instantiate --parse`: an expression printed the way the reference shows its
//! parsed syntax tree. Operators are desugared as the reference's parser does (`a - b`
//! is `(__sub a b)`, `a <= b` is `(! (__lessThan b a))`, `<p>` is `(__findFile
//! __nixPath "p")`), applications are flattened into one call, attribute paths are
//! merged into nested sets, bindings are sorted, strings are unescaped (indented ones
//! stripped) and re-quoted, and paths are made absolute.
//!
//! The program is compiled first (into a throwaway chunk), so that everything the
//! reference rejects after parsing (undefined variables, duplicate attributes, ...)
//! is rejected here too.

use super::bindings::{BindValue, Bindings};
use super::strings::{self, Piece};
use super::{CompileEnv, Compiler};
use crate::error::EvalError;
use crate::print::{attr_name, format_float, quote_string};
use crate::source::{FileId, SourceFile};
use rnix::ast::{self, AstToken, BinOpKind, Expr, InterpolPart, UnaryOpKind};
use rowan::ast::AstNode;

type R = Result<(), EvalError>;

/// The reference's rendering of the expression in `source` (without a final newline).
pub fn show(env: CompileEnv<'_>, file: FileId, source: &SourceFile) -> Result<String, EvalError> {
    super::with_parsed(env, file, source, |c, expr| {
        // The reference reports what compiling rejects before printing anything.
        c.thunk(expr)?;
        let mut out = String::new();
        c.show(expr, &mut out)?;
        Ok(out)
    })
}

/// An argument of a call the reference's parser makes up.
enum Arg {
    Expr(Expr),
    /// Printed as is (`__sub`, `0`, a quoted search path).
    Text(String),
}

impl Compiler<'_> {
    /// Appends the reference's rendering of `e` (as `--parse` prints it) to `out`.
    pub(super) fn show(&mut self, e: &Expr, out: &mut String) -> R {
        if let Some(call) = self.call_form(e)? {
            return self.show_call(call, out);
        }
        match e {
            Expr::Literal(l) => self.show_literal(l, out),
            Expr::Str(s) => self.show_string(s, out),
            Expr::PathAbs(_) | Expr::PathRel(_) | Expr::PathHome(_) => self.show_path(e, out),
            Expr::Ident(i) => {
                out.push_str(&i.syntax().text().to_string());
                Ok(())
            }
            Expr::Paren(p) => {
                let inner = p.expr().ok_or_else(|| self.missing(p.syntax()))?;
                self.show(&inner, out)
            }
            Expr::Root(r) => {
                let inner = r.expr().ok_or_else(|| self.missing(r.syntax()))?;
                self.show(&inner, out)
            }
            Expr::Lambda(l) => self.show_lambda(l, out),
            Expr::List(l) => {
                out.push_str("[ ");
                for item in l.items() {
                    out.push('(');
                    self.show(&item, out)?;
                    out.push_str(") ");
                }
                out.push(']');
                Ok(())
            }
            Expr::AttrSet(s) => {
                let b = self.collect_bindings(s)?;
                if s.rec_token().is_some() {
                    out.push_str("rec ");
                }
                self.show_set(&b, out)
            }
            Expr::LetIn(l) => {
                let b = self.collect_bindings(l)?;
                let body = l.body().ok_or_else(|| self.missing(l.syntax()))?;
                out.push_str("(let ");
                self.show_bindings(&b, out)?;
                out.push_str("in ");
                self.show(&body, out)?;
                out.push(')');
                Ok(())
            }
            Expr::LegacyLet(l) => {
                let b = self.collect_bindings(l)?;
                out.push_str("(rec ");
                self.show_set(&b, out)?;
                out.push_str(").body");
                Ok(())
            }
            Expr::With(w) => {
                let ns = w.namespace().ok_or_else(|| self.missing(w.syntax()))?;
                let body = w.body().ok_or_else(|| self.missing(w.syntax()))?;
                out.push_str("(with ");
                self.show(&ns, out)?;
                out.push_str("; ");
                self.show(&body, out)?;
                out.push(')');
                Ok(())
            }
            Expr::Select(s) => {
                let target = s.expr().ok_or_else(|| self.missing(s.syntax()))?;
                let path = s.attrpath().ok_or_else(|| self.missing(s.syntax()))?;
                out.push('(');
                self.show(&target, out)?;
                out.push_str(").");
                self.show_attrpath(&path, out)?;
                if let Some(d) = s.default_expr() {
                    out.push_str(" or (");
                    self.show(&d, out)?;
                    out.push(')');
                }
                Ok(())
            }
            Expr::HasAttr(h) => {
                let target = h.expr().ok_or_else(|| self.missing(h.syntax()))?;
                let path = h.attrpath().ok_or_else(|| self.missing(h.syntax()))?;
                out.push_str("((");
                self.show(&target, out)?;
                out.push_str(") ? ");
                self.show_attrpath(&path, out)?;
                out.push(')');
                Ok(())
            }
            Expr::BinOp(b) => self.show_binop(b, out),
            Expr::UnaryOp(u) => {
                // Negation is a call (see `call_form`); this is `!`.
                let inner = u.expr().ok_or_else(|| self.missing(u.syntax()))?;
                self.show_not(Arg::Expr(inner), out)
            }
            Expr::IfElse(i) => {
                let cond = i.condition().ok_or_else(|| self.missing(i.syntax()))?;
                let then = i.body().ok_or_else(|| self.missing(i.syntax()))?;
                let other = i.else_body().ok_or_else(|| self.missing(i.syntax()))?;
                out.push_str("(if ");
                self.show(&cond, out)?;
                out.push_str(" then ");
                self.show(&then, out)?;
                out.push_str(" else ");
                self.show(&other, out)?;
                out.push(')');
                Ok(())
            }
            Expr::Assert(a) => {
                let cond = a.condition().ok_or_else(|| self.missing(a.syntax()))?;
                let body = a.body().ok_or_else(|| self.missing(a.syntax()))?;
                out.push_str("assert ");
                self.show(&cond, out)?;
                out.push_str("; ");
                self.show(&body, out)
            }
            Expr::CurPos(_) => {
                out.push_str("__curPos");
                Ok(())
            }
            Expr::Apply(_) | Expr::PathSearch(_) | Expr::Error(_) => Err(self.missing(e.syntax())),
        }
    }

    /// The function and arguments of an expression the reference represents as a call:
    /// applications (`(f a) b` is one call of `f` on two arguments, as is `(a - b) c`
    /// of `__sub`), `-`, `*`, `/`, `<`, `>`, negation, and search paths.
    fn call_form(&mut self, e: &Expr) -> Result<Option<Vec<Arg>>, EvalError> {
        let text = |s: &str| Arg::Text(s.to_owned());
        Ok(Some(match e {
            Expr::Paren(p) => {
                let inner = p.expr().ok_or_else(|| self.missing(p.syntax()))?;
                return self.call_form(&inner);
            }
            Expr::Apply(a) => {
                let f = a.lambda().ok_or_else(|| self.missing(a.syntax()))?;
                let arg = a.argument().ok_or_else(|| self.missing(a.syntax()))?;
                let mut call = self.call_form(&f)?.unwrap_or_else(|| vec![Arg::Expr(f)]);
                call.push(Arg::Expr(arg));
                call
            }
            Expr::BinOp(b) => {
                let lhs = b.lhs().ok_or_else(|| self.missing(b.syntax()))?;
                let rhs = b.rhs().ok_or_else(|| self.missing(b.syntax()))?;
                let (f, x, y) = match b.operator() {
                    Some(BinOpKind::Sub) => ("__sub", lhs, rhs),
                    Some(BinOpKind::Mul) => ("__mul", lhs, rhs),
                    Some(BinOpKind::Div) => ("__div", lhs, rhs),
                    Some(BinOpKind::Less) => ("__lessThan", lhs, rhs),
                    Some(BinOpKind::More) => ("__lessThan", rhs, lhs),
                    _ => return Ok(None),
                };
                vec![text(f), Arg::Expr(x), Arg::Expr(y)]
            }
            Expr::UnaryOp(u) if u.operator() == Some(UnaryOpKind::Negate) => {
                let inner = u.expr().ok_or_else(|| self.missing(u.syntax()))?;
                vec![text("__sub"), text("0"), Arg::Expr(inner)]
            }
            Expr::PathSearch(p) => {
                let raw = p.syntax().text().to_string();
                let inner = raw.trim_start_matches('<').trim_end_matches('>');
                vec![text("__findFile"), text("__nixPath"), Arg::Text(quote_string(inner.as_bytes()))]
            }
            _ => return Ok(None),
        }))
    }

    fn show_call(&mut self, call: Vec<Arg>, out: &mut String) -> R {
        out.push('(');
        for (i, arg) in call.into_iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            self.show_arg(arg, out)?;
        }
        out.push(')');
        Ok(())
    }

    fn show_arg(&mut self, arg: Arg, out: &mut String) -> R {
        match arg {
            Arg::Expr(e) => self.show(&e, out),
            Arg::Text(t) => {
                out.push_str(&t);
                Ok(())
            }
        }
    }

    fn show_not(&mut self, arg: Arg, out: &mut String) -> R {
        out.push_str("(! ");
        self.show_arg(arg, out)?;
        out.push(')');
        Ok(())
    }

    /// Operators that stay operators (those that are calls are in `call_form`).
    fn show_binop(&mut self, b: &ast::BinOp, out: &mut String) -> R {
        let lhs = b.lhs().ok_or_else(|| self.missing(b.syntax()))?;
        let rhs = b.rhs().ok_or_else(|| self.missing(b.syntax()))?;
        let op = match b.operator() {
            Some(BinOpKind::LessOrEq) => {
                let call = vec![Arg::Text("__lessThan".into()), Arg::Expr(rhs), Arg::Expr(lhs)];
                return self.show_not_call(call, out);
            }
            Some(BinOpKind::MoreOrEq) => {
                let call = vec![Arg::Text("__lessThan".into()), Arg::Expr(lhs), Arg::Expr(rhs)];
                return self.show_not_call(call, out);
            }
            Some(BinOpKind::Add) => "+",
            Some(BinOpKind::Equal) => "==",
            Some(BinOpKind::NotEqual) => "!=",
            Some(BinOpKind::And) => "&&",
            Some(BinOpKind::Or) => "||",
            Some(BinOpKind::Implication) => "->",
            Some(BinOpKind::Update) => "//",
            Some(BinOpKind::Concat) => "++",
            Some(BinOpKind::PipeLeft) => "<|",
            Some(BinOpKind::PipeRight) => "|>",
            Some(BinOpKind::Sub | BinOpKind::Mul | BinOpKind::Div | BinOpKind::Less | BinOpKind::More)
            | None => return Err(self.missing(b.syntax())),
        };
        out.push('(');
        self.show(&lhs, out)?;
        out.push(' ');
        out.push_str(op);
        out.push(' ');
        self.show(&rhs, out)?;
        out.push(')');
        Ok(())
    }

    fn show_not_call(&mut self, call: Vec<Arg>, out: &mut String) -> R {
        let mut inner = String::new();
        self.show_call(call, &mut inner)?;
        self.show_not(Arg::Text(inner), out)
    }

    fn show_literal(&mut self, l: &ast::Literal, out: &mut String) -> R {
        let text = l.syntax().text().to_string();
        let invalid =
            |what: &str| EvalError::parse(format!("invalid {what} '{text}'"), self.span(l.syntax()));
        match l.kind() {
            ast::LiteralKind::Integer(i) => {
                out.push_str(&i.value().map_err(|_| invalid("integer"))?.to_string())
            }
            ast::LiteralKind::Float(f) => {
                out.push_str(&format_float(f.value().map_err(|_| invalid("float"))?))
            }
            ast::LiteralKind::Uri(_) => out.push_str(&quote_string(text.as_bytes())),
        }
        Ok(())
    }

    /// A string: one literal, or the concatenation of its parts. Indented strings are
    /// split where the reference's lexer splits them (at escapes), then stripped.
    fn show_string(&mut self, s: &ast::Str, out: &mut String) -> R {
        let indented = s.syntax().first_token().is_some_and(|t| t.text() == "''");
        let mut pieces: Vec<Piece<ast::Interpol>> = Vec::new();
        for (i, part) in s.parts().enumerate() {
            match part {
                InterpolPart::Literal(l) => {
                    let raw = l.syntax().text();
                    if indented {
                        let raw = if i == 0 { skip_blank_first_line(raw) } else { raw };
                        pieces.extend(lexer_tokens(raw).map(|t| Piece::Text(t.as_bytes().to_vec())));
                    } else {
                        pieces.push(Piece::Text(strings::unescape_plain(raw)));
                    }
                }
                InterpolPart::Interpolation(x) => pieces.push(Piece::Interpolation(x)),
            }
        }
        if indented {
            pieces = strings::strip_indentation(pieces);
            pieces.retain(|p| !matches!(p, Piece::Text(t) if t.is_empty()));
        }
        match pieces.as_slice() {
            [] => out.push_str("\"\""),
            [Piece::Text(t)] => out.push_str(&quote_string(t)),
            [Piece::Interpolation(x)] if indented => {
                // An indented string of one part is that part when it is a string literal
                // (the only expressions whose form starts with a quote).
                let inner = x.expr().ok_or_else(|| self.missing(x.syntax()))?;
                let mut shown = String::new();
                self.show(&inner, &mut shown)?;
                if shown.starts_with('"') {
                    out.push_str(&shown);
                } else {
                    out.push('(');
                    out.push_str(&shown);
                    out.push(')');
                }
            }
            _ => {
                out.push('(');
                for (i, p) in pieces.iter().enumerate() {
                    if i > 0 {
                        out.push_str(" + ");
                    }
                    match p {
                        Piece::Text(t) => out.push_str(&quote_string(t)),
                        Piece::Interpolation(x) => {
                            let inner = x.expr().ok_or_else(|| self.missing(x.syntax()))?;
                            self.show(&inner, out)?;
                        }
                    }
                }
                out.push(')');
            }
        }
        Ok(())
    }

    /// A path literal made absolute; with interpolations, the concatenation of its
    /// first part (a path, keeping its final slash) and the rest (strings).
    fn show_path(&mut self, e: &Expr, out: &mut String) -> R {
        let (parts, home) = match e {
            Expr::PathAbs(p) => (p.parts(), false),
            Expr::PathRel(p) => (p.parts(), false),
            Expr::PathHome(p) => (p.parts(), true),
            _ => return Err(self.missing(e.syntax())),
        };
        let interpolated = parts.len() > 1;
        if interpolated {
            out.push('(');
        }
        for (i, part) in parts.into_iter().enumerate() {
            if i > 0 {
                out.push_str(" + ");
            }
            match part {
                InterpolPart::Literal(l) if i == 0 => {
                    let text = l.text();
                    let path = if home {
                        let Some(h) = &self.home else {
                            let span = self.span(e.syntax());
                            return Err(EvalError::eval(
                                "cannot resolve '~/' paths: $HOME is not set",
                                Some(span),
                            ));
                        };
                        format!("{}{}", h.display(), &text[1..])
                    } else {
                        let abs = if text.starts_with('/') {
                            text.to_owned()
                        } else {
                            format!("{}/{text}", self.base_dir.display())
                        };
                        let mut canonical =
                            String::from_utf8_lossy(&crate::paths::canonicalise(abs.as_bytes())).into_owned();
                        if interpolated && text.len() > 1 && text.ends_with('/') {
                            canonical.push('/');
                        }
                        canonical
                    };
                    out.push_str(&path);
                }
                InterpolPart::Literal(l) => out.push_str(&quote_string(l.text().as_bytes())),
                InterpolPart::Interpolation(x) => {
                    let inner = x.expr().ok_or_else(|| self.missing(x.syntax()))?;
                    self.show(&inner, out)?;
                }
            }
        }
        if interpolated {
            out.push(')');
        }
        Ok(())
    }

    /// `(x: body)` or `({ a, b ? d, ... } @ x: body)`, formals in name order.
    fn show_lambda(&mut self, l: &ast::Lambda, out: &mut String) -> R {
        let body = l.body().ok_or_else(|| self.missing(l.syntax()))?;
        let param = l.param().ok_or_else(|| self.missing(l.syntax()))?;
        out.push('(');
        match param {
            ast::Param::IdentParam(p) => out.push_str(&p.syntax().text().to_string()),
            ast::Param::Pattern(p) => {
                let mut entries: Vec<(String, Option<Expr>)> = Vec::new();
                for entry in p.pat_entries() {
                    let name = entry.ident().ok_or_else(|| self.missing(entry.syntax()))?;
                    entries.push((name.syntax().text().to_string(), entry.default()));
                }
                entries.sort_by(|a, b| a.0.cmp(&b.0));
                out.push_str("{ ");
                for (i, (name, default)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(name);
                    if let Some(d) = default {
                        out.push_str(" ? ");
                        self.show(d, out)?;
                    }
                }
                if p.ellipsis_token().is_some() {
                    out.push_str(if entries.is_empty() { "..." } else { ", ..." });
                }
                out.push_str(" }");
                if let Some(bind) = p.pat_bind().and_then(|b| b.ident()) {
                    out.push_str(" @ ");
                    out.push_str(&bind.syntax().text().to_string());
                }
            }
        }
        out.push_str(": ");
        self.show(&body, out)?;
        out.push(')');
        Ok(())
    }

    /// `{ bindings }`.
    fn show_set(&mut self, b: &Bindings, out: &mut String) -> R {
        out.push_str("{ ");
        self.show_bindings(b, out)?;
        out.push('}');
        Ok(())
    }

    /// Bindings as the reference lists them: `inherit` names, then each `inherit (e)`
    /// group, then the other static names (all sorted), then dynamic attributes in
    /// source order. Each ends with `"; "`.
    fn show_bindings(&mut self, b: &Bindings, out: &mut String) -> R {
        let mut order: Vec<usize> = (0..b.statics.len()).collect();
        order.sort_by(|&x, &y| self.symbols.cmp(b.statics[x].name, b.statics[y].name));
        let inherited = |from: Option<usize>| {
            order
                .iter()
                .filter(move |&&i| matches!(b.statics[i].value, BindValue::Inherit { from: f } if f == from))
        };
        let groups = std::iter::once(None).chain((0..b.inherit_from.len()).map(Some));
        for from in groups {
            let names: Vec<String> =
                inherited(from).map(|&i| attr_name(self.symbols, b.statics[i].name)).collect();
            if names.is_empty() {
                continue;
            }
            out.push_str("inherit ");
            if let Some(f) = from {
                out.push('(');
                self.show(&b.inherit_from[f], out)?;
                out.push_str(") ");
            }
            out.push_str(&names.join(" "));
            out.push_str("; ");
        }
        for &i in &order {
            let binding = &b.statics[i];
            if matches!(binding.value, BindValue::Inherit { .. }) {
                continue;
            }
            out.push_str(&attr_name(self.symbols, binding.name));
            out.push_str(" = ");
            self.show_bind_value(&binding.value, out)?;
            out.push_str("; ");
        }
        for d in &b.dynamics {
            out.push_str("\"${");
            self.show_dynamic_name(&d.name, out)?;
            out.push_str("}\" = ");
            self.show_bind_value(&d.value, out)?;
            out.push_str("; ");
        }
        Ok(())
    }

    fn show_bind_value(&mut self, v: &BindValue, out: &mut String) -> R {
        match v {
            BindValue::Expr(e) => self.show(e, out),
            BindValue::Nested(n) => self.show_set(n, out),
            BindValue::Inherit { .. } => Ok(()),
        }
    }

    /// The expression of an attribute name that is not static.
    fn show_dynamic_name(&mut self, attr: &ast::Attr, out: &mut String) -> R {
        match attr {
            ast::Attr::Dynamic(d) => {
                let inner = d.expr().ok_or_else(|| self.missing(d.syntax()))?;
                self.show(&inner, out)
            }
            ast::Attr::Str(s) => self.show_string(s, out),
            ast::Attr::Ident(i) => {
                out.push_str(&i.syntax().text().to_string());
                Ok(())
            }
        }
    }

    /// `a.b."c d"."${e}"`.
    fn show_attrpath(&mut self, path: &ast::Attrpath, out: &mut String) -> R {
        for (i, attr) in path.attrs().enumerate() {
            if i > 0 {
                out.push('.');
            }
            match self.static_name(&attr)? {
                Some(name) => out.push_str(&attr_name(self.symbols, name)),
                None => {
                    out.push_str("\"${");
                    self.show_dynamic_name(&attr, out)?;
                    out.push_str("}\"");
                }
            }
        }
        Ok(())
    }
}

/// The opening line of an indented string, if it holds only spaces, is not part of it.
fn skip_blank_first_line(raw: &str) -> &str {
    let rest = raw.trim_start_matches(' ');
    rest.strip_prefix('\n').unwrap_or(raw)
}

/// Raw indented-string text cut into the reference lexer's tokens: runs of text, the
/// escapes `''$`, `'''` and `''\X`, and a lone `$` or `'` (which end a run).
fn lexer_tokens(raw: &str) -> impl Iterator<Item = &str> {
    let mut rest = raw;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let len = token_len(rest.as_bytes());
        // Token boundaries fall on ASCII bytes, so `len` is a character boundary.
        let (token, tail) = rest.split_at(len);
        rest = tail;
        Some(token)
    })
}

/// The length of the lexer token at the start of `b` (not empty).
fn token_len(b: &[u8]) -> usize {
    if b.starts_with(b"''\\") {
        // The escaped character may be multi-byte.
        let next = b.get(3).map_or(0, |&c| utf8_len(c));
        return (3 + next).min(b.len());
    }
    if b.starts_with(b"''$") || b.starts_with(b"'''") {
        return 3;
    }
    let mut i = 0;
    while i < b.len() {
        let pair = match (b[i], b.get(i + 1)) {
            (b'$', Some(&c)) => c != b'{' && c != b'\'',
            (b'\'', Some(&c)) => c != b'\'' && c != b'$',
            (b'$' | b'\'', None) => false,
            _ => {
                i += 1;
                continue;
            }
        };
        if !pair {
            break;
        }
        i += 2;
    }
    i.max(1)
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xf0.. => 4,
        0xe0.. => 3,
        0xc0.. => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtins::Builtins;
    use crate::source::{Origin, Sources};
    use crate::symbol::Interner;
    use std::path::{Path, PathBuf};

    /// `show` of `text`, read from `file` (relative paths against its directory).
    fn run(text: &str, file: &Path) -> Result<String, EvalError> {
        let mut symbols = Interner::default();
        let builtins = Builtins::new(&mut symbols, "x86_64-linux", Vec::new());
        let mut program = crate::builtins::new_program();
        let mut sources = Sources::default();
        let id = sources.add(Origin::File(file.to_owned()), text.to_owned());
        let base_dir = file.parent().unwrap_or(Path::new("/"));
        let env = CompileEnv {
            program: &mut program,
            symbols: &mut symbols,
            globals: &builtins.globals,
            base_dir,
            home: Some(Path::new("/home/u")),
        };
        show(env, id, sources.get(id))
    }

    fn shown(text: &str) -> String {
        run(text, Path::new("/dir/t.nix")).unwrap_or_else(|e| panic!("{text}: {}", e.message))
    }

    #[test]
    fn every_parse_okay_case_matches_the_reference() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/lang");
        let dir = dir.canonicalize().expect("the corpus directory");
        let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("read the corpus")
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                name.starts_with("parse-okay-") && name.ends_with(".nix")
            })
            .collect();
        cases.sort();
        assert!(!cases.is_empty());
        let mut failures = Vec::new();
        for case in &cases {
            let text = std::fs::read_to_string(case).expect("read a case");
            let want = std::fs::read_to_string(case.with_extension("exp")).expect("read its .exp");
            let got = match run(&text, case) {
                Ok(s) => format!("{s}\n").replace(dir.to_str().expect("utf-8"), "/pwd"),
                Err(e) => format!("error: {}\n", e.message),
            };
            if got != want {
                failures.push(format!("{}:\n  want {want}  got  {got}", case.display()));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} differ:\n{}",
            failures.len(),
            cases.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn calls_are_flattened_as_the_reference_builds_them() {
        assert_eq!(shown("with {}; (f a) b"), "(with { }; (f a b))");
        assert_eq!(shown("with {}; (a < b) c"), "(with { }; (__lessThan a b c))");
        assert_eq!(shown("with {}; (-a) b"), "(with { }; (__sub 0 a b))");
        assert_eq!(shown("with {}; <x> y"), r#"(with { }; (__findFile __nixPath "x" y))"#);
        assert_eq!(shown("with {}; a <= b"), "(with { }; (! (__lessThan b a)))");
    }

    #[test]
    fn indented_strings_split_at_escapes() {
        assert_eq!(shown("''\n    a $ ' b'$c\n  ''"), r#"("a $ ' b" + "'" + "$c\n")"#);
        assert_eq!(shown("''\n  ''\\ x\n  y''"), r#"(" " + "x\ny")"#);
        assert_eq!(shown("''  a''\\ b''"), r#"("a" + " " + "b")"#);
        assert_eq!(shown("with {}; ''${x}''"), "(with { }; (x))");
        assert_eq!(shown(r#"''${"a"}''"#), r#""a""#);
        assert_eq!(shown(r#""${"a"}""#), r#"("a")"#);
        assert_eq!(shown("''''"), r#""""#);
    }

    #[test]
    fn paths_are_absolute() {
        assert_eq!(shown("./a/../b"), "/dir/b");
        assert_eq!(shown("~/a/../b"), "/home/u/a/../b");
        assert_eq!(shown("with {}; ./${x}/a"), r#"(with { }; (/dir/ + x + "/a"))"#);
        assert_eq!(shown("with {}; ~/${x}"), "(with { }; (/home/u/ + x))");
    }

    #[test]
    fn bindings_are_merged_and_sorted() {
        assert_eq!(
            shown(r#"with {}; { inherit ({}) a; inherit (x) b; inherit c "d e"; z = 1; }"#),
            r#"(with { }; { inherit c "d e"; inherit ({ }) a; inherit (x) b; z = 1; })"#
        );
        assert_eq!(
            shown("with {}; { a.b = 1; a = { c = 2; inherit (x) y; }; }"),
            "(with { }; { a = { inherit (x) y; b = 1; c = 2; }; })"
        );
        assert_eq!(
            shown(r#"a: { "${a}" = 1; x."${a}y".z = 2; }"#),
            r#"(a: { x = { "${(a + "y")}" = { z = 2; }; }; "${(a)}" = 1; })"#
        );
    }

    #[test]
    fn checks_of_the_compiler_apply() {
        let e = run("x", Path::new("/dir/t.nix")).unwrap_err();
        assert_eq!(e.message, "undefined variable 'x'");
        let e = run("{ a = 1; a = 2; }", Path::new("/dir/t.nix")).unwrap_err();
        assert!(e.message.starts_with("attribute 'a' already defined"), "{}", e.message);
    }

    #[test]
    fn lexer_tokens_end_runs_where_the_reference_does() {
        let tokens: Vec<&str> = lexer_tokens(r"a$b''$c'''d''\ne'$f$").collect();
        assert_eq!(tokens, ["a$b", "''$", "c", "'''", "d", r"''\n", "e", "'", "$f", "$"]);
    }
}
