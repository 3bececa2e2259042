//! Tab completion for rustyline: commands at the start of a line, and otherwise the
//! word before the cursor, completed by the session (variables in scope and globals,
//! or `expr.attr` from the attribute names of `expr`'s set).

use super::commands::NAMES;
use ferrix_eval::repl::Session;
use std::cell::RefCell;
use std::rc::Rc;

/// The rustyline helper: completion only.
pub struct Helper {
    session: Rc<RefCell<Session>>,
}

impl Helper {
    pub fn new(session: Rc<RefCell<Session>>) -> Helper {
        Helper { session }
    }
}

/// Where the word ending at `pos` starts (identifiers, `.` paths, a `:` command).
fn word_start(line: &str, pos: usize) -> usize {
    let is_word = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '\'' | '-' | '.' | ':');
    line[..pos].char_indices().rev().take_while(|(_, c)| is_word(*c)).last().map_or(pos, |(i, _)| i)
}

impl rustyline::completion::Completer for Helper {
    type Candidate = String;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &rustyline::Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        let start = word_start(line, pos);
        let word = &line[start..pos];
        if word.starts_with(':') {
            let found = NAMES.iter().filter(|n| n.starts_with(word)).map(|n| n.to_string()).collect();
            return Ok((start, found));
        }
        // A completion runs between two inputs: the session is never borrowed then.
        let found = match self.session.try_borrow_mut() {
            Ok(mut session) => session.complete(word),
            Err(_) => Vec::new(),
        };
        Ok((start, found))
    }
}

impl rustyline::hint::Hinter for Helper {
    type Hint = String;
}

impl rustyline::highlight::Highlighter for Helper {}

impl rustyline::validate::Validator for Helper {}

impl rustyline::Helper for Helper {}

#[cfg(test)]
mod tests {
    use super::word_start;

    #[test]
    fn words_start_after_delimiters() {
        assert_eq!(word_start("builtins.toStr", 14), 0);
        assert_eq!(word_start("map (x.ab", 9), 5);
        assert_eq!(word_start(":l", 2), 0);
        assert_eq!(word_start("1 + ", 4), 4);
    }
}
