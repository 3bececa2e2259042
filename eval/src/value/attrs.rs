//! Attribute sets: entries sorted by the names' bytes, as the reference prints and
//! iterates them. Small sets are searched by symbol identity, larger ones by binary
//! search on the names. Each entry remembers where the attribute was defined (for
//! `unsafeGetAttrPos`, `--xml` and duplicate errors) in what would be padding.

use super::{Settling, Value};
use crate::source::Pos;
use crate::symbol::{Interner, Symbol};
use gc_arena::{Collect, Gc, Mutation};
use std::borrow::Cow;
use std::cell::OnceCell;

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

/// An attribute set: one sorted layer of entries, or a small layer over another set.
///
/// `big // small` does not copy `big`: it makes a layer holding `small`'s entries over
/// `big` (as the reference does since 2.31), so that overriding a few attributes of a
/// large set — `callPackage`'s `scope // args`, an overlay's `super // { ... }` — costs
/// the size of the override. Lookups search the layers top down; iterating a layered set
/// merges its layers once and keeps the result. At most [`MAX_LAYERS`] are stacked.
pub struct Attrs<'gc> {
    layout: Layout<'gc>,
}

enum Layout<'gc> {
    Flat(Settling<Entry<'gc>>),
    Layered(Box<Layered<'gc>>),
}

struct Layered<'gc> {
    /// This layer's entries, sorted; they win over those below.
    top: Settling<Entry<'gc>>,
    below: Gc<'gc, Attrs<'gc>>,
    /// Distinct names in all layers.
    len: usize,
    /// Layers in this set, `top` included.
    depth: u8,
    /// All entries merged, made on first iteration. Traced too: collection may give
    /// the layers' slots evaluated thunks' values, after which only this copy refers
    /// to those thunks.
    merged: OnceCell<Settling<Entry<'gc>>>,
}

impl<'gc> Layered<'gc> {
    /// All entries, in one pass: the layers' entries (the newest of each name) placed
    /// into the flat set (or merged copy) at the bottom.
    fn merge(&self, symbols: &Interner) -> Vec<Entry<'gc>> {
        let mut tops: Vec<&[Entry<'gc>]> = vec![&self.top];
        let mut below = Gc::as_ref(self.below);
        let base: &[Entry<'gc>] = loop {
            match &below.layout {
                Layout::Flat(entries) => break entries,
                Layout::Layered(l) => match l.merged.get() {
                    Some(merged) => break merged,
                    None => {
                        tops.push(&l.top);
                        below = Gc::as_ref(l.below);
                    }
                },
            }
        };
        // Newest layer first; a stable sort keeps it first among equal names.
        let mut small: Vec<Entry<'gc>> = tops.iter().flat_map(|t| t.iter().copied()).collect();
        small.sort_by(|a, b| symbols.cmp(a.name, b.name));
        small.dedup_by(|later, first| later.name == first.name);
        let mut out = Vec::with_capacity(self.len);
        merge_small(&mut out, symbols, base, &small, true);
        out
    }
}

/// The most layers a set made by `//` may have before it is merged into one.
const MAX_LAYERS: u8 = 8;

// SAFETY: every value is traced, the merged copy's too; there is no drop glue
// touching `Gc` pointers.
unsafe impl<'gc> Collect<'gc> for Attrs<'gc> {
    fn trace<C: gc_arena::collect::Trace<'gc>>(&self, cc: &mut C) {
        match &self.layout {
            Layout::Flat(entries) => entries.trace(cc),
            Layout::Layered(l) => {
                cc.trace_gc(Gc::erase(l.below));
                l.top.trace(cc);
                if let Some(merged) = l.merged.get() {
                    merged.trace(cc);
                }
            }
        }
    }
}

/// Sets up to this size are searched linearly by symbol.
const LINEAR_LOOKUP: usize = 8;

/// The entry named `name` in one sorted layer.
#[inline]
fn find<'a, 'gc>(entries: &'a [Entry<'gc>], symbols: &Interner, name: Symbol) -> Option<&'a Entry<'gc>> {
    if entries.len() <= LINEAR_LOOKUP {
        return entries.iter().find(|e| e.name == name);
    }
    entries.binary_search_by(|e| symbols.cmp(e.name, name)).ok().map(|i| &entries[i])
}

