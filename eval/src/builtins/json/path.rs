//! Where `toJSON` is in the value it converts, for the reference's frames of an error
//! raised there (`… while evaluating attribute 'a'`, `… while evaluating list element
//! at index 1`): the place of each open list and set and of the value being written.

use crate::source::{Pos, Span};
use crate::symbol::Symbol;
use crate::vm::Ctx;

/// The place of a value in the list or set holding it.
#[derive(Clone, Copy, Default)]
pub enum Place {
    /// The value converted, or nothing being written.
    #[default]
    Root,
    Index(u32),
    /// An attribute, and where it is defined.
    Attr(Symbol, Pos),
}

/// The places from the value converted to the value being written.
#[derive(Default)]
pub struct Path {
    /// The places of the open lists and sets, outermost first.
    open: Vec<Place>,
    /// The place of the value being written.
    current: Place,
}

impl Path {
    /// A value at `place` is being written.
    pub fn enter(&mut self, place: Place) {
        self.current = place;
    }

    /// The value being written is a list or set: its elements come next.
    pub fn open(&mut self) {
        self.open.push(std::mem::take(&mut self.current));
    }

    /// The innermost open list or set is written.
    pub fn close(&mut self) {
        self.open.pop();
    }

    /// Nothing is being written any more.
    pub fn done(&mut self) {
        self.current = Place::Root;
    }

    /// The places, innermost first.
    fn places(&self) -> Vec<Place> {
        std::iter::once(self.current).chain(self.open.iter().rev().copied()).collect()
    }

    /// The position the reference passes down to the value being written: where the
    /// attribute it is in is defined, however deep in lists.
    pub fn position(&self, ctx: &Ctx<'_>) -> Option<Span> {
        within(ctx, &self.places())
    }

    /// The frames, innermost first. A list element's frame is placed at the position
    /// passed down to the list.
    pub fn frames(&self, ctx: &Ctx<'_>) -> Vec<(String, Option<Span>)> {
        let places = self.places();
        let mut frames = Vec::new();
        for (i, place) in places.iter().enumerate() {
            match *place {
                Place::Root => {}
                Place::Attr(name, pos) => frames.push((
                    format!("while evaluating attribute '{}'", ctx.symbols.display(name)),
                    ctx.sources.span_at(pos),
                )),
                Place::Index(n) => {
                    let at = within(ctx, &places[i + 1..]);
                    frames.push((format!("while evaluating list element at index {n}"), at));
                }
            }
        }
        frames
    }
}

/// Where the innermost attribute among `places` is defined.
fn within(ctx: &Ctx<'_>, places: &[Place]) -> Option<Span> {
    places.iter().find_map(|p| match p {
        Place::Attr(_, pos) => ctx.sources.span_at(*pos),
        _ => None,
    })
}
