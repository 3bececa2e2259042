//! Printing values as the reference's REPL does: forced to the depth shown (one level,
//! or all of it for `:p`), sets and lists laid out on several lines when they hold more
//! than one item or a nested set or list, derivations as `«derivation PATH»`, errors in
//! a part as `«error: MESSAGE»` without ending the print, and optional ANSI colours.
//!
//! Forcing needs the VM, printing a walk of the value: the walk runs in rounds, each
//! printing the value and collecting the thunks it met unevaluated; these are forced
//! (their errors remembered) and the value printed again, until nothing is pending.
//! The walk keeps an explicit stack: a deep value cannot overflow the Rust stack.

use super::Session;
use crate::error::EvalError;
use crate::symbol::known;
use crate::value::{Attrs, List, ThunkState, Value};
use crate::vm::Ctx;
use gc_arena::Gc;
use std::collections::{HashMap, HashSet};

/// How to print.
#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    /// ANSI colours.
    pub colour: bool,
    /// `:p`: everything, strings at the top printed raw.
    pub deep: bool,
}

const NUMBER: &str = "\x1b[36;1m";
const STRING: &str = "\x1b[35;1m";
const PATH: &str = "\x1b[32;1m";
const ERROR: &str = "\x1b[31;1m";
const FUNCTION: &str = "\x1b[34;1m";
const RESET: &str = "\x1b[0m";

impl Session {
    /// Prints the value in `Roots::shown`, forcing what the print shows.
    pub(super) fn print_shown(&mut self, style: Style) -> Result<Vec<u8>, EvalError> {
        let mut errors = HashMap::new();
        loop {
            let ctx = ctx!(self.ev);
            let (out, pending) = self.ev.arena.mutate_root(|_, vm| {
                let mut p = Printer::new(&ctx, style, &errors);
                p.print(vm.repl.shown.unwrap_or(Value::Null));
                let addrs = p.pending.iter().filter_map(|v| thunk_addr(*v)).collect::<Vec<_>>();
                vm.repl.pending = p.pending;
                (p.out, addrs)
            });
            if pending.is_empty() {
                return Ok(out);
            }
            for (i, addr) in pending.into_iter().enumerate() {
                if let Err(e) = self.ev.start(|_, vm, _| Ok(vm.repl.pending[i])) {
                    if super::is_interrupted(&e) {
                        return Err(e);
                    }
                    errors.insert(addr, e.message.clone());
                }
            }
        }
    }
}

fn thunk_addr(v: Value<'_>) -> Option<usize> {
    if let Value::Thunk(t) = v { Some(t.addr()) } else { None }
}

/// `v` with evaluated (or precomputed) thunks looked through.
fn shown(v: Value<'_>) -> Value<'_> {
    let mut v = v.resolved();
    while let Value::Thunk(t) = v {
        match t.state() {
            ThunkState::Precomputed(inner) => v = inner.resolved(),
            _ => break,
        }
    }
    v
}

/// What is left to print: a value at a depth, or text.
enum Item<'gc> {
    Value(Value<'gc>, usize),
    Text(String),
}

struct Printer<'c, 'a, 'gc> {
    ctx: &'c Ctx<'a>,
    style: Style,
    max_depth: usize,
    /// Messages of the thunks whose forcing failed, by address.
    errors: &'c HashMap<usize, String>,
    seen: HashSet<usize>,
    out: Vec<u8>,
    pending: Vec<Value<'gc>>,
    stack: Vec<Item<'gc>>,
}

impl<'c, 'a, 'gc> Printer<'c, 'a, 'gc> {
    fn new(ctx: &'c Ctx<'a>, style: Style, errors: &'c HashMap<usize, String>) -> Self {
        let max_depth = if style.deep { usize::MAX } else { 1 };
        let (seen, out, pending, stack) = (HashSet::new(), Vec::new(), Vec::new(), Vec::new());
        Printer { ctx, style, max_depth, errors, seen, out, pending, stack }
    }

    fn print(&mut self, v: Value<'gc>) {
        if let (true, Value::String(s)) = (self.style.deep, shown(v)) {
            return self.out.extend_from_slice(&s.bytes);
        }
        self.stack.push(Item::Value(v, 0));
        while let Some(item) = self.stack.pop() {
            match item {
                Item::Text(t) => self.out.extend_from_slice(t.as_bytes()),
                Item::Value(v, depth) => self.value(v, depth),
            }
        }
    }

    fn coloured(&mut self, colour: &str, text: &[u8]) {
        if self.style.colour {
            self.out.extend_from_slice(colour.as_bytes());
        }
        self.out.extend_from_slice(text);
        if self.style.colour {
            self.out.extend_from_slice(RESET.as_bytes());
        }
    }

