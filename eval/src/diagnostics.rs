//! Rendering errors for people: the message, the source line with a marker
//! (codespan-reporting), hints, and the "while evaluating" trace when asked for.

use crate::error::EvalError;
use crate::source::Sources;
use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config};

/// Renders `e` as text (no colours), ending with a newline.
pub fn render(sources: &Sources, e: &EvalError, show_trace: bool) -> String {
    let mut files = SimpleFiles::new();
    let mut labels = Vec::new();
    if let Some(span) = e.span {
        let f = sources.get(span.file);
        let id = files.add(f.name(), f.text.as_str());
        let end = span.end.max(span.start) as usize;
        labels.push(Label::primary(id, span.start as usize..end));
    }
    let mut notes = Vec::new();
    if let Some(h) = &e.hint {
        notes.push(h.clone());
    }
    if show_trace {
        for t in &e.trace {
            let at = t
                .span
                .map(|s| {
                    let f = sources.get(s.file);
                    let (l, c) = f.line_col(s.start);
                    format!(" at {}:{l}:{c}", f.name())
                })
                .unwrap_or_default();
            notes.push(format!("… {}{at}", t.message));
        }
    }
    let diagnostic = Diagnostic::error().with_message(&e.message).with_labels(labels).with_notes(notes);
    let mut out = String::new();
    match term::emit_to_string(&mut out, &Config::default(), &files, &diagnostic) {
        Ok(()) => out,
        Err(_) => format!("error: {}\n", e.message),
    }
}
