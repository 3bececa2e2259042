//! Rendering errors for people, in the reference's layout: the context frames
//! outermost first (`… while ...`, each with its `at FILE:LINE:COL:` and source
//! excerpt), then the message with its position and hint. Without `--show-trace`, the
//! frames the reference records only with it are left out and the trace is cut once a
//! few frames are printed; repeated frames are folded.

use crate::error::{EvalError, TraceFrame, TracePrint};
use crate::source::{Sources, Span};
use std::fmt::Write;

/// The indentation of every line after the first (the width of `error: `).
const INDENT: &str = "       ";

/// Runs of more than this many repeated frames are folded into one line.
const FOLD_AFTER: usize = 5;

/// Without `--show-trace`, frames stop once this budget is spent (a frame costs one,
/// a frame with a position two).
const BUDGET: usize = 3;

/// Renders `e` as text (no colours), ending with a newline.
pub fn render(sources: &Sources, e: &EvalError, show_trace: bool) -> String {
    let mut body = String::new();
    let frames: Vec<&TraceFrame> = e
        .trace
        .iter()
        .rev()
        .filter(|t| !t.message.is_empty() && (show_trace || t.print != TracePrint::ShowTraceOnly))
        .collect();
    if !frames.is_empty() {
        write_frames(&mut body, sources, &frames, show_trace);
        body.push_str("\nerror: ");
    }
    body.push_str(&e.message);
    body.push('\n');
    write_position(&mut body, sources, "", e.span);
    if let Some(h) = &e.hint {
        body.push_str(h);
        body.push('\n');
    }
    indent(&body)
}

/// The frames, with the reference's folding of repeats and cut without `--show-trace`.
fn write_frames(out: &mut String, sources: &Sources, frames: &[&TraceFrame], show_trace: bool) {
    let mut seen: Vec<(&str, Option<Span>)> = Vec::new();
    let mut skipped: Vec<&TraceFrame> = Vec::new();
    let mut count = 0;
    let mut truncated = false;
    for &frame in frames {
        if !show_trace && count > BUDGET {
            truncated = true;
        }
        if truncated && frame.print != TracePrint::Always {
            continue;
        }
        let key = (frame.message.as_str(), frame.span);
        if seen.contains(&key) {
            skipped.push(frame);
            continue;
        }
        seen.push(key);
        write_skipped(out, sources, &mut count, &mut skipped);
        write_frame(out, sources, &mut count, frame);
    }
    write_skipped(out, sources, &mut count, &mut skipped);
    if truncated {
        out.push_str("\n(stack trace truncated; use '--show-trace' to show the full, detailed trace)\n");
    }
}

/// Repeated frames held back: printed when few, else counted.
fn write_skipped(out: &mut String, sources: &Sources, count: &mut usize, skipped: &mut Vec<&TraceFrame>) {
    if skipped.len() > FOLD_AFTER {
        let _ = write!(out, "\n({} duplicate frames omitted)\n", skipped.len());
    } else {
        for frame in skipped.iter() {
            write_frame(out, sources, count, frame);
        }
    }
    skipped.clear();
}

fn write_frame(out: &mut String, sources: &Sources, count: &mut usize, frame: &TraceFrame) {
    let _ = write!(out, "\n… {}\n", frame.message);
    *count += 1;
    if write_position(out, sources, "  ", frame.span) {
        *count += 1;
    }
}

/// `at FILE:LINE:COL:` and the lines around it, with a caret under the column.
fn write_position(out: &mut String, sources: &Sources, indent: &str, span: Option<Span>) -> bool {
    let Some(span) = span else { return false };
    let file = sources.get(span.file);
    let (line, col) = file.line_col(span.start);
    let _ = write!(out, "{indent}at {}:{line}:{col}:", file.name());
    if line > 1
        && let Some(prev) = file.line(line - 1)
    {
        let _ = write!(out, "\n {:>5}| {prev}", line - 1);
    }
    if let Some(text) = file.line(line) {
        let _ = write!(out, "\n {line:>5}| {text}\n      |{}^", " ".repeat(col as usize));
    }
    if let Some(next) = file.line(line + 1) {
        let _ = write!(out, "\n {:>5}| {next}", line + 1);
    }
    out.push('\n');
    true
}

/// The first line after `error: `, the others indented to match; trailing blanks cut.
fn indent(body: &str) -> String {
    let mut out = String::from("error:");
    for (i, line) in body.trim_end().split('\n').enumerate() {
        let line = line.trim_end();
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(INDENT);
            }
        } else if !line.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
    }
    out.push('\n');
    out
}