    fn value(&mut self, v: Value<'gc>, depth: usize) {
        match shown(v) {
            Value::Thunk(t) => match self.errors.get(&t.addr()) {
                Some(message) => self.coloured(ERROR, format!("«error: {message}»").as_bytes()),
                None => {
                    self.pending.push(v);
                    self.out.extend_from_slice("«thunk»".as_bytes());
                }
            },
            Value::Null => self.coloured(NUMBER, b"null"),
            Value::Bool(b) => self.coloured(NUMBER, if b { b"true" } else { b"false" }),
            Value::Int(i) => self.coloured(NUMBER, i.to_string().as_bytes()),
            Value::Float(f) => self.coloured(NUMBER, crate::print::format_float(f).as_bytes()),
            Value::String(s) => self.coloured(STRING, crate::print::quote_string(&s.bytes).as_bytes()),
            Value::Path(p) => self.coloured(PATH, &p.bytes),
            f @ (Value::Lambda(_) | Value::PrimOp(_) | Value::PrimOpApp(_)) => {
                self.coloured(FUNCTION, crate::print::short(self.ctx, f).as_bytes())
            }
            Value::Attrs(a) => self.attrs(a, depth),
            Value::List(l) => self.list(v, l, depth),
        }
    }

    fn repeated(&mut self) {
        self.coloured(STRING, "«repeated»".as_bytes());
    }

    fn attrs(&mut self, a: Gc<'gc, Attrs<'gc>>, depth: usize) {
        if !a.is_empty() && !self.seen.insert(Gc::as_ptr(a) as usize) {
            return self.repeated();
        }
        if self.derivation(a) {
            return;
        }
        if depth >= self.max_depth {
            return self.out.extend_from_slice(b"{ ... }");
        }
        if a.is_empty() {
            return self.out.extend_from_slice(b"{ }");
        }
        let entries = a.entries(self.ctx.symbols);
        let pretty = entries.len() > 1 || entries.iter().any(|e| is_container(e.value));
        let (sep, close) = layout(pretty, depth);
        self.out.extend_from_slice(b"{");
        self.stack.push(Item::Text(format!("{close}}}")));
        for e in entries.iter().rev() {
            self.stack.push(Item::Text(";".into()));
            self.stack.push(Item::Value(e.value, depth + 1));
            let name = crate::print::attr_name(self.ctx.symbols, e.name);
            self.stack.push(Item::Text(format!("{sep}{name} = ")));
        }
    }

    fn list(&mut self, v: Value<'gc>, l: Gc<'gc, List<'gc>>, depth: usize) {
        // As in the reference, a list is the same list only through the same thunk.
        if !l.0.is_empty() && thunk_addr(v).is_some_and(|c| !self.seen.insert(c)) {
            return self.repeated();
        }
        if depth >= self.max_depth {
            return self.out.extend_from_slice(b"[ ... ]");
        }
        if l.0.is_empty() {
            return self.out.extend_from_slice(b"[ ]");
        }
        let pretty = l.0.len() > 1 || l.0.iter().any(|v| is_container(*v));
        let (sep, close) = layout(pretty, depth);
        self.out.extend_from_slice(b"[");
        self.stack.push(Item::Text(format!("{close}]")));
        for v in l.0.iter().rev() {
            self.stack.push(Item::Value(*v, depth + 1));
            self.stack.push(Item::Text(sep.clone()));
        }
    }

    /// Prints a derivation as `«derivation PATH»` and gives true; false for another
    /// set. Its `type` and `drvPath` are forced first (pending until they are).
    fn derivation(&mut self, a: Gc<'gc, Attrs<'gc>>) -> bool {
        let symbols = &*self.ctx.symbols;
        let Some(ty) = a.get(symbols, known::TYPE) else { return false };
        match shown(ty) {
            Value::String(s) if &*s.bytes == b"derivation" => {}
            Value::Thunk(t) if !self.errors.contains_key(&t.addr()) => {
                self.pending.push(ty);
                return true;
            }
            _ => return false,
        }
        match a.get(symbols, known::DRV_PATH).map(shown) {
            Some(Value::String(s)) => {
                let text = format!("«derivation {}»", s.lossy());
                self.coloured(PATH, text.as_bytes());
            }
            Some(other @ Value::Thunk(_)) => self.value(other, 0),
            _ => self.out.extend_from_slice("«derivation»".as_bytes()),
        }
        true
    }
}

/// True for a set or list (evaluated): a set or list holding one prints on several
/// lines.
fn is_container(v: Value<'_>) -> bool {
    matches!(shown(v), Value::Attrs(_) | Value::List(_))
}

/// The text before each item and before the closing bracket: a line per item,
/// indented by two spaces a level, or all on one line.
fn layout(pretty: bool, depth: usize) -> (String, String) {
    if pretty {
        (format!("\n{}", "  ".repeat(depth + 1)), format!("\n{}", "  ".repeat(depth)))
    } else {
        (" ".into(), " ".into())
    }
}
