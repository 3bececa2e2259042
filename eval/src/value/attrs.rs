//! Attribute sets: entries sorted by the names' bytes, as the reference prints and
//! iterates them. Small sets are searched by symbol identity, larger ones by binary
//! search on the names.

use super::Value;
use crate::symbol::{Interner, Symbol};
use gc_arena::{Collect, Gc, Mutation};

pub struct Attrs<'gc> {
    entries: Box<[(Symbol, Value<'gc>)]>,
}

// SAFETY: every value is traced; there is no drop glue touching `Gc` pointers.
unsafe impl<'gc> Collect<'gc> for Attrs<'gc> {
    fn trace<C: gc_arena::collect::Trace<'gc>>(&self, cc: &mut C) {
        super::note_traced(self.entries.len());
        for (_, v) in self.entries.iter() {
            cc.trace(v);
        }
    }
}

/// Sets up to this size are searched linearly by symbol.
const LINEAR_LOOKUP: usize = 8;

impl<'gc> Attrs<'gc> {
    pub fn empty(mc: &Mutation<'gc>) -> Gc<'gc, Attrs<'gc>> {
        Gc::new(mc, Attrs { entries: Box::new([]) })
    }

    /// Wraps entries that are already sorted by name and free of duplicates.
    pub fn from_sorted(mc: &Mutation<'gc>, entries: Box<[(Symbol, Value<'gc>)]>) -> Gc<'gc, Attrs<'gc>> {
        super::charge(mc, std::mem::size_of_val(&*entries));
        Gc::new(mc, Attrs { entries })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entries(&self) -> &[(Symbol, Value<'gc>)] {
        &self.entries
    }

    pub fn get(&self, symbols: &Interner, name: Symbol) -> Option<Value<'gc>> {
        if self.entries.len() <= LINEAR_LOOKUP {
            return self.entries.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
        }
        self.entries.binary_search_by(|(k, _)| symbols.cmp(*k, name)).ok().map(|i| self.entries[i].1)
    }

    /// `self // other`: every entry of `other`, and those of `self` it does not name.
    pub fn update(
        mc: &Mutation<'gc>,
        symbols: &Interner,
        a: Gc<'gc, Attrs<'gc>>,
        b: Gc<'gc, Attrs<'gc>>,
    ) -> Gc<'gc, Attrs<'gc>> {
        if b.is_empty() {
            return a;
        }
        if a.is_empty() {
            return b;
        }
        let (x, y) = (&a.entries, &b.entries);
        let mut out = Vec::with_capacity(x.len() + y.len());
        let (mut i, mut j) = (0, 0);
        while i < x.len() && j < y.len() {
            match symbols.cmp(x[i].0, y[j].0) {
                std::cmp::Ordering::Less => {
                    out.push(x[i]);
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    out.push(y[j]);
                    j += 1;
                }
                std::cmp::Ordering::Equal => {
                    out.push(y[j]);
                    i += 1;
                    j += 1;
                }
            }
        }
        out.extend_from_slice(&x[i..]);
        out.extend_from_slice(&y[j..]);
        Attrs::from_sorted(mc, out.into())
    }
}

/// Collects entries in any order and sorts them once.
#[derive(Default)]
pub struct AttrsBuilder<'gc> {
    entries: Vec<(Symbol, Value<'gc>)>,
}

impl<'gc> AttrsBuilder<'gc> {
    pub fn with_capacity(n: usize) -> AttrsBuilder<'gc> {
        AttrsBuilder { entries: Vec::with_capacity(n) }
    }

    pub fn push(&mut self, name: Symbol, value: Value<'gc>) {
        self.entries.push((name, value));
    }

    /// Sorts by name. With duplicates, `Err` gives the first duplicated name; with
    /// `keep_first`, later duplicates are dropped instead (as `listToAttrs` does).
    pub fn finish(
        mut self,
        mc: &Mutation<'gc>,
        symbols: &Interner,
        keep_first: bool,
    ) -> Result<Gc<'gc, Attrs<'gc>>, Symbol> {
        // A stable sort keeps the first of equal names first.
        self.entries.sort_by(|a, b| symbols.cmp(a.0, b.0));
        let mut out: Vec<(Symbol, Value<'gc>)> = Vec::with_capacity(self.entries.len());
        for e in self.entries {
            if out.last().is_some_and(|l| l.0 == e.0) {
                if keep_first {
                    continue;
                }
                return Err(e.0);
            }
            out.push(e);
        }
        Ok(Attrs::from_sorted(mc, out.into()))
    }
}
