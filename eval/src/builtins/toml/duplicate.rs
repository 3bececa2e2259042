//! The reference's report of a key or table defined twice in a TOML document: the
//! second definition (the key or table header being inserted) and the first (the value
//! or header already there), each line with a marker under the part that counts.
//!
//! The first definition is found by scanning the lines before the second one, tracking
//! table headers (or the entries before it in a one-line inline table); a definition in
//! a multi-line value or a nested inline table is not found, and then only the second
//! place is shown.

use std::ops::Range;

/// A definition before the duplicate: its full key path and the span to mark.
struct Earlier {
    path: Vec<String>,
    span: Range<usize>,
    header: bool,
    /// For a dotted key: how many leading parts came from the table header, and the
    /// key's span (marked when the duplicate is a table the key made).
    key_span: Option<(usize, Range<usize>)>,
}

/// What a line defines: a table header, or a key with its value.
enum Definition {
    Header { path: Vec<String>, span: Range<usize> },
    Value { key: Vec<String>, key_span: Range<usize>, value_span: Range<usize> },
}

/// The report for the duplicate whose second definition holds byte `at`.
pub fn report(text: &str, at: usize) -> String {
    let at = at.min(text.len());
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let mut header = Vec::new();
    let mut earlier = Vec::new();
    for (start, line) in lines(&text[..line_start]) {
        match definition(line, start) {
            Some(Definition::Header { path, span }) => {
                header = path.clone();
                earlier.push(Earlier { path, span, header: true, key_span: None });
            }
            Some(Definition::Value { key, key_span, value_span }) => {
                // A dotted key defines the tables on its way (from the header on).
                let dotted = (key.len() > 1).then_some((header.len(), key_span));
                let path = [header.as_slice(), &key].concat();
                earlier.push(Earlier { path, span: value_span, header: false, key_span: dotted });
            }
            None => {}
        }
    }
    let line = lines(&text[line_start..]).next().map_or("", |(_, l)| l);
    let (table, path, span) = match definition(line, line_start) {
        Some(Definition::Header { path, span }) => (true, path, span),
        // Past the line's key: a key inside an inline table, compared with the keys
        // before it in that table.
        Some(Definition::Value { key_span, .. }) if at >= key_span.end => {
            let open = text[line_start..at].rfind('{').map_or(at, |i| line_start + i + 1);
            for (start, entry) in text[open..at].split(',').scan(open, |start, entry| {
                let here = *start;
                *start += entry.len() + 1;
                Some((here, entry))
            }) {
                if let Some(Definition::Value { key, value_span, .. }) = definition(entry, start) {
                    earlier.push(Earlier { path: key, span: value_span, header: false, key_span: None });
                }
            }
            let rest = &text[at..line_start + line.len()];
            let end = find_unquoted(rest, '=').map_or(rest.len(), |i| rest[..i].trim_end().len());
            (false, key_path(&rest[..end]), at..at + end)
        }
        Some(Definition::Value { key, key_span, .. }) => {
            (false, [header.as_slice(), &key].concat(), key_span)
        }
        None => (false, Vec::new(), at..at + 1),
    };
    let same = earlier.iter().find(|e| e.path == path);
    // A value where the path needs a table (`a = 1`, then `a.b = 2` or `[a.b]`).
    let blocking =
        earlier.iter().find(|e| !e.header && e.path.len() < path.len() && path.starts_with(&e.path));
    // A table made by a dotted key (`a.b = 1`, then `[a]`).
    let implicit = earlier.iter().find_map(|e| match &e.key_span {
        Some((from, key_span))
            if table && *from < path.len() && e.path.len() > path.len() && e.path.starts_with(&path) =>
        {
            Some(key_span)
        }
        _ => None,
    });
    let value_headline = "toml::insert_value: failed to insert a value, value already exists";
    let table_headline = "toml::insert_value: failed to insert a table, table already defined";
    let (headline, inserting, first) = match (same, blocking, implicit) {
        (Some(e), ..) if table => {
            (table_headline, "inserting this", Some((&e.span, "this table is explicitly defined")))
        }
        (Some(e), ..) => (value_headline, "inserting this", Some((&e.span, "but value already exists"))),
        (None, Some(e), _) => {
            (value_headline, "while inserting this", Some((&e.span, "non-table value already exists")))
        }
        (None, None, Some(key_span)) => {
            (table_headline, "inserting this", Some((key_span, "this table is explicitly defined")))
        }
        _ if table => (table_headline, "inserting this", None),
        _ => (value_headline, "inserting this", None),
    };
    let mut places = vec![(span, inserting)];
    places.extend(first.map(|(span, note)| (span.clone(), note)));
    format!("[error] {headline}\n{}", excerpt(text, &places))
}

