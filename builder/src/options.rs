//! The settings a realisation runs with (the reference's `max-jobs`, `cores`,
//! `keep-going`, `sandbox`, `sandbox-paths`, `timeout`, `max-silent-time`, `log-lines`,
//! `auto-optimise-store`).

use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Builds run at once (`-j`); at least 1.
    pub max_jobs: usize,
    /// `NIX_BUILD_CORES` (`--cores`); 0 means all the machine's cores.
    pub cores: usize,
    /// Go on with the builds that do not depend on a failed one.
    pub keep_going: bool,
    /// Build in the namespace sandbox (`--option sandbox false` turns it off).
    pub sandbox: bool,
    /// Host paths made visible read-only in every sandbox: (path inside, path on the host).
    pub sandbox_paths: Vec<(String, PathBuf)>,
    /// Kill a build running longer than this.
    pub timeout: Option<Duration>,
    /// Kill a build silent for longer than this.
    pub max_silent_time: Option<Duration>,
    /// Show builders' output as it comes (else only the tail of a failed build's log).
    pub print_build_logs: bool,
    /// How many log lines a failure shows when the log was not shown.
    pub log_lines: usize,
    /// Hard-link each new output's files with identical ones (`auto-optimise-store`).
    pub auto_optimise: bool,
    /// The executable run as the sandbox helper (`ferrix __sandbox SPEC`).
    pub helper: PathBuf,
}

impl BuildOptions {
    /// The reference's defaults, with `helper` as the sandbox helper.
    pub fn new(helper: PathBuf) -> BuildOptions {
        BuildOptions {
            max_jobs: 1,
            cores: 0,
            keep_going: false,
            sandbox: true,
            sandbox_paths: default_sandbox_paths(),
            timeout: None,
            max_silent_time: None,
            print_build_logs: true,
            log_lines: 25,
            auto_optimise: false,
            helper,
        }
    }

    /// The value of `NIX_BUILD_CORES`.
    pub(crate) fn build_cores(&self) -> usize {
        if self.cores > 0 {
            return self.cores;
        }
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }
}

/// A statically linked shell, which the reference as Debian packages it shows builders
/// as `/bin/sh` by default (`sandbox-paths = /bin/sh=/usr/bin/bash-static`).
const STATIC_SHELL: &str = "/usr/bin/bash-static";

/// The default `sandbox-paths`: `/bin/sh` as the static shell, when the host has one.
fn default_sandbox_paths() -> Vec<(String, PathBuf)> {
    let shell = PathBuf::from(STATIC_SHELL);
    if shell.is_file() { vec![("/bin/sh".to_owned(), shell)] } else { Vec::new() }
}
