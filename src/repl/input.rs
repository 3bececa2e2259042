//! Reading one input of the REPL: a line, and more lines (after the continuation
//! prompt) while the expression in it only lacks its end. Lines come from the
//! terminal (rustyline: editing, completion, history) or, when standard input is not
//! a terminal, from standard input, echoed after the prompt as the reference does.

use super::commands;
use ferrix_eval::repl::Session;
use std::io::{BufRead, Write};
use std::path::PathBuf;

/// The prompt of a new input.
pub const PROMPT: &str = "nix-repl> ";
/// The prompt of a line continuing an input.
pub const CONTINUATION: &str = "        > ";

/// What reading a line gave.
pub enum Read {
    Line(String),
    /// Ctrl-C at the prompt: the input so far is dropped.
    Interrupted,
    Eof,
}

/// A source of lines.
pub trait Lines {
    fn read(&mut self, prompt: &str) -> Read;
    /// Records a whole input in the history.
    fn remember(&mut self, _input: &str) {}
}

/// Reads a whole input (`None` at the end of input): lines are joined while the
/// expression they hold is incomplete.
pub fn read_input(lines: &mut dyn Lines) -> Option<String> {
    let mut text = String::new();
    loop {
        let prompt = if text.is_empty() { PROMPT } else { CONTINUATION };
        match lines.read(prompt) {
            Read::Eof => return None,
            Read::Interrupted => text.clear(),
            Read::Line(line) => {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&line);
                if !needs_more(&text) {
                    lines.remember(&text);
                    return Some(text);
                }
            }
        }
    }
}

/// True when the expression of `text` (a command's argument, a binding's value, or
/// the whole) is incomplete; blank input is complete.
fn needs_more(text: &str) -> bool {
    !text.trim().is_empty() && commands::expression_of(text).is_some_and(Session::is_incomplete)
}

/// Lines from a pipe or file: the prompt and the line read are printed, as the
/// reference does without a terminal.
pub struct Piped {
    stdin: std::io::StdinLock<'static>,
}

impl Piped {
    pub fn new() -> Piped {
        Piped { stdin: std::io::stdin().lock() }
    }
}

impl Lines for Piped {
    fn read(&mut self, prompt: &str) -> Read {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(prompt.as_bytes()).and_then(|()| out.flush());
        let mut line = String::new();
        match self.stdin.read_line(&mut line) {
            Ok(0) | Err(_) => Read::Eof,
            Ok(_) => {
                let line = line.strip_suffix('\n').unwrap_or(&line).to_owned();
                let _ = writeln!(out, "{line}");
                Read::Line(line)
            }
        }
    }
}

/// Lines from the terminal, edited with rustyline; inputs are kept in the history
/// file.
pub struct Terminal {
    editor: rustyline::Editor<super::complete::Helper, rustyline::history::DefaultHistory>,
    history: Option<PathBuf>,
}

impl Terminal {
    pub fn new(helper: super::complete::Helper) -> rustyline::Result<Terminal> {
        let config = rustyline::Config::builder()
            .completion_type(rustyline::CompletionType::List)
            .auto_add_history(false)
            .build();
        let mut editor = rustyline::Editor::with_config(config)?;
        editor.set_helper(Some(helper));
        let history = history_file();
        if let Some(path) = &history {
            // A missing file is a first session.
            let _ = editor.load_history(path);
        }
        Ok(Terminal { editor, history })
    }
}

impl Lines for Terminal {
    fn read(&mut self, prompt: &str) -> Read {
        use rustyline::error::ReadlineError;
        match self.editor.readline(prompt) {
            Ok(line) => Read::Line(line),
            Err(ReadlineError::Interrupted) => Read::Interrupted,
            Err(_) => Read::Eof,
        }
    }

    fn remember(&mut self, input: &str) {
        if input.trim().is_empty() {
            return;
        }
        let _ = self.editor.add_history_entry(input);
        if let Some(path) = &self.history {
            if let Some(dir) = path.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let _ = self.editor.save_history(path);
        }
    }
}

/// `$XDG_DATA_HOME/ferrix/repl-history`, else `~/.local/share/ferrix/repl-history`.
fn history_file() -> Option<PathBuf> {
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
    Some(data.join("ferrix").join("repl-history"))
}
