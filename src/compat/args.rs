//! A cursor over reference-style command-line arguments (`--flag value`, bundled short
//! flags like `-qR`), for the personalities whose syntax clap cannot express.

use crate::error::{CliError, CliResult};

/// Arguments with short-flag bundles expanded (`-qR` becomes `-q -R`).
pub struct Args {
    command: &'static str,
    items: std::vec::IntoIter<String>,
}

impl Args {
    pub fn new(command: &'static str, raw: Vec<String>) -> Args {
        let mut items = Vec::with_capacity(raw.len());
        let mut rest = false;
        for a in raw {
            let bundle = !rest && a.len() > 2 && a.starts_with('-') && !a.starts_with("--");
            rest |= a == "--";
            if bundle {
                items.extend(a[1..].chars().map(|c| format!("-{c}")));
            } else {
                items.push(a);
            }
        }
        Args { command, items: items.into_iter() }
    }

    /// The next argument, if any.
    pub fn next_arg(&mut self) -> Option<String> {
        self.items.next()
    }

    /// The next argument, left in place.
    pub fn peek(&self) -> Option<&str> {
        self.items.as_slice().first().map(String::as_str)
    }

    /// The value of `flag`, which must follow it.
    pub fn value(&mut self, flag: &str) -> CliResult<String> {
        self.items.next().ok_or_else(|| self.usage(format!("flag '{flag}' requires an argument")))
    }

    /// A usage error for this command.
    pub fn usage(&self, message: impl std::fmt::Display) -> CliError {
        CliError::usage(self.command, message)
    }

    /// The reference's error for a flag it does not know.
    pub fn unrecognised(&self, flag: &str) -> CliError {
        self.usage(format!("unrecognised flag '{flag}'"))
    }
}
