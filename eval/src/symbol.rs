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
    pub const PATH: Symbol = Symbol(7);
    pub const PREFIX: Symbol = Symbol(8);
    pub const ALL_OUTPUTS: Symbol = Symbol(9);
    pub const OUTPUTS: Symbol = Symbol(10);
    pub const DRV_PATH: Symbol = Symbol(11);
    pub const OUTPUT_NAME: Symbol = Symbol(12);
    pub const RECURSE_FOR_DERIVATIONS: Symbol = Symbol(13);
    pub const STRUCTURED_ATTRS: Symbol = Symbol(14);
    pub const IGNORE_NULLS: Symbol = Symbol(15);
    /// The names, in symbol order.
    pub(super) const NAMES: [&[u8]; 16] = [
        b"outPath",
        b"__toString",
        b"__functor",
        b"type",
        b"name",
        b"value",
        b"key",
        b"path",
        b"prefix",
        b"allOutputs",
        b"outputs",
        b"drvPath",
        b"outputName",
        b"recurseForDerivations",
        b"__structuredAttrs",
        b"__ignoreNulls",
    ];
}

/// The table of interned names.
pub struct Interner {
    ids: HashMap<Box<[u8]>, Symbol>,
    names: Vec<Box<[u8]>>,
    /// Each name's first 8 bytes, big-endian and zero-padded: most comparisons are
    /// decided by these without touching the names.
    prefixes: Vec<u64>,
}

impl Default for Interner {
    fn default() -> Interner {
        let mut i = Interner { ids: HashMap::new(), names: Vec::new(), prefixes: Vec::new() };
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
        let mut prefix = [0u8; 8];
        let n = name.len().min(8);
        prefix[..n].copy_from_slice(&name[..n]);
        self.prefixes.push(u64::from_be_bytes(prefix));
        self.ids.insert(name.into(), s);
        s
    }

    /// The bytes of a symbol.
    pub fn resolve(&self, s: Symbol) -> &[u8] {
        &self.names[s.0 as usize]
    }

    /// Orders two symbols by their names' bytes.
    pub fn cmp(&self, a: Symbol, b: Symbol) -> std::cmp::Ordering {
        if a == b {
            return std::cmp::Ordering::Equal;
        }
        // Differing padded prefixes order the names as their bytes do (padding only
        // ties with a real zero byte, which then falls through to the full comparison).
        let (pa, pb) = (self.prefixes[a.0 as usize], self.prefixes[b.0 as usize]);
        pa.cmp(&pb).then_with(|| self.resolve(a).cmp(self.resolve(b)))
    }

    /// The name as text, with invalid UTF-8 replaced (for messages).
    pub fn display(&self, s: Symbol) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(self.resolve(s))
    }
}

#[cfg(test)]
mod tests {
    use super::Interner;

    #[test]
    fn symbols_order_as_their_bytes() {
        let names: [&[u8]; 12] = [
            b"",
            b"a",
            b"a\0",
            b"a\0b",
            b"ab",
            b"abcdefgh",
            b"abcdefgh\0",
            b"abcdefghi",
            b"abcdefgi",
            b"b",
            b"\xff",
            b"Z",
        ];
        let mut i = Interner::default();
        let syms: Vec<_> = names.iter().map(|n| i.intern(n)).collect();
        for (x, a) in names.iter().zip(&syms) {
            for (y, b) in names.iter().zip(&syms) {
                assert_eq!(i.cmp(*a, *b), x.cmp(y), "{x:?} vs {y:?}");
            }
        }
    }
}
