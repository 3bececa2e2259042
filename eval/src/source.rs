//! Source files and spans: every file (or `-E` string) the evaluator reads gets a
//! [`FileId`]; spans are byte ranges in one file and map to line and column for errors
//! and `__curPos`.

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

/// Where a source came from.
#[derive(Clone, Debug)]
pub enum Origin {
    File(PathBuf),
    /// `-E` text, shown as `«string»`.
    String,
    /// Standard input, shown as `«stdin»`.
    Stdin,
}

/// One source text.
pub struct SourceFile {
    pub origin: Origin,
    pub text: String,
    line_starts: Vec<u32>,
}

impl SourceFile {
    /// How the reference names the source in messages.
    pub fn name(&self) -> String {
        match &self.origin {
            Origin::File(p) => p.display().to_string(),
            Origin::String => "«string»".into(),
            Origin::Stdin => "«stdin»".into(),
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
}

/// Every source of an evaluation.
#[derive(Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, origin: Origin, text: String) -> FileId {
        let mut line_starts = vec![0];
        line_starts.extend(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i as u32 + 1));
        self.files.push(SourceFile { origin, text, line_starts });
        FileId((self.files.len() - 1) as u32)
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }
}
