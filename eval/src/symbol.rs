//! Interned attribute and variable names. A [`Symbol`] is a small index; the
//! [`Interner`] maps it back to its bytes. Attribute sets keep their entries sorted by
//! the names' bytes (the order Nix prints and iterates in), so comparisons go through
//! the interner.

use std::collections::HashMap;

/// An interned name.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, gc_arena::Collect)]
#[collect(require_static)]
pub struct Symbol(u32);

/// Names the evaluator itself looks up, interned first so their symbols are constants
/// (the reference also creates these before reading any source).
pub mod known {
    use super::Symbol;
    pub const OUT_PATH: Symbol = Symbol(0);
    pub const TO_STRING: Symbol = Symbol(1);
    pub const FUNCTOR: Symbol = Symbol(2);
    pub const TYPE: Symbol = Symbol(3);
    pub const NAME: Symbol = Symbol(4);
    pub const VALUE: Symbol = Symbol(5);
    pub const KEY: Symbol = Symbol(6);
    /// The names, in symbol order.
    pub(super) const NAMES: [&[u8]; 7] =
        [b"outPath", b"__toString", b"__functor", b"type", b"name", b"value", b"key"];
}

/// The table of interned names.
pub struct Interner {
    ids: HashMap<Box<[u8]>, Symbol>,
    names: Vec<Box<[u8]>>,
}

impl Default for Interner {
    fn default() -> Interner {
        let mut i = Interner { ids: HashMap::new(), names: Vec::new() };
        for name in known::NAMES {
            i.intern(name);
        }
        i
    }
}

impl Interner {
    /// The symbol for `name`, interning it on first use.
    pub fn intern(&mut self, name: &[u8]) -> Symbol {
        if let Some(&s) = self.ids.get(name) {
            return s;
        }
        let s = Symbol(u32::try_from(self.names.len()).expect("fewer than 2^32 distinct names"));
        self.names.push(name.into());
        self.ids.insert(name.into(), s);
        s
    }

    /// The bytes of a symbol.
    pub fn resolve(&self, s: Symbol) -> &[u8] {
        &self.names[s.0 as usize]
    }

    /// Orders two symbols by their names' bytes.
    pub fn cmp(&self, a: Symbol, b: Symbol) -> std::cmp::Ordering {
        if a == b { std::cmp::Ordering::Equal } else { self.resolve(a).cmp(self.resolve(b)) }
    }

    /// The name as text, with invalid UTF-8 replaced (for messages).
    pub fn display(&self, s: Symbol) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(self.resolve(s))
    }
}
