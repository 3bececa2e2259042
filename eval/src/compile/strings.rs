//! String literal contents as the reference reads them: escapes in `"..."` strings,
//! `''...''` strings with their escapes and indentation stripping, and CR handling.
//! rnix's own `normalized_parts` differs from the reference in places, so the raw
//! token text is processed here.

/// A piece of a string literal after unescaping.
pub enum Piece<I> {
    Text(Vec<u8>),
    Interpolation(I),
}

/// Unescapes the raw text of a `"..."` string part: `\n \r \t`, `\X` for any other X,
/// and CR LF or a lone CR in the source read as a newline.
pub fn unescape_plain(raw: &str) -> Vec<u8> {
    let b = raw.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' if i + 1 < b.len() => {
                out.push(match b[i + 1] {
                    b'n' => b'\n',
                    b'r' => b'\r',
                    b't' => b'\t',
                    c => c,
                });
                i += 2;
            }
            b'\r' => {
                out.push(b'\n');
                i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// The escape at the start of raw `''...''` text, if any: its length and what it means
/// (`'''` is `''`, `''$` is `$`, `''\X` is the escape X: `n`, `r`, `t`, or X itself).
fn indented_escape(b: &[u8]) -> Option<(usize, Vec<u8>)> {
    if !b.starts_with(b"''") {
        return None;
    }
    Some(match b.get(2)? {
        b'\'' => (3, b"''".to_vec()),
        b'$' => (3, b"$".to_vec()),
        b'\\' => {
            let c = *b.get(3)?;
            let out = match c {
                b'n' => b'\n',
                b'r' => b'\r',
                b't' => b'\t',
                c => c,
            };
            (4, vec![out])
        }
        _ => return None,
    })
}

/// Strips the common indentation of an indented string and unescapes it, as the
/// reference does. `pieces` hold raw source text. The smallest number of leading spaces
/// over lines with content (an interpolation or escape counts as content) is removed
/// from every line; a newline written as an escape starts a line for stripping but not
/// for measuring; a last line of only spaces is dropped. The opening line is dropped by
/// the caller when it holds only spaces.
pub fn strip_indentation<I>(pieces: Vec<Piece<I>>) -> Vec<Piece<I>> {
    let mut min_indent = usize::MAX;
    let mut cur = 0;
    let mut at_start = true;
    for p in &pieces {
        match p {
            Piece::Interpolation(_) => {
                if at_start {
                    at_start = false;
                    min_indent = min_indent.min(cur);
                }
            }
            Piece::Text(t) => {
                let mut i = 0;
                while i < t.len() {
                    let (len, c) = match indented_escape(&t[i..]) {
                        Some((len, _)) => (len, None),
                        None => (1, Some(t[i])),
                    };
                    i += len;
                    if at_start {
                        match c {
                            Some(b' ') => cur += 1,
                            Some(b'\n') => cur = 0,
                            _ => {
                                at_start = false;
                                min_indent = min_indent.min(cur);
                            }
                        }
                    } else if c == Some(b'\n') {
                        at_start = true;
                        cur = 0;
                    }
                }
            }
        }
    }
    let n = pieces.len();
    let mut out = Vec::with_capacity(n);
    let mut at_start = true;
    let mut dropped = 0;
    for (idx, p) in pieces.into_iter().enumerate() {
        let t = match p {
            Piece::Interpolation(x) => {
                at_start = false;
                dropped = 0;
                out.push(Piece::Interpolation(x));
                continue;
            }
            Piece::Text(t) => t,
        };
        let mut s = Vec::with_capacity(t.len());
        let mut i = 0;
        while i < t.len() {
            if let Some((len, bytes)) = indented_escape(&t[i..]) {
                i += len;
                at_start = false;
                dropped = 0;
                for c in bytes {
                    s.push(c);
                    if c == b'\n' {
                        at_start = true;
                    }
                }
                continue;
            }
            let c = t[i];
            i += 1;
            if at_start {
                match c {
                    b' ' => {
                        if dropped >= min_indent {
                            s.push(c);
                        }
                        dropped += 1;
                    }
                    b'\n' => {
                        dropped = 0;
                        s.push(c);
                    }
                    _ => {
                        at_start = false;
                        dropped = 0;
                        s.push(c);
                    }
                }
            } else {
                s.push(c);
                if c == b'\n' {
                    at_start = true;
                }
            }
        }
        if idx + 1 == n
            && let Some(nl) = s.iter().rposition(|&c| c == b'\n')
            && s[nl + 1..].iter().all(|&c| c == b' ')
        {
            s.truncate(nl + 1);
        }
        out.push(Piece::Text(s));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(parts: &[&str]) -> String {
        let pieces: Vec<Piece<()>> = parts.iter().map(|p| Piece::Text(p.as_bytes().to_vec())).collect();
        strip_indentation(pieces)
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => String::from_utf8(t).unwrap(),
                Piece::Interpolation(()) => String::new(),
            })
            .collect()
    }

    #[test]
    fn plain_escapes() {
        assert_eq!(unescape_plain(r#"a\nb\tc\\d\"e\$f\qg"#), b"a\nb\tc\\d\"e$fqg");
        assert_eq!(unescape_plain("a\r\nb\rc"), b"a\nb\nc");
    }

    #[test]
    fn indented_strings() {
        assert_eq!(strip(&["  a\n    b\n  "]), "a\n  b\n");
        assert_eq!(strip(&["  a\n\n  b"]), "a\n\nb");
        assert_eq!(strip(&["  x ''\\n y\n  "]), "x \ny\n");
        assert_eq!(strip(&["''' ''$ ''\\t"]), "'' $ \t");
    }
}
