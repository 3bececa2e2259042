//! Attribute sets: entries sorted by the names' bytes, as the reference prints and
//! iterates them. Small sets are searched by symbol identity, larger ones by binary
//! search on the names. Each entry remembers where the attribute was defined (for
//! `unsafeGetAttrPos`, `--xml` and duplicate errors) in what would be padding.

use super::Value;
use crate::source::Pos;
use crate::symbol::{Interner, Symbol};
use gc_arena::{Collect, Gc, Mutation};

/// One attribute: its name, where it was defined, and its value.
#[derive(Clone, Copy, Collect)]
#[collect(no_drop)]
pub struct Entry<'gc> {
    pub name: Symbol,
    pub pos: Pos,
    pub value: Value<'gc>,
}

impl<'gc> Entry<'gc> {
    pub fn new(name: Symbol, value: Value<'gc>) -> Entry<'gc> {
        Entry { name, pos: Pos::NONE, value }
    }
}

// The position sits beside the name, in the value's alignment padding.
const _: () = assert!(std::mem::size_of::<Entry<'static>>() == 24);

pub struct Attrs<'gc> {
    entries: Box<[Entry<'gc>]>,
}

// SAFETY: every value is traced; there is no drop glue touching `Gc` pointers.
unsafe impl<'gc> Collect<'gc> for Attrs<'gc> {
    fn trace<C: gc_arena::collect::Trace<'gc>>(&self, cc: &mut C) {
        super::note_traced(self.entries.len());
        for e in self.entries.iter() {
            cc.trace(&e.value);
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
    pub fn from_sorted(mc: &Mutation<'gc>, entries: Box<[Entry<'gc>]>) -> Gc<'gc, Attrs<'gc>> {
        super::charge(mc, std::mem::size_of_val(&*entries));
        Gc::new(mc, Attrs { entries })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entries(&self) -> &[Entry<'gc>] {
        &self.entries
    }

    #[inline]
    pub fn get(&self, symbols: &Interner, name: Symbol) -> Option<Value<'gc>> {
        self.entry(symbols, name).map(|e| e.value)
    }

    /// The entry named `name`, with its position.
    #[inline]
    pub fn entry(&self, symbols: &Interner, name: Symbol) -> Option<&Entry<'gc>> {
        if self.entries.len() <= LINEAR_LOOKUP {
            return self.entries.iter().find(|e| e.name == name);
        }
        self.entries.binary_search_by(|e| symbols.cmp(e.name, name)).ok().map(|i| &self.entries[i])
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
        // `big // small` (an override) or `small // big` (defaults): place the few
        // entries by binary search and copy the runs between them.
        if y.len() * SMALL_SIDE < x.len() {
            merge_small(&mut out, symbols, x, y, true);
            return Attrs::from_sorted(mc, out.into());
        }
        if x.len() * SMALL_SIDE < y.len() {
            merge_small(&mut out, symbols, y, x, false);
            return Attrs::from_sorted(mc, out.into());
        }
        let (mut i, mut j) = (0, 0);
        while i < x.len() && j < y.len() {
            match symbols.cmp(x[i].name, y[j].name) {
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

/// A side of `//` this many times smaller than the other is merged by binary search.
const SMALL_SIDE: usize = 8;

/// Merges the sorted `small` into the sorted `big`; on equal names the entry of `small`
/// is kept if `small_wins`, else that of `big`.
fn merge_small<'gc>(
    out: &mut Vec<Entry<'gc>>,
    symbols: &Interner,
    big: &[Entry<'gc>],
    small: &[Entry<'gc>],
    small_wins: bool,
) {
    let mut i = 0;
    for e in small {
        let at = i + big[i..].partition_point(|d| symbols.cmp(d.name, e.name).is_lt());
        out.extend_from_slice(&big[i..at]);
        i = at;
        if big.get(i).is_some_and(|d| d.name == e.name) {
            if !small_wins {
                continue;
            }
            i += 1;
        }
        out.push(*e);
    }
    out.extend_from_slice(&big[i..]);
}

/// Collects entries in any order and sorts them once.
#[derive(Default)]
pub struct AttrsBuilder<'gc> {
    entries: Vec<Entry<'gc>>,
}

impl<'gc> AttrsBuilder<'gc> {
    pub fn with_capacity(n: usize) -> AttrsBuilder<'gc> {
        AttrsBuilder { entries: Vec::with_capacity(n) }
    }

    /// Adds an attribute without a position.
    pub fn push(&mut self, name: Symbol, value: Value<'gc>) {
        self.entries.push(Entry::new(name, value));
    }

    /// Adds an attribute defined at `pos`.
    pub fn push_at(&mut self, name: Symbol, pos: Pos, value: Value<'gc>) {
        self.entries.push(Entry { name, pos, value });
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
        self.entries.sort_by(|a, b| symbols.cmp(a.name, b.name));
        let mut out: Vec<Entry<'gc>> = Vec::with_capacity(self.entries.len());
        for e in self.entries {
            if out.last().is_some_and(|l| l.name == e.name) {
                if keep_first {
                    continue;
                }
                return Err(e.name);
            }
            out.push(e);
        }
        Ok(Attrs::from_sorted(mc, out.into()))
    }
}
