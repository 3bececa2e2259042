//! Build logs: every build's output is kept in the store's state directory at
//! `log/drvs/<first two characters>/<rest of the .drv base name>` (the reference's
//! layout, uncompressed), read back by `ferrix log` and `nix-store --read-log`.

use ferrix_store::StorePath;
use ferrix_store::local::LocalStore;
use std::collections::VecDeque;
use std::path::PathBuf;

/// Where the log of `drv` is kept.
pub fn log_path(store: &LocalStore, drv: &StorePath) -> PathBuf {
    let base = drv.base_name();
    store.state_dir().join("log/drvs").join(&base[..2]).join(&base[2..])
}

/// The kept log of `drv`, if it was built here.
pub fn read_log(store: &LocalStore, drv: &StorePath) -> Option<Vec<u8>> {
    std::fs::read(log_path(store, drv)).ok()
}

/// The last lines of a log, for a failure's report.
pub(crate) struct Tail {
    lines: VecDeque<String>,
    max: usize,
}

impl Tail {
    pub fn new(max: usize) -> Tail {
        Tail { lines: VecDeque::new(), max }
    }

    pub fn push(&mut self, line: &str) {
        if self.max == 0 {
            return;
        }
        if self.lines.len() == self.max {
            self.lines.pop_front();
        }
        self.lines.push_back(line.to_owned());
    }

    /// "Last N log lines:" and the lines, in the reference's layout.
    pub fn report(&self, drv: &StorePath) -> String {
        let mut text = format!("\n       Last {} log lines:", self.lines.len());
        for line in &self.lines {
            text.push_str(&format!("\n       > {line}"));
        }
        text.push_str(&format!("\n       For full logs, run:\n         nix log {}", drv.to_absolute()));
        text
    }
}
