//! The CLI's error type: a message for the user and the process exit code.

use std::fmt;

/// Exit code for bad command lines.
pub const EXIT_USAGE: u8 = 2;
/// Exit code for a failed operation.
pub const EXIT_FAILURE: u8 = 1;

/// An error to report as `error: <message>` before exiting with `code` (`error:<message>`
/// when the message starts on its own line, as a trace does).
#[derive(Debug)]
pub struct CliError {
    pub message: String,
    pub code: u8,
    /// Which command's `--help` to point at, for usage errors.
    pub help_hint: Option<&'static str>,
}

impl CliError {
    pub fn failure(message: impl fmt::Display) -> CliError {
        CliError { message: message.to_string(), code: EXIT_FAILURE, help_hint: None }
    }

    /// A failure already reported on standard error.
    pub fn silent(code: u8) -> CliError {
        CliError { message: String::new(), code, help_hint: None }
    }

    pub fn usage(command: &'static str, message: impl fmt::Display) -> CliError {
        CliError { message: message.to_string(), code: EXIT_USAGE, help_hint: Some(command) }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let space = if self.message.starts_with('\n') { "" } else { " " };
        write!(f, "error:{space}{}", self.message)?;
        if let Some(cmd) = self.help_hint {
            write!(f, "\nTry '{cmd} --help' for more information.")?;
        }
        Ok(())
    }
}

/// Any library error becomes a failure carrying its message.
macro_rules! failure_from {
    ($($t:ty),* $(,)?) => {$(
        impl From<$t> for CliError {
            fn from(e: $t) -> CliError {
                CliError::failure(e)
            }
        }
    )*};
}

failure_from!(
    std::io::Error,
    ferrix_store::HashError,
    ferrix_store::StorePathError,
    ferrix_store::nar::NarError,
    ferrix_store::derivation::DerivationError,
    serde_json::Error,
);

pub type CliResult<T = ()> = Result<T, CliError>;
