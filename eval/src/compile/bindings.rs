//! The bindings of an attribute set or `let`, gathered from the syntax tree before
//! compiling: attribute paths are merged into nested sets (`a.b = 1; a.c = 2;`, also
//! with a literal `a = { ... };`), duplicates are rejected with the reference's
//! message, and `inherit` forms are recorded. As in the reference, every attribute an
//! attribute path defines is located at the path's start; an inherited one at its name.

use super::Compiler;
use crate::error::EvalError;
use crate::source::Span;
use crate::symbol::Symbol;
use rnix::ast::{self, AstToken, HasEntry};
use rowan::ast::AstNode;

/// What a static name is bound to.
pub enum BindValue {
    Expr(ast::Expr),
    /// A set built from attribute paths (`a.b = ...`).
    Nested(Bindings),
    /// `inherit x;` (from the enclosing scope) or `inherit (e) x;` (e is
    /// `Bindings::inherit_from[i]`).
    Inherit {
        from: Option<usize>,
    },
}

pub struct Binding {
    pub name: Symbol,
    pub value: BindValue,
    /// Where it is defined (the first definition, when paths merge).
    pub span: Span,
}

/// An attribute whose name is computed at run time.
pub struct DynamicBinding {
    pub name: ast::Attr,
    pub value: BindValue,
    pub span: Span,
}

#[derive(Default)]
pub struct Bindings {
    /// In order of appearance.
    pub statics: Vec<Binding>,
    pub dynamics: Vec<DynamicBinding>,
    /// The `e` of each `inherit (e)`.
    pub inherit_from: Vec<ast::Expr>,
}

impl Bindings {
    fn find(&mut self, name: Symbol) -> Option<&mut Binding> {
        self.statics.iter_mut().find(|b| b.name == name)
    }
}

