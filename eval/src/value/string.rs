//! Nix strings: bytes (not necessarily UTF-8) plus a context, the set of store paths
//! the string refers to. Context elements are kept in the reference's encoding: a plain
//! path, `=<drv>` (a derivation and all its outputs), or `!<output>!<drv>`.

use gc_arena::Collect;

/// One element of a context, parsed from its encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContextElement<'a> {
    /// `PATH`: a store path itself.
    Path(&'a str),
    /// `=DRV`: a derivation and all its outputs.
    AllOutputs(&'a str),
    /// `!OUTPUT!DRV`: one output of a derivation.
    Output { output: &'a str, drv: &'a str },
}

impl<'a> ContextElement<'a> {
    pub fn parse(element: &'a str) -> ContextElement<'a> {
        if let Some(drv) = element.strip_prefix('=') {
            ContextElement::AllOutputs(drv)
        } else if let Some((output, drv)) = element.strip_prefix('!').and_then(|r| r.split_once('!')) {
            ContextElement::Output { output, drv }
        } else {
            ContextElement::Path(element)
        }
    }
}

/// The store paths a string depends on, sorted and without duplicates.
#[derive(Clone, Default, PartialEq, Eq, Debug)]
pub struct StringContext(Option<Box<[Box<str>]>>);

impl StringContext {
    /// A context of these elements (in any order, maybe repeated).
    pub fn from_elements(elements: impl IntoIterator<Item = impl Into<Box<str>>>) -> StringContext {
        let mut all: Vec<Box<str>> = elements.into_iter().map(Into::into).collect();
        all.sort();
        all.dedup();
        StringContext((!all.is_empty()).then(|| all.into()))
    }

    /// The elements, sorted.
    pub fn elements(&self) -> impl Iterator<Item = &str> {
        self.0.iter().flat_map(|e| e.iter()).map(|e| &**e)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// The union of two contexts.
    pub fn union(&self, other: &StringContext) -> StringContext {
        match (&self.0, &other.0) {
            (None, _) => other.clone(),
            (_, None) => self.clone(),
            (Some(a), Some(b)) => StringContext::from_elements(a.iter().chain(b.iter()).cloned()),
        }
    }
}

/// A string value.
#[derive(Collect, Clone, Default, PartialEq, Eq, Debug)]
#[collect(require_static)]
pub struct NixString {
    pub bytes: Box<[u8]>,
    pub context: StringContext,
}

impl NixString {
    pub fn plain(bytes: impl Into<Box<[u8]>>) -> NixString {
        NixString { bytes: bytes.into(), context: StringContext::default() }
    }

    pub fn with_context(bytes: impl Into<Box<[u8]>>, context: StringContext) -> NixString {
        NixString { bytes: bytes.into(), context }
    }

    /// The bytes as text, with invalid UTF-8 replaced (for messages).
    pub fn lossy(&self) -> std::borrow::Cow<'_, str> {
        lossy(&self.bytes)
    }
}

/// `bytes` as text, with invalid UTF-8 replaced: as `String::from_utf8_lossy`, but
/// checking valid UTF-8 (the usual case) first, which is done many bytes at a time.
pub fn lossy(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}
