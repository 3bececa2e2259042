//! Reading NARs: one strict, streaming parser that reports what it reads to a [`NarSink`].
//!
//! Every field is checked before it is used: lengths are bounded before anything is
//! allocated for them, padding must be zero, directory entries must be strictly sorted
//! by name bytes and their names must be valid file names. Nesting is tracked with an
//! explicit stack, so a deeply nested archive cannot exhaust the call stack. The parser
//! consumes exactly the archive and nothing after it.

use super::{MAGIC, MAX_NAME_LEN, MAX_TAG_LEN, MAX_TARGET_LEN, NarError, NarErrorKind};
use std::io::{self, Read};

/// Receives the file system objects of an archive as the parser reads them.
///
/// `name` is `None` for the root object and the entry name for objects inside a
/// directory; directory calls nest (`directory` … `end_directory`), and a file's
/// contents arrive in chunks between `file` and `end_file`. Every method defaults to
/// doing nothing, which makes a sink that only validates.
pub trait NarSink {
    fn directory(&mut self, _name: Option<&[u8]>) -> Result<(), NarErrorKind> {
        Ok(())
    }

    fn end_directory(&mut self) -> Result<(), NarErrorKind> {
        Ok(())
    }

    fn file(&mut self, _name: Option<&[u8]>, _executable: bool, _size: u64) -> Result<(), NarErrorKind> {
        Ok(())
    }

    fn file_data(&mut self, _data: &[u8]) -> Result<(), NarErrorKind> {
        Ok(())
    }

    fn end_file(&mut self) -> Result<(), NarErrorKind> {
        Ok(())
    }

    fn symlink(&mut self, _name: Option<&[u8]>, _target: &[u8]) -> Result<(), NarErrorKind> {
        Ok(())
    }
}

/// The sink that only validates.
impl NarSink for () {}

/// Parses one archive from `input` into `sink`; returns the number of bytes read, which
/// is the archive's size (nothing after the archive is read).
///
/// `input` is read in small pieces for the structure, so an unbuffered source should be
/// wrapped in a `BufReader`.
pub fn parse(input: &mut impl Read, sink: &mut impl NarSink) -> Result<u64, NarError> {
    let mut parser = Parser { input, sink, offset: 0, buf: Vec::new() };
    parser.archive()?;
    Ok(parser.offset)
}

/// Checks that `input` holds a well-formed archive; returns its size in bytes.
pub fn validate(input: &mut impl Read) -> Result<u64, NarError> {
    parse(input, &mut ())
}

/// Size of the buffer file contents are streamed through.
const CHUNK: usize = 64 * 1024;

/// One directory being read: the name of its last entry, for the ordering check.
struct Frame {
    previous: Vec<u8>,
}

struct Parser<'a, R, S> {
    input: &'a mut R,
    sink: &'a mut S,
    /// Bytes consumed so far.
    offset: u64,
    buf: Vec<u8>,
}

