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
    /// Host paths made visible read-only in every sandbox.
    pub sandbox_paths: Vec<HostPath>,
    /// The host paths (and what is below them) a derivation may ask to see through
    /// `__impureHostDeps` (`allowed-impure-host-deps`).
    pub allowed_impure_host_deps: Vec<PathBuf>,
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
    /// How much is said: below 0 (`--quiet`) only failures; 0 the reference's
    /// messages (what will be built, each build starting); above 0 (`-v`) also how
    /// long each build took.
    pub verbosity: i8,
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
            allowed_impure_host_deps: DEFAULT_ALLOWED_HOST_DEPS.iter().map(PathBuf::from).collect(),
            timeout: None,
            max_silent_time: None,
            print_build_logs: true,
            log_lines: 25,
            auto_optimise: false,
            verbosity: 0,
            helper,
        }
    }

    /// Whether builders' output is shown as it comes (not with `-Q` or `--quiet`).
    pub(crate) fn shows_logs(&self) -> bool {
        self.print_build_logs && self.verbosity >= 0
    }

    /// The value of `NIX_BUILD_CORES`.
    pub(crate) fn build_cores(&self) -> usize {
        if self.cores > 0 {
            return self.cores;
        }
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }
}

/// A host path shown inside the sandbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPath {
    /// Where it appears inside (absolute).
    pub inside: String,
    pub host: PathBuf,
    /// Left out when missing on the host (a `?` suffix in `sandbox-paths`).
    pub optional: bool,
}

/// What derivations may see of the host by default: its tools and libraries (the one
/// impurity of the standard library's stdenv, which uses the host's toolchain).
const DEFAULT_ALLOWED_HOST_DEPS: [&str; 4] = ["/bin", "/usr", "/lib", "/lib64"];

/// A statically linked shell, which the reference as Debian packages it shows builders
/// as `/bin/sh` by default (`sandbox-paths = /bin/sh=/usr/bin/bash-static`).
const STATIC_SHELL: &str = "/usr/bin/bash-static";

/// The default `sandbox-paths`: `/bin/sh` as the static shell, when the host has one.
fn default_sandbox_paths() -> Vec<HostPath> {
    let host = PathBuf::from(STATIC_SHELL);
    if host.is_file() {
        vec![HostPath { inside: "/bin/sh".into(), host, optional: false }]
    } else {
        Vec::new()
    }
}