impl<'gc> Attrs<'gc> {
    pub fn empty(mc: &Mutation<'gc>) -> Gc<'gc, Attrs<'gc>> {
        let none: Box<[Entry<'gc>]> = Box::new([]);
        Gc::new(mc, Attrs { layout: Layout::Flat(none.into()) })
    }

    /// Wraps entries that are already sorted by name and free of duplicates.
    pub fn from_sorted(mc: &Mutation<'gc>, entries: Box<[Entry<'gc>]>) -> Gc<'gc, Attrs<'gc>> {
        super::charge(mc, std::mem::size_of_val(&*entries));
        Gc::new(mc, Attrs { layout: Layout::Flat(entries.into()) })
    }

    pub fn len(&self) -> usize {
        match &self.layout {
            Layout::Flat(entries) => entries.len(),
            Layout::Layered(l) => l.len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every entry, sorted by name.
    pub fn entries(&self, symbols: &Interner) -> &[Entry<'gc>] {
        match &self.layout {
            Layout::Flat(entries) => entries,
            Layout::Layered(l) => l.merged.get_or_init(|| l.merge(symbols).into_boxed_slice().into()),
        }
    }

    /// Every entry, sorted by name, without keeping a merged copy of the layers (for
    /// sets about to be replaced by a bigger one).
    fn entries_once(&self, symbols: &Interner) -> Cow<'_, [Entry<'gc>]> {
        match &self.layout {
            Layout::Layered(l) if l.merged.get().is_none() => Cow::Owned(l.merge(symbols)),
            _ => Cow::Borrowed(self.entries(symbols)),
        }
    }

    #[inline]
    pub fn get(&self, symbols: &Interner, name: Symbol) -> Option<Value<'gc>> {
        self.entry(symbols, name).map(|e| e.value)
    }

    /// The entry named `name`, with its position.
    #[inline]
    pub fn entry(&self, symbols: &Interner, name: Symbol) -> Option<&Entry<'gc>> {
        let mut set = self;
        loop {
            match &set.layout {
                Layout::Flat(entries) => return find(entries, symbols, name),
                Layout::Layered(l) => {
                    if let Some(e) = find(&l.top, symbols, name) {
                        return Some(e);
                    }
                    set = &l.below;
                }
            }
        }
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
        // `big // small` (an override): a layer over `big`, unless it has as many
        // layers as allowed.
        if b.len() * SMALL_SIDE < a.len() && a.depth() < MAX_LAYERS {
            return Attrs::layer(mc, symbols, a, b);
        }
        let (x, y) = (a.entries_once(symbols), b.entries_once(symbols));
        let (x, y) = (&*x, &*y);
        let mut out = Vec::with_capacity(x.len() + y.len());
        // `big // small` over too many layers, or `small // big` (defaults): place the
        // few entries by binary search and copy the runs between them.
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

    fn depth(&self) -> u8 {
        match &self.layout {
            Layout::Flat(_) => 1,
            Layout::Layered(l) => l.depth,
        }
    }

    /// `below // top` as a layer over `below`.
    fn layer(
        mc: &Mutation<'gc>,
        symbols: &Interner,
        below: Gc<'gc, Attrs<'gc>>,
        top: Gc<'gc, Attrs<'gc>>,
    ) -> Gc<'gc, Attrs<'gc>> {
        let top: Box<[Entry<'gc>]> = top.entries(symbols).into();
        let shadowed = top.iter().filter(|e| below.entry(symbols, e.name).is_some()).count();
        super::charge(mc, std::mem::size_of_val(&*top));
        let layered = Layered {
            len: below.len() + top.len() - shadowed,
            depth: below.depth() + 1,
            top: top.into(),
            below,
            merged: OnceCell::new(),
        };
        Gc::new(mc, Attrs { layout: Layout::Layered(Box::new(layered)) })
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
