//! `builtins.toXML` and the `--xml` output of `nix-instantiate --eval`: a value as the
//! reference's XML document (`<expr>` holding `<attrs>`, `<list>`, `<int value=...>`,
//! `<function>` with its argument pattern, `<derivation>` with its store paths, ...).
//!
//! The document is written by an explicit work stack, so deeply nested values cannot
//! overflow the Rust stack. Writing never forces: a strict document stops at the first
//! unevaluated thunk it meets and returns it. The primop then forces its argument deeply
//! (a `DeepForce` frame, linear in the value's size, instead of a retry per level of
//! laziness) and runs again on the forced value.

use super::{PrimOpDef, Ret, prim};
use crate::error::EvalError;
use crate::print::format_float;
use crate::source::{Origin, Pos};
use crate::symbol::Interner;
use crate::value::{Entry, NixString, StringContext, Value};
use crate::vm::native::Native;
use crate::vm::{Ctx, Vm};
use gc_arena::{Gc, Mutation};
use std::collections::HashSet;

pub const PRIMOPS: &[PrimOpDef] = &[prim("toXML", 1, 1, to_xml)];

/// How a document is written.
#[derive(Clone, Copy, Debug)]
pub struct XmlOptions {
    /// Every part must be evaluated (`toXML`); otherwise thunks print as
    /// `<unevaluated />` (`--xml`, which forces first with `--strict`).
    pub strict: bool,
    /// Attributes and functions carry their source positions (`--eval --xml`).
    pub location: bool,
}

/// The XML document of `v`, with the context of every string in it. In strict mode,
/// `Err` gives an unevaluated thunk met on the way: force it (or all of `v`) and call
/// again. A lazy document never fails: thunks print as `<unevaluated />`, and a set
/// whose `type` is unevaluated is not taken for a derivation (the reference would
/// force `type`; values the compiler builds leave constant strings unwrapped).
pub fn document<'gc>(ctx: &Ctx<'_>, v: Value<'gc>, options: XmlOptions) -> Result<NixString, Value<'gc>> {
    let mut w = Writer {
        ctx,
        options,
        out: b"<?xml version='1.0' encoding='utf-8'?>\n".to_vec(),
        depth: 0,
        context: StringContext::default(),
        drvs_seen: HashSet::new(),
    };
    w.open("expr", Vec::new());
    let mut work = vec![Task::Value(v), Task::Close("expr")];
    work.reverse();
    while let Some(task) = work.pop() {
        match task {
            Task::Value(v) => w.value(v, &mut work)?,
            Task::Attr(e) => {
                let mut xml = vec![("name", ctx.symbols.resolve(e.name).to_vec())];
                w.location(&mut xml, e.pos);
                w.open("attr", xml);
                work.push(Task::Close("attr"));
                work.push(Task::Value(e.value));
            }
            Task::Close(name) => w.close(name),
        }
    }
    Ok(NixString::with_context(w.out, w.context))
}

fn to_xml<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    match document(ctx, a[0], XmlOptions { strict: true, location: false }) {
        Ok(s) => Ok(Ret::Value(Value::String(Gc::new(mc, s)))),
        Err(_) => {
            // Force everything, then run again: the second run finds nothing unevaluated.
            let again = Value::apply(mc, Value::PrimOp(ctx.builtins.index_of("toXML")), a[0]);
            Ok(Ret::Native(Native::deep_force(a[0], again, false)))
        }
    }
}

