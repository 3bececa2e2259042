//! Ctrl-C while the REPL evaluates: a SIGINT handler, installed only for the time of
//! one input, sets the evaluator's interrupt flag, and the evaluation stops with
//! `interrupted by the user`. At the prompt, rustyline reads Ctrl-C as a key.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

/// The flag the handler sets (shared with the evaluator's options).
static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();

/// The interrupt flag.
pub fn flag() -> Arc<AtomicBool> {
    FLAG.get_or_init(|| Arc::new(AtomicBool::new(false))).clone()
}

extern "C" fn on_sigint(_: libc::c_int) {
    if let Some(flag) = FLAG.get() {
        flag.store(true, Ordering::Relaxed);
    }
}

/// The handler, installed while it lives; the previous disposition comes back after.
pub struct Guard {
    previous: libc::sigaction,
}

impl Guard {
    pub fn install() -> Guard {
        flag().store(false, Ordering::Relaxed);
        // SAFETY: a zeroed sigaction is a valid empty one; the handler only stores to an
        // atomic (async-signal-safe), and `previous` receives the old disposition.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t;
            libc::sigemptyset(&mut action.sa_mask);
            let mut previous: libc::sigaction = std::mem::zeroed();
            libc::sigaction(libc::SIGINT, &action, &mut previous);
            Guard { previous }
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        // SAFETY: restores the disposition saved by `install`.
        unsafe {
            libc::sigaction(libc::SIGINT, &self.previous, std::ptr::null_mut());
        }
        flag().store(false, Ordering::Relaxed);
    }
}
