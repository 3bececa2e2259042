//! Errors of realisation, and the reference's exit status for failed builds.

use ferrix_store::StorePath;
use ferrix_store::local::StoreError;

/// Exit status bits of failed builds, as the reference's: a permanent build failure
/// (the builder of an input-addressed derivation failed), a timeout and a fixed-output
/// hash mismatch; any of them makes the status `0x60 | bits` (100, 101, 102), else a
/// failure is status 1.
pub(crate) const PERMANENT: u8 = 0x04;
pub(crate) const TIMED_OUT: u8 = 0x05;
pub(crate) const HASH_MISMATCH: u8 = 0x06;

/// The exit status of failed builds whose failures carried `bits`.
pub(crate) fn failing_status(bits: u8) -> u8 {
    if bits == 0 { 1 } else { 0x60 | bits }
}

/// Why realisation failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Builds failed; each failure was reported on standard error as it happened.
    #[error("{count} build(s) failed")]
    Failed { count: usize, status: u8 },
    #[error("interrupted by the user")]
    Interrupted,
    /// What was asked for cannot be built at all (bad derivation, unsupported kind).
    #[error("{0}")]
    Invalid(String),
    #[error("cannot {action}: {source}")]
    Io {
        action: String,
        #[source]
        source: std::io::Error,
    },
}

impl BuildError {
    pub(crate) fn io(action: impl Into<String>) -> impl FnOnce(std::io::Error) -> BuildError {
        let action = action.into();
        move |source| BuildError::Io { action, source }
    }

    /// The process exit status for this error: the builds' status, else 1.
    pub fn exit_status(&self) -> u8 {
        match self {
            BuildError::Failed { status, .. } => *status,
            BuildError::Interrupted => 130,
            _ => 1,
        }
    }
}

/// How one build failed: the reference's message and the status bits it adds.
#[derive(Debug)]
pub(crate) struct Failure {
    pub message: String,
    /// Exit status bits ([`PERMANENT`], [`TIMED_OUT`], [`HASH_MISMATCH`]) or 0.
    pub bits: u8,
}

impl Failure {
    pub fn new(message: impl Into<String>) -> Failure {
        Failure { message: message.into(), bits: 0 }
    }

    /// "Cannot build 'DRV'.\n       Reason: REASON.\n       Output paths: ..." as the reference.
    pub fn cannot_build(drv: &StorePath, reason: &str, outputs: &[StorePath], bits: u8) -> Failure {
        let mut message = format!("Cannot build '{}'.\n       Reason: {reason}.", drv.to_absolute());
        if !outputs.is_empty() {
            message.push_str("\n       Output paths:");
            for path in outputs {
                message.push_str(&format!("\n         {}", path.to_absolute()));
            }
        }
        Failure { message, bits }
    }
}
