//! How Ferrix talks on the terminal: colour (`--color auto|always|never`; `auto`
//! colours a stream that is a terminal unless `NO_COLOR` is set and not empty) and
//! verbosity (`-v` raises it, `--quiet` lowers it). Both are chosen once, from the
//! command line, before a command runs.

use std::io::IsTerminal;
use std::sync::OnceLock;

/// When to colour output (`Auto`: on a terminal, unless `NO_COLOR` is set).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

static COLOR: OnceLock<ColorChoice> = OnceLock::new();
static VERBOSITY: OnceLock<i8> = OnceLock::new();

/// Chooses colour and verbosity for the rest of the process.
pub fn configure(color: ColorChoice, verbose: u8, quiet: u8) {
    let _ = COLOR.set(color);
    let level = i16::from(verbose) - i16::from(quiet);
    let _ = VERBOSITY.set(level.clamp(i16::from(i8::MIN), i16::from(i8::MAX)) as i8);
}

/// The verbosity: 0 by default, above with `-v`, below with `--quiet`.
pub fn verbosity() -> i8 {
    VERBOSITY.get().copied().unwrap_or(0)
}

/// Whether to colour what goes to a stream that is (or is not) a `terminal`.
pub fn color(terminal: bool) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match COLOR.get().copied().unwrap_or_default() {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && !no_color,
    }
}

const RED: &str = "\x1b[31;1m";
const MAGENTA: &str = "\x1b[35;1m";
const RESET: &str = "\x1b[0m";

/// `text` (messages for standard error) with its `error:` and `warning:` words in the
/// reference's colours (red and magenta, bold), when standard error is coloured.
pub fn paint_messages(text: &str) -> String {
    if !color(std::io::stderr().is_terminal()) {
        return text.to_owned();
    }
    paint(text)
}

fn paint(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start().len();
        let (lead, rest) = line.split_at(indent);
        out.push_str(lead);
        match [("error:", RED), ("warning:", MAGENTA)].iter().find(|(word, _)| rest.starts_with(word)) {
            Some((word, colour)) => {
                out.push_str(&format!("{colour}{word}{RESET}"));
                out.push_str(&rest[word.len()..]);
            }
            None => out.push_str(rest),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_and_warning_words_are_coloured() {
        assert_eq!(
            paint("error: boom\n       … while x\n       error: inner\nwarning: w\nplain error: no"),
            format!(
                "{RED}error:{RESET} boom\n       … while x\n       {RED}error:{RESET} inner\n{MAGENTA}warning:{RESET} w\nplain error: no"
            )
        );
    }
}
