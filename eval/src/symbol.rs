//! Interned attribute and variable names. A [`Symbol`] is a small index; the
//! [`Interner`] maps it back to its bytes. Attribute sets keep their entries sorted by
//! the names' bytes (the order Nix prints and iterates in), so comparisons go through
//! the interner.

use std::collections::HashMap;

/// An interned name.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, gc_arena::Collect)]
#[collect(require_static)]
pub struct Symbol(u32);

/// The table of interned names.
#[derive(Default)]
pub struct Interner {
    ids: HashMap<Box<[u8]>, Symbol>,
    names: Vec<Box<[u8]>>,
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
