//! Evaluation errors: what went wrong (in the reference's wording), where, and the
//! "while evaluating ..." context gathered while the error unwinds.

use crate::source::Span;

/// The kind of an error; decides whether `builtins.tryEval` catches it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ErrorKind {
    /// A syntax or compile-time error.
    Parse,
    /// `throw` (caught by `tryEval`).
    Throw,
    /// A failed `assert` (caught by `tryEval`).
    Assert,
    /// `abort`.
    Abort,
    InfiniteRecursion,
    StackOverflow,
    /// Any other evaluation error (types, missing attributes, ...).
    Eval,
    /// The evaluation was stopped from outside (Ctrl-C in the REPL) or ran out of the
    /// steps it was allowed.
    Interrupted,
}

/// When a context frame is printed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TracePrint {
    /// Always with `--show-trace`; without it, only while few frames were printed.
    Default,
    /// Even when the rest of the trace is cut (`builtins.addErrorContext`).
    Always,
    /// Only with `--show-trace` (the reference records these only then: function
    /// calls and their call sites).
    ShowTraceOnly,
}

/// One line of context: what was being evaluated, and where.
#[derive(Clone, Debug)]
pub struct TraceFrame {
    pub message: String,
    pub span: Option<Span>,
    pub print: TracePrint,
}

/// An error with its position and context. Boxed: every VM step returns a `Result`,
/// which stays one word wide on the success path.
#[derive(Clone, Debug)]
pub struct EvalError(Box<ErrorData>);

/// What an [`EvalError`] holds.
#[derive(Clone, Debug)]
pub struct ErrorData {
    pub kind: ErrorKind,
    pub message: String,
    pub span: Option<Span>,
    /// A line printed after the message ("Did you mean a?").
    pub hint: Option<String>,
    /// Context frames, innermost first.
    pub trace: Vec<TraceFrame>,
    /// The outermost frame is placed at a call site not known yet: the position of the
    /// operation the error unwinds into next.
    pub site_pending: bool,
    /// The error is about this argument of the builtin running: its call adds the frame
    /// naming the argument (`builtins::arguments`).
    pub argument: Option<u8>,
    /// The reference gives the error no position: it is not placed at the operation
    /// that failed (a path that does not exist, met while copying it to the store).
    pub unplaced: bool,
}

impl std::ops::Deref for EvalError {
    type Target = ErrorData;

    fn deref(&self) -> &ErrorData {
        &self.0
    }
}

impl std::ops::DerefMut for EvalError {
    fn deref_mut(&mut self) -> &mut ErrorData {
        &mut self.0
    }
}

impl EvalError {
    pub fn new(kind: ErrorKind, message: impl Into<String>, span: Option<Span>) -> EvalError {
        EvalError(Box::new(ErrorData {
            kind,
            message: message.into(),
            span,
            hint: None,
            trace: Vec::new(),
            site_pending: false,
            argument: None,
            unplaced: false,
        }))
    }

    pub fn eval(message: impl Into<String>, span: Option<Span>) -> EvalError {
        EvalError::new(ErrorKind::Eval, message, span)
    }

    pub fn parse(message: impl Into<String>, span: Span) -> EvalError {
        EvalError::new(ErrorKind::Parse, message, Some(span))
    }

    /// The error without a position of its own (see [`ErrorData::unplaced`]).
    pub fn unplaced(mut self) -> EvalError {
        self.unplaced = true;
        self
    }

    pub fn with_hint(mut self, hint: Option<String>) -> EvalError {
        self.hint = hint;
        self
    }

    /// True for the errors `builtins.tryEval` catches.
    pub fn is_catchable(&self) -> bool {
        matches!(self.kind, ErrorKind::Throw | ErrorKind::Assert)
    }

    /// Adds a context frame (outer frames are added later, so they come last).
    pub fn add_trace(&mut self, message: impl Into<String>, span: Option<Span>) {
        self.add_frame(message, span, TracePrint::Default);
    }

    /// Adds a context frame placed where the error unwinds into next (see
    /// [`EvalError::site_pending`]).
    pub fn add_site_frame(&mut self, message: impl Into<String>, print: TracePrint) {
        self.add_frame(message, None, print);
        self.site_pending = true;
    }

    /// Places a pending frame (if any) at `span`.
    pub fn settle_site(&mut self, span: Option<Span>) {
        if std::mem::take(&mut self.site_pending)
            && let Some(frame) = self.trace.last_mut()
        {
            frame.span = span;
        }
    }

    /// Adds a context frame printed as `print` says.
    pub fn add_frame(&mut self, message: impl Into<String>, span: Option<Span>, print: TracePrint) {
        self.trace.push(TraceFrame { message: message.into(), span, print });
    }
}

impl std::fmt::Display for EvalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for EvalError {}

/// "Did you mean a?" for the closest of `candidates` to `name`, as the reference
/// suggests (by Levenshtein distance, at most 2 edits).
pub fn suggestion<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut scored: Vec<(usize, &str)> =
        candidates.into_iter().map(|c| (levenshtein(name, c), c)).filter(|(d, _)| *d <= 2).collect();
    if scored.is_empty() {
        return None;
    }
    scored.sort();
    let names: Vec<&str> = scored.iter().map(|(_, c)| *c).take(10).collect();
    Some(match names.as_slice() {
        [one] => format!("Did you mean {one}?"),
        [init @ .., last] => format!("Did you mean one of {} or {last}?", init.join(", ")),
        [] => return None,
    })
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}
