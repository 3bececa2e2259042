//! What the user sees of a realisation on standard error: on a terminal, a live line
//! (indicatif) counting the builds done, running, failed and queued, with the builds'
//! messages and output printed above it; elsewhere, plain lines only.

use indicatif::{ProgressBar, ProgressStyle};
use std::cell::Cell;
use std::io::{IsTerminal, Write};

pub(crate) struct Progress {
    bar: Option<ProgressBar>,
    /// As [`crate::BuildOptions::verbosity`].
    verbosity: i8,
    total: u64,
    done: Cell<u64>,
    running: Cell<u64>,
    failed: Cell<u64>,
}

impl Progress {
    /// Progress over `total` builds; live only when standard error is a terminal (and
    /// not `--quiet`).
    pub fn new(total: usize, verbosity: i8) -> Progress {
        let total = total as u64;
        let bar = (std::io::stderr().is_terminal() && verbosity >= 0).then(|| {
            let style = ProgressStyle::with_template("{spinner} [{elapsed}] {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner());
            let bar = ProgressBar::new(total).with_style(style);
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            bar
        });
        let progress = Progress {
            bar,
            verbosity,
            total,
            done: Cell::new(0),
            running: Cell::new(0),
            failed: Cell::new(0),
        };
        progress.refresh();
        progress
    }

    /// Prints a line of text (above the live line, if any).
    pub fn line(&self, text: &str) {
        match &self.bar {
            Some(bar) => bar.println(text),
            // A closed standard error must not stop the builds.
            None => {
                let _ = writeln!(std::io::stderr(), "{text}");
            }
        }
    }

    /// Prints a line of information, unless `--quiet`.
    pub fn info(&self, text: &str) {
        if self.verbosity >= 0 {
            self.line(text);
        }
    }

    /// Prints a line of detail, with `-v`.
    pub fn detail(&self, text: &str) {
        if self.verbosity > 0 {
            self.line(text);
        }
    }

    pub fn started(&self) {
        self.running.set(self.running.get() + 1);
        self.refresh();
    }

    /// A build ended; `ok` whether it succeeded. Also for builds that never ran
    /// (dependencies failed): then `was_running` is false.
    pub fn finished(&self, ok: bool, was_running: bool) {
        if was_running {
            self.running.set(self.running.get().saturating_sub(1));
        }
        let counter = if ok { &self.done } else { &self.failed };
        counter.set(counter.get() + 1);
        self.refresh();
    }

    fn refresh(&self) {
        let Some(bar) = &self.bar else { return };
        let (done, running, failed) = (self.done.get(), self.running.get(), self.failed.get());
        let queued = self.total.saturating_sub(done + running + failed);
        bar.set_message(format!(
            "{done}/{} built, {running} running, {failed} failed, {queued} queued",
            self.total
        ));
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