impl<R: Read, S: NarSink> Parser<'_, R, S> {
    fn archive(&mut self) -> Result<(), NarError> {
        let len = self.read_u64()?;
        if len != MAGIC.len() as u64 {
            return Err(NarErrorKind::BadMagic.at(0));
        }
        let mut magic = [0; MAGIC.len()];
        self.read_full(&mut magic)?;
        if magic != MAGIC {
            return Err(NarErrorKind::BadMagic.at(0));
        }
        self.padding(len)?;

        let mut stack: Vec<Frame> = Vec::new();
        self.node(None, &mut stack)?;
        while let Some(top) = stack.last_mut() {
            if !top.previous.is_empty() {
                self.expect(b")", "')' closing a directory entry")?;
            }
            let tag_start = self.offset;
            let tag = self.tag()?;
            match tag.as_slice() {
                b")" => {
                    stack.pop();
                    self.sink.end_directory().map_err(|e| e.at(tag_start))?;
                }
                b"entry" => {
                    let name = self.entry_name(&stack)?;
                    if let Some(top) = stack.last_mut() {
                        top.previous.clone_from(&name);
                    }
                    self.expect(b"node", "'node'")?;
                    self.node(Some(&name), &mut stack)?;
                }
                _ => return Err(unexpected("'entry' or ')'", &tag).at(tag_start)),
            }
        }
        Ok(())
    }

    /// Reads `( name NAME` of an entry and checks the name against the directory's
    /// previous entry.
    fn entry_name(&mut self, stack: &[Frame]) -> Result<Vec<u8>, NarError> {
        self.expect(b"(", "'(' opening a directory entry")?;
        self.expect(b"name", "'name'")?;
        let at = self.offset;
        let name = self.string(MAX_NAME_LEN, "a file name")?;
        let invalid = |why| NarErrorKind::InvalidName { name: lossy(&name), why }.at(at);
        if name.is_empty() {
            return Err(invalid("it is empty"));
        }
        if name == b"." || name == b".." {
            return Err(invalid("'.' and '..' are not allowed"));
        }
        if name.contains(&b'/') {
            return Err(invalid("it contains '/'"));
        }
        if name.contains(&0) {
            return Err(invalid("it contains a NUL byte"));
        }
        let previous = stack.last().map_or(&[][..], |f| f.previous.as_slice());
        match name.as_slice().cmp(previous) {
            std::cmp::Ordering::Greater => Ok(name),
            std::cmp::Ordering::Equal => Err(NarErrorKind::Duplicate(lossy(&name)).at(at)),
            std::cmp::Ordering::Less => {
                Err(NarErrorKind::Unsorted { previous: lossy(previous), name: lossy(&name) }.at(at))
            }
        }
    }

    /// Reads a node up to its closing `)`, except for a directory, whose entries the
    /// caller reads after a frame has been pushed for it.
    fn node(&mut self, name: Option<&[u8]>, stack: &mut Vec<Frame>) -> Result<(), NarError> {
        self.expect(b"(", "'('")?;
        self.expect(b"type", "'type'")?;
        let at = self.offset;
        let kind = self.tag()?;
        match kind.as_slice() {
            b"regular" => self.regular(name),
            b"directory" => {
                self.sink.directory(name).map_err(|e| e.at(at))?;
                stack.push(Frame { previous: Vec::new() });
                Ok(())
            }
            b"symlink" => {
                self.expect(b"target", "'target'")?;
                let at = self.offset;
                let target = self.string(MAX_TARGET_LEN, "a symlink target")?;
                let invalid = |why| NarErrorKind::InvalidTarget { target: lossy(&target), why }.at(at);
                if target.is_empty() {
                    return Err(invalid("it is empty"));
                }
                if target.contains(&0) {
                    return Err(invalid("it contains a NUL byte"));
                }
                self.sink.symlink(name, &target).map_err(|e| e.at(at))?;
                self.expect(b")", "')' closing a symlink")
            }
            _ => Err(NarErrorKind::UnknownType(lossy(&kind)).at(at)),
        }
    }

    fn regular(&mut self, name: Option<&[u8]>) -> Result<(), NarError> {
        let mut at = self.offset;
        let mut tag = self.tag()?;
        let executable = tag == b"executable";
        if executable {
            let marker_at = self.offset;
            if !self.string(MAX_TAG_LEN, "the executable marker")?.is_empty() {
                return Err(NarErrorKind::NonEmptyExecutableMarker.at(marker_at));
            }
            at = self.offset;
            tag = self.tag()?;
        }
        if tag != b"contents" {
            return Err(unexpected(
                if executable { "'contents'" } else { "'executable' or 'contents'" },
                &tag,
            )
            .at(at));
        }
        let size_at = self.offset;
        let size = self.read_u64()?;
        self.sink.file(name, executable, size).map_err(|e| e.at(size_at))?;
        if self.buf.is_empty() {
            self.buf = vec![0; CHUNK];
        }
        let mut left = size;
        while left > 0 {
            let n = CHUNK.min(usize::try_from(left).unwrap_or(CHUNK));
            let at = self.offset;
            let mut chunk = std::mem::take(&mut self.buf);
            let read = self.read_full(&mut chunk[..n]);
            let sent = read.and_then(|()| self.sink.file_data(&chunk[..n]).map_err(|e| e.at(at)));
            self.buf = chunk;
            sent?;
            left -= n as u64;
        }
        self.padding(size)?;
        self.sink.end_file().map_err(|e| e.at(self.offset))?;
        self.expect(b")", "')' closing a regular file")
    }

    /// Reads a keyword (bounded by the longest keyword of the format).
    fn tag(&mut self) -> Result<Vec<u8>, NarError> {
        self.string(MAX_TAG_LEN, "a keyword")
    }

    fn expect(&mut self, tag: &[u8], expected: &'static str) -> Result<(), NarError> {
        let at = self.offset;
        let found = self.tag()?;
        if found == tag { Ok(()) } else { Err(unexpected(expected, &found).at(at)) }
    }

    /// Reads a length-prefixed, padded string of at most `max` bytes.
    fn string(&mut self, max: u64, what: &'static str) -> Result<Vec<u8>, NarError> {
        let at = self.offset;
        let len = self.read_u64()?;
        if len > max {
            return Err(NarErrorKind::TooLong { what, len, max }.at(at));
        }
        // `len <= max`, which is small, so this cannot truncate.
        let mut s = vec![0; len as usize];
        self.read_full(&mut s)?;
        self.padding(len)?;
        Ok(s)
    }

    fn padding(&mut self, len: u64) -> Result<(), NarError> {
        let at = self.offset;
        let mut pad = [0; 8];
        let pad = &mut pad[..((8 - len % 8) % 8) as usize];
        self.read_full(pad)?;
        if pad.iter().any(|&b| b != 0) {
            return Err(NarErrorKind::NonZeroPadding.at(at));
        }
        Ok(())
    }

    fn read_u64(&mut self) -> Result<u64, NarError> {
        let mut b = [0; 8];
        self.read_full(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    /// Fills `buf`, counting every byte read so an early end is reported where it is.
    fn read_full(&mut self, mut buf: &mut [u8]) -> Result<(), NarError> {
        while !buf.is_empty() {
            match self.input.read(buf) {
                Ok(0) => return Err(NarErrorKind::UnexpectedEof.at(self.offset)),
                Ok(n) => {
                    self.offset += n as u64;
                    buf = &mut buf[n..];
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(NarErrorKind::Read(e).at(self.offset)),
            }
        }
        Ok(())
    }
}

fn unexpected(expected: &'static str, found: &[u8]) -> NarErrorKind {
    NarErrorKind::UnexpectedTag { expected, found: lossy(found) }
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