/// What remains to be written, innermost last.
enum Task<'gc> {
    Value(Value<'gc>),
    /// `<attr name=...>` around an attribute's value.
    Attr(Entry<'gc>),
    /// The closing tag of an open element.
    Close(&'static str),
}

/// An element's attributes (sorted by name when written, as the reference does).
type XmlAttrs = Vec<(&'static str, Vec<u8>)>;

struct Writer<'c, 'a> {
    ctx: &'c Ctx<'a>,
    options: XmlOptions,
    out: Vec<u8>,
    depth: usize,
    context: StringContext,
    /// Derivations already written, by `drvPath`: later ones print as `<repeated />`.
    drvs_seen: HashSet<Vec<u8>>,
}

impl<'gc> Writer<'_, '_> {
    fn value(&mut self, v: Value<'gc>, work: &mut Vec<Task<'gc>>) -> Result<(), Value<'gc>> {
        match v.resolved() {
            Value::Thunk(_) if self.options.strict => return Err(v),
            Value::Thunk(_) | Value::PrimOp(_) | Value::PrimOpApp(_) => self.empty("unevaluated", Vec::new()),
            Value::Null => self.empty("null", Vec::new()),
            Value::Bool(b) => {
                self.empty("bool", vec![("value", if b { b"true".to_vec() } else { b"false".to_vec() })])
            }
            Value::Int(i) => self.empty("int", vec![("value", i.to_string().into_bytes())]),
            Value::Float(f) => self.empty("float", vec![("value", format_float(f).into_bytes())]),
            Value::String(s) => {
                self.context = self.context.union(&s.context);
                self.empty("string", vec![("value", s.bytes.to_vec())]);
            }
            Value::Path(p) => self.empty("path", vec![("value", p.bytes.to_vec())]),
            Value::List(l) => {
                self.open("list", Vec::new());
                work.push(Task::Close("list"));
                work.extend(l.0.iter().rev().map(|v| Task::Value(*v)));
            }
            Value::Attrs(a) => {
                if !self.is_derivation(&a)? {
                    self.open("attrs", Vec::new());
                    work.push(Task::Close("attrs"));
                    work.extend(work_items(self.ctx.symbols, &a));
                    return Ok(());
                }
                let drv_path = self.path_attr(&a, b"drvPath")?;
                let out_path = self.path_attr(&a, b"outPath")?;
                let mut xml = XmlAttrs::new();
                xml.extend(drv_path.clone().map(|p| ("drvPath", p)));
                xml.extend(out_path.map(|p| ("outPath", p)));
                self.open("derivation", xml);
                work.push(Task::Close("derivation"));
                let first = drv_path.is_some_and(|p| !p.is_empty() && self.drvs_seen.insert(p));
                if first {
                    work.extend(work_items(self.ctx.symbols, &a));
                } else {
                    self.empty("repeated", Vec::new());
                }
            }
            Value::Lambda(c) => {
                let lambda = self.ctx.program.lambda(c.lambda);
                let mut xml = XmlAttrs::new();
                self.location(&mut xml, self.ctx.sources.pos(lambda.span));
                self.open("function", xml);
                self.pattern(&lambda.params);
                self.close("function");
            }
        }
        Ok(())
    }

    /// The `line`, `column` and (in a file) `path` of a position, when locations are on.
    fn location(&self, xml: &mut XmlAttrs, pos: Pos) {
        if !self.options.location {
            return;
        }
        let Some((file, offset)) = self.ctx.sources.locate(pos) else { return };
        let (line, column) = file.line_col(offset);
        xml.push(("line", line.to_string().into_bytes()));
        xml.push(("column", column.to_string().into_bytes()));
        if let Origin::File(p) = &file.origin {
            xml.push(("path", p.to_string_lossy().into_owned().into_bytes()));
        }
    }

    /// `<varpat>` or `<attrspat>` with the formals in name order.
    fn pattern(&mut self, params: &crate::code::Params) {
        use crate::code::Params;
        let symbols = &*self.ctx.symbols;
        match params {
            Params::Ident(name) => {
                self.empty("varpat", vec![("name", symbols.resolve(*name).to_vec())]);
            }
            Params::Formals { formals, ellipsis, bind } => {
                let mut xml = XmlAttrs::new();
                xml.extend(bind.map(|b| ("name", symbols.resolve(b).to_vec())));
                if *ellipsis {
                    xml.push(("ellipsis", b"1".to_vec()));
                }
                self.open("attrspat", xml);
                let mut names: Vec<&[u8]> = formals.iter().map(|f| symbols.resolve(f.name)).collect();
                names.sort();
                for n in names {
                    self.empty("attr", vec![("name", n.to_vec())]);
                }
                self.close("attrspat");
            }
        }
    }

    /// Whether a set is a derivation: its `type` is the string `"derivation"`.
    fn is_derivation(&self, a: &crate::value::Attrs<'gc>) -> Result<bool, Value<'gc>> {
        let Some(t) = lookup(self.ctx, a, b"type") else { return Ok(false) };
        match t.resolved() {
            Value::Thunk(_) if self.options.strict => Err(t),
            Value::String(s) => Ok(&*s.bytes == b"derivation"),
            _ => Ok(false),
        }
    }

    /// A derivation's `drvPath` or `outPath`, when it is a string.
    fn path_attr(&self, a: &crate::value::Attrs<'gc>, name: &[u8]) -> Result<Option<Vec<u8>>, Value<'gc>> {
        let Some(v) = lookup(self.ctx, a, name) else { return Ok(None) };
        match v.resolved() {
            Value::Thunk(_) if self.options.strict => Err(v),
            Value::String(s) => Ok(Some(s.bytes.to_vec())),
            _ => Ok(None),
        }
    }

    fn indent(&mut self) {
        self.out.resize(self.out.len() + 2 * self.depth, b' ');
    }

    fn tag(&mut self, name: &str, mut attrs: XmlAttrs) {
        self.indent();
        self.out.push(b'<');
        self.out.extend_from_slice(name.as_bytes());
        attrs.sort_by_key(|(k, _)| *k);
        for (k, v) in attrs {
            self.out.push(b' ');
            self.out.extend_from_slice(k.as_bytes());
            self.out.extend_from_slice(b"=\"");
            escape_into(&mut self.out, &v);
            self.out.push(b'"');
        }
    }

    fn open(&mut self, name: &str, attrs: XmlAttrs) {
        self.tag(name, attrs);
        self.out.extend_from_slice(b">\n");
        self.depth += 1;
    }

    fn empty(&mut self, name: &str, attrs: XmlAttrs) {
        self.tag(name, attrs);
        self.out.extend_from_slice(b" />\n");
    }

    fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.indent();
        self.out.extend_from_slice(b"</");
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b">\n");
    }
}

/// The `<attr>` tasks of a set, first name on top of the stack.
fn work_items<'a, 'gc>(
    symbols: &'a Interner,
    a: &'a crate::value::Attrs<'gc>,
) -> impl Iterator<Item = Task<'gc>> + 'a {
    a.entries(symbols).iter().rev().map(|e| Task::Attr(*e))
}

/// An attribute by name, without interning names the program never used.
fn lookup<'gc>(ctx: &Ctx<'_>, a: &crate::value::Attrs<'gc>, name: &[u8]) -> Option<Value<'gc>> {
    a.entries(ctx.symbols).iter().find(|e| ctx.symbols.resolve(e.name) == name).map(|e| e.value)
}

/// An attribute value with the reference's escapes (newlines too, so that XML readers
/// do not normalise them away).
fn escape_into(out: &mut Vec<u8>, text: &[u8]) {
    for &c in text {
        match c {
            b'"' => out.extend_from_slice(b"&quot;"),
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            b'&' => out.extend_from_slice(b"&amp;"),
            b'\n' => out.extend_from_slice(b"&#xA;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::escape_into;

    #[test]
    fn attribute_values_are_escaped() {
        let mut out = Vec::new();
        escape_into(&mut out, b"<a href=\"x\">&\n\t'");
        assert_eq!(out, b"&lt;a href=&quot;x&quot;&gt;&amp;&#xA;\t'");
    }
}