/// The lines of `text` with the offset where each starts.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split('\n').scan(0, |start, line| {
        let here = *start;
        *start += line.len() + 1;
        Some((here, line.strip_suffix('\r').unwrap_or(line)))
    })
}

/// What `line` (starting at byte `start` of the document) defines, if anything.
fn definition(line: &str, start: usize) -> Option<Definition> {
    let body = strip_comment(line);
    let indent = body.len() - body.trim_start().len();
    let trimmed = body.trim();
    if trimmed.is_empty() {
        return None;
    }
    if trimmed.starts_with('[') {
        let inner = trimmed.trim_start_matches('[').trim_end_matches(']');
        let span = start + indent..start + indent + trimmed.len();
        return Some(Definition::Header { path: key_path(inner), span });
    }
    let eq = find_unquoted(body, '=')?;
    let key_text = body[..eq].trim_end();
    let value_text = body[eq + 1..].trim();
    let value_start = start + eq + 1 + (body[eq + 1..].len() - body[eq + 1..].trim_start().len());
    Some(Definition::Value {
        key: key_path(key_text.trim_start()),
        key_span: start + indent..start + key_text.len(),
        value_span: value_start..value_start + value_text.len(),
    })
}

/// `line` without a trailing `# comment` (a `#` inside quotes is kept).
fn strip_comment(line: &str) -> &str {
    find_unquoted(line, '#').map_or(line, |i| &line[..i])
}

/// The first `c` outside quoted strings.
fn find_unquoted(s: &str, c: char) -> Option<usize> {
    let mut quote = None;
    let mut escaped = false;
    for (i, ch) in s.char_indices() {
        match quote {
            Some('"') if escaped => escaped = false,
            Some('"') if ch == '\\' => escaped = true,
            Some(q) if ch == q => quote = None,
            Some(_) => {}
            None if ch == '"' || ch == '\'' => quote = Some(ch),
            None if ch == c => return Some(i),
            None => {}
        }
    }
    None
}

/// The parts of a dotted key, unquoted (escapes in quoted parts are not decoded).
fn key_path(key: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = key.trim();
    loop {
        let end = find_unquoted(rest, '.').unwrap_or(rest.len());
        let part = rest[..end].trim();
        let unquoted = part
            .strip_prefix('"')
            .and_then(|p| p.strip_suffix('"'))
            .or_else(|| part.strip_prefix('\'').and_then(|p| p.strip_suffix('\'')))
            .unwrap_or(part);
        parts.push(unquoted.to_owned());
        if end == rest.len() {
            return parts;
        }
        rest = &rest[end + 1..];
    }
}

/// ` --> fromTOML` and each place's line with `^^^-- note` under the place, the places
/// separated by `...`; line numbers right-aligned to the widest.
fn excerpt(text: &str, places: &[(Range<usize>, &str)]) -> String {
    let located: Vec<(usize, &str, usize, usize, &str)> = places
        .iter()
        .map(|(span, note)| {
            let at = span.start.min(text.len());
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            let number = text[..line_start].matches('\n').count() + 1;
            let column = text[line_start..at].chars().count();
            let width = text.get(at..span.end.min(line_end)).map_or(1, |s| s.chars().count().max(1));
            (number, &text[line_start..line_end], column, width, *note)
        })
        .collect();
    let w = located.iter().map(|l| l.0.to_string().len()).max().unwrap_or(1);
    let mut out = format!(" --> fromTOML\n {:w$} |", "");
    for (i, (number, line, column, width, note)) in located.iter().enumerate() {
        if i > 0 {
            out.push_str(&format!("\n {:w$} | ...\n {:w$} |", "", ""));
        }
        out.push_str(&format!(
            "\n {number:>w$} | {line}\n {:w$} | {}{}-- {note}",
            "",
            " ".repeat(*column),
            "^".repeat(*width)
        ));
    }
    out
}
