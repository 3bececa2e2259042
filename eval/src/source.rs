//! Source files, spans and positions: every file (or `-E` string) the evaluator reads
//! gets a [`FileId`]; spans are byte ranges in one file and map to line and column for
//! errors. A [`Pos`] is a point in any source packed into 32 bits, for attribute sets
//! (which keep one per attribute) and `__curPos`.

use std::path::PathBuf;

/// Index of a file in [`Sources`].
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct FileId(pub u32);

/// A byte range in a source file.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

/// A point in some source, or none: one plus the offset into the concatenation of
/// every source (each gets its own range, as the reference numbers positions), so it
/// needs no table and fits in four bytes. `Pos::NONE` is 0.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, gc_arena::Collect)]
#[collect(require_static)]
pub struct Pos(u32);

impl Pos {
    pub const NONE: Pos = Pos(0);

    pub fn is_none(self) -> bool {
        self == Pos::NONE
    }
}

/// Where a source came from.
#[derive(Clone, Debug)]
pub enum Origin {
    File(PathBuf),
    /// `-E` text, shown as `«string»`.
    String,
    /// Standard input, shown as `«stdin»`.
    Stdin,
    /// Source built into Ferrix, shown under this name.
    Internal(&'static str),
}

/// One source text.
pub struct SourceFile {
    pub origin: Origin,
    pub text: String,
    line_starts: Vec<u32>,
    /// The [`Pos`] of offset 0 (0 when the positions ran out: the source has none).
    base: u32,
}

impl SourceFile {
    /// How the reference names the source in messages.
    pub fn name(&self) -> String {
        match &self.origin {
            Origin::File(p) => p.display().to_string(),
            Origin::String => "«string»".into(),
            Origin::Stdin => "«stdin»".into(),
            Origin::Internal(name) => (*name).into(),
        }
    }

    /// The same source with its first `n` bytes read as spaces (line breaks kept): what
    /// the REPL compiles of `name = expr`, whose positions stay those of the whole input.
    /// A prefix that is not ASCII is kept as it is.
    pub fn blanked(&self, n: usize) -> SourceFile {
        let text = match self.text.as_bytes().get(..n) {
            Some(prefix) if prefix.is_ascii() => {
                let spaces: String = prefix.iter().map(|&b| if b == b'\n' { '\n' } else { ' ' }).collect();
                spaces + &self.text[n..]
            }
            _ => self.text.clone(),
        };
        SourceFile {
            origin: self.origin.clone(),
            text,
            line_starts: self.line_starts.clone(),
            base: self.base,
        }
    }

    /// 1-based line and column (in bytes, plus one) of a byte offset.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        (line as u32 + 1, offset - self.line_starts[line] + 1)
    }

    /// The text of 1-based line `n` (without its newline), if the source has it.
    pub fn line(&self, n: u32) -> Option<&str> {
        let i = (n as usize).checked_sub(1)?;
        let start = *self.line_starts.get(i)? as usize;
        let end = self.line_starts.get(i + 1).map_or(self.text.len(), |&e| e as usize - 1);
        self.text.get(start..end)
    }

    /// `name:line:column` of a byte offset, as messages quote positions.
    pub fn position(&self, offset: u32) -> String {
        let (line, col) = self.line_col(offset);
        format!("{}:{line}:{col}", self.name())
    }

    /// The position of a byte offset.
    pub fn pos(&self, offset: u32) -> Pos {
        if self.base == 0 { Pos::NONE } else { Pos(self.base + offset.min(self.text.len() as u32)) }
    }
}

/// Every source of an evaluation.
#[derive(Default)]
pub struct Sources {
    files: Vec<SourceFile>,
    /// How many files (the first ones) have positions.
    positioned: usize,
}

impl Sources {
    pub fn add(&mut self, origin: Origin, text: String) -> FileId {
        let mut line_starts = vec![0];
        line_starts.extend(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i as u32 + 1));
        // Each source takes its length plus one (its end is a position too), after
        // the previous one; once 32 bits run out, later sources have no positions.
        let base = match self.files.last() {
            None => Some(1),
            Some(last) if self.positioned == self.files.len() => {
                last.base.checked_add(last.text.len() as u32).and_then(|b| b.checked_add(1))
            }
            Some(_) => None,
        };
        let base = base.filter(|b| u32::try_from(text.len()).ok().and_then(|n| b.checked_add(n)).is_some());
        if base.is_some() {
            self.positioned += 1;
        }
        self.files.push(SourceFile { origin, text, line_starts, base: base.unwrap_or(0) });
        FileId((self.files.len() - 1) as u32)
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// The position of a span's start.
    pub fn pos(&self, span: Span) -> Pos {
        self.get(span.file).pos(span.start)
    }

    /// The source and byte offset of a position.
    pub fn locate(&self, pos: Pos) -> Option<(&SourceFile, u32)> {
        self.span_at(pos).map(|s| (self.get(s.file), s.start))
    }

    /// The empty span at a position.
    pub fn span_at(&self, pos: Pos) -> Option<Span> {
        if pos.is_none() {
            return None;
        }
        let files = &self.files[..self.positioned];
        let i = files.partition_point(|f| f.base <= pos.0).checked_sub(1)?;
        let start = pos.0 - files[i].base;
        Some(Span { file: FileId(i as u32), start, end: start })
    }
}