impl Compiler<'_> {
    /// Gathers the bindings of a set or `let`.
    pub(super) fn collect_bindings(&mut self, node: &impl HasEntry) -> Result<Bindings, EvalError> {
        let mut b = Bindings::default();
        self.add_entries(&mut b, node, &[])?;
        Ok(b)
    }

    fn add_entries(
        &mut self,
        b: &mut Bindings,
        node: &impl HasEntry,
        prefix: &[Symbol],
    ) -> Result<(), EvalError> {
        for entry in node.entries() {
            match entry {
                ast::Entry::Inherit(inh) => {
                    let from = inh.from().and_then(|f| f.expr()).map(|e| {
                        b.inherit_from.push(e);
                        b.inherit_from.len() - 1
                    });
                    for attr in inh.attrs() {
                        let span = self.span(attr.syntax());
                        let Some(name) = self.static_name(&attr)? else {
                            return Err(EvalError::parse("dynamic attributes not allowed in inherit", span));
                        };
                        self.add_static(b, prefix, name, BindValue::Inherit { from }, span)?;
                    }
                }
                ast::Entry::AttrpathValue(av) => {
                    let attrs: Vec<ast::Attr> =
                        av.attrpath().map(|p| p.attrs().collect()).unwrap_or_default();
                    let value = av.value().ok_or_else(|| self.missing(av.syntax()))?;
                    let at = attrs.first().ok_or_else(|| self.missing(av.syntax()))?;
                    let at = self.span(at.syntax());
                    self.insert_path(b, prefix, &attrs, value, at)?;
                }
            }
        }
        Ok(())
    }

    /// Binds the path `attrs` (the rest of one starting at `span`) to `value`.
    fn insert_path(
        &mut self,
        b: &mut Bindings,
        prefix: &[Symbol],
        attrs: &[ast::Attr],
        value: ast::Expr,
        span: Span,
    ) -> Result<(), EvalError> {
        let Some((first, rest)) = attrs.split_first() else { return Err(self.missing(value.syntax())) };
        let Some(name) = self.static_name(first)? else {
            let value = if rest.is_empty() {
                BindValue::Expr(value)
            } else {
                let mut nested = Bindings::default();
                self.insert_path(&mut nested, prefix, rest, value, span)?;
                BindValue::Nested(nested)
            };
            b.dynamics.push(DynamicBinding { name: first.clone(), value, span });
            return Ok(());
        };
        let path: Vec<Symbol> = prefix.iter().copied().chain([name]).collect();
        if rest.is_empty() {
            if let Some(existing) = b.find(name) {
                // A literal set merges into a set made of attribute paths (or another
                // literal set); anything else is a duplicate.
                return match (plain_set(&value), &mut existing.value) {
                    (Some(set), BindValue::Nested(nested)) => self.add_entries(nested, &set, &path),
                    (Some(set), BindValue::Expr(old)) if plain_set(old).is_some() => {
                        let old = plain_set(old).expect("checked above");
                        let mut nested = Bindings::default();
                        self.add_entries(&mut nested, &old, &path)?;
                        self.add_entries(&mut nested, &set, &path)?;
                        existing.value = BindValue::Nested(nested);
                        Ok(())
                    }
                    _ => Err(self.duplicate(&path, existing.span, span)),
                };
            }
            b.statics.push(Binding { name, value: BindValue::Expr(value), span });
            return Ok(());
        }
        let nested = match b.statics.iter().position(|x| x.name == name) {
            None => {
                b.statics.push(Binding { name, value: BindValue::Nested(Bindings::default()), span });
                b.statics.len() - 1
            }
            Some(i) => {
                if let BindValue::Expr(old) = &b.statics[i].value {
                    let Some(old) = plain_set(old) else {
                        return Err(self.duplicate(&path, b.statics[i].span, span));
                    };
                    let mut nested = Bindings::default();
                    self.add_entries(&mut nested, &old, &path)?;
                    b.statics[i].value = BindValue::Nested(nested);
                }
                i
            }
        };
        match &mut b.statics[nested].value {
            BindValue::Nested(n) => self.insert_path(n, &path, rest, value, span),
            _ => Err(self.duplicate(&path, b.statics[nested].span, span)),
        }
    }

    fn add_static(
        &mut self,
        b: &mut Bindings,
        prefix: &[Symbol],
        name: Symbol,
        value: BindValue,
        span: Span,
    ) -> Result<(), EvalError> {
        if let Some(existing) = b.find(name) {
            let path: Vec<Symbol> = prefix.iter().copied().chain([name]).collect();
            return Err(self.duplicate(&path, existing.span, span));
        }
        b.statics.push(Binding { name, value, span });
        Ok(())
    }

    fn duplicate(&self, path: &[Symbol], first: Span, second: Span) -> EvalError {
        let name: Vec<String> = path.iter().map(|s| self.symbols.display(*s).into_owned()).collect();
        EvalError::parse(
            format!("attribute '{}' already defined at {}", name.join("."), self.position(first)),
            second,
        )
    }

    /// The name of an attribute known at compile time: an identifier, a string without
    /// interpolation, or `${"constant"}` (which the reference also treats as static).
    pub(super) fn static_name(&mut self, attr: &ast::Attr) -> Result<Option<Symbol>, EvalError> {
        let bytes = match attr {
            ast::Attr::Ident(i) => Some(i.syntax().text().to_string().into_bytes()),
            ast::Attr::Str(s) => self.constant_string(s),
            ast::Attr::Dynamic(d) => match d.expr() {
                Some(ast::Expr::Str(s)) => self.constant_string(&s),
                _ => None,
            },
        };
        Ok(bytes.map(|b| self.symbols.intern(&b)))
    }

    /// The value of a string literal without interpolation.
    pub(super) fn constant_string(&self, s: &ast::Str) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        for part in s.parts() {
            match part {
                ast::InterpolPart::Literal(l) => {
                    out.extend(super::strings::unescape_plain(l.syntax().text()))
                }
                ast::InterpolPart::Interpolation(_) => return None,
            }
        }
        Some(out)
    }
}

/// The set if `e` is a non-recursive attribute set literal.
fn plain_set(e: &ast::Expr) -> Option<ast::AttrSet> {
    match e {
        ast::Expr::AttrSet(s) if s.rec_token().is_none() => Some(s.clone()),
        _ => None,
    }
}
