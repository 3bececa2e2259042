//! One build: waiting for the locks of the derivation's outputs, preparing its
//! directories and environment, running the sandbox helper with its output going to
//! the log (and the terminal), killing it on a timeout, and registering the outputs.

use crate::env::build_env;
use crate::error::{Failure, PERMANENT, TIMED_OUT};
use crate::export_graph::exported;
use crate::log::{Tail, log_path};
use crate::options::{BuildOptions, HostPath};
use crate::outputs::register_outputs;
use crate::plan::{Node, output_paths, read_derivation};
use crate::progress::Progress;
use crate::sandbox::{self, HELPER_COMMAND, SETUP_FAILED, Spec, setup_error_file};
use ferrix_store::StorePath;
use ferrix_store::derivation::DerivationType;
use ferrix_store::local::{LocalStore, PathLocks, remove_tree};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tokio::io::AsyncReadExt;

pub(crate) type SharedStore = Arc<Mutex<LocalStore>>;

/// Runs `f` with the store on a blocking thread.
async fn with_store<T: Send + 'static>(
    store: &SharedStore,
    f: impl FnOnce(&LocalStore) -> Result<T, Failure> + Send + 'static,
) -> Result<T, Failure> {
    let store = store.clone();
    tokio::task::spawn_blocking(move || f(&store.lock().unwrap_or_else(|e| e.into_inner())))
        .await
        .unwrap_or_else(|e| Err(task_failed(e)))
}

/// A build task that panicked or was cancelled.
pub(crate) fn task_failed(e: tokio::task::JoinError) -> Failure {
    Failure::new(format!("a build task failed: {e}"))
}

pub(crate) fn failure(e: impl std::fmt::Display) -> Failure {
    Failure::new(e.to_string())
}

/// Waits (without blocking the runtime, so it can be cancelled) until this process
/// holds the locks of `outputs`, saying once that it waits.
async fn lock_outputs(
    store: &SharedStore,
    outputs: &BTreeSet<StorePath>,
    progress: &Progress,
) -> Result<PathLocks, Failure> {
    let mut said = false;
    loop {
        let wanted = outputs.clone();
        if let Some(locks) = with_store(store, move |s| s.try_lock_paths(&wanted).map_err(failure)).await? {
            return Ok(locks);
        }
        if !said {
            let list: Vec<String> = outputs.iter().map(|p| format!("'{}'", p.to_absolute())).collect();
            progress.line(&format!("waiting for lock on {}", list.join(", ")));
            said = true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Builds `node`; `Ok` also when another process built it meanwhile.
pub(crate) async fn build(
    store: SharedStore,
    node: Arc<Node>,
    options: Arc<BuildOptions>,
    progress: Rc<Progress>,
) -> Result<(), Failure> {
    let outputs: BTreeSet<StorePath> = node.outputs.values().cloned().collect();
    let locks = lock_outputs(&store, &outputs, &progress).await?;
    let prepared = {
        let node = node.clone();
        let options = options.clone();
        with_store(&store, move |store| {
            let mut valid = 0;
            for path in &outputs {
                valid += usize::from(store.is_valid(path).map_err(failure)?);
            }
            if valid == outputs.len() {
                return Ok(None);
            }
            let inputs = input_closure(store, &node)?;
            let job = prepare(store, &node, &options, &inputs, valid > 0)?;
            Ok(Some((inputs, job, log_path(store, &node.drv_path))))
        })
        .await?
    };
    let Some((inputs, job, log_file)) = prepared else { return Ok(()) };
    let drv = node.drv_path.to_absolute();
    progress.info(&format!("building '{drv}'..."));
    let started = Instant::now();
    run_helper(&node, &options, &job, &log_file, &progress).await?;
    let settings = (options.sandbox, options.auto_optimise);
    with_store(&store, move |store| register_outputs(store, &locks, &node, &job.dirs, settings, &inputs))
        .await?;
    progress.detail(&format!("built '{drv}' in {:.1} s", started.elapsed().as_secs_f64()));
    Ok(())
}

/// A build ready to run.
struct Job {
    dirs: sandbox::SandboxRoot,
    fixed: bool,
}

/// The closure of the derivation's input sources and the outputs it uses of its inputs,
/// each made a temporary root of this process (so a concurrent garbage collection keeps
/// them) and then checked to be still valid.
fn input_closure(store: &LocalStore, node: &Node) -> Result<BTreeSet<StorePath>, Failure> {
    let mut roots: Vec<StorePath> = node.drv.input_srcs.iter().cloned().collect();
    for (input, used) in &node.drv.input_drvs {
        let drv = read_derivation(store, input).map_err(failure)?;
        let paths = output_paths(input, &drv).map_err(failure)?;
        for name in used {
            let path = paths.get(name).ok_or_else(|| {
                failure(format!("derivation '{}' has no output '{name}'", input.to_absolute()))
            })?;
            roots.push(path.clone());
        }
    }
    for root in &roots {
        store.add_temp_root(root).map_err(failure)?;
    }
    let closure = store.closure(roots).map_err(failure)?;
    for path in &closure {
        store.add_temp_root(path).map_err(failure)?;
        if !store.is_valid(path).map_err(failure)? {
            return Err(failure(format!("input path '{}' is no longer valid", path.to_absolute())));
        }
    }
    Ok(closure)
}

/// Makes the build's directories, files and helper spec.
fn prepare(
    store: &LocalStore,
    node: &Node,
    options: &BuildOptions,
    inputs: &BTreeSet<StorePath>,
    some_valid: bool,
) -> Result<Job, Failure> {
    let drv = &node.drv;
    let name = drv.name().map_err(failure)?.into_owned();
    if !options.sandbox && store.store_dir() != Path::new(ferrix_store::STORE_DIR) {
        return Err(failure(format!(
            "cannot build '{}' without the sandbox: that needs the store's objects at {}, but this store keeps \
             them in '{}'",
            node.drv_path.to_absolute(),
            ferrix_store::STORE_DIR,
            store.store_dir().display()
        )));
    }
    if !options.sandbox {
        // The builder writes the outputs at their final places: a valid one would be
        // overwritten, and leftovers of an earlier attempt are in the way.
        if some_valid {
            return Err(failure(format!(
                "cannot build '{}' without the sandbox: some of its outputs are valid already",
                node.drv_path.to_absolute()
            )));
        }
        for path in node.outputs.values() {
            remove_tree(&store.real_path(path)).map_err(failure)?;
        }
    }
    let structured = drv.structured_attrs().map_err(failure)?;
    let exports = exported(store, &node.exports, inputs)?;
    let fixed = drv.derivation_type().map_err(failure)? == DerivationType::Fixed;
    check_builtin(node, fixed)?;
    let mut host_paths = options.sandbox_paths.clone();
    for path in impure_host_deps(node, structured.as_ref()) {
        let allowed = options.allowed_impure_host_deps.iter().any(|a| Path::new(&path).starts_with(a));
        if !allowed {
            return Err(failure(format!(
                "derivation '{}' requested impure path '{path}', but it was not in allowed-impure-host-deps",
                node.drv_path.to_absolute()
            )));
        }
        host_paths.push(HostPath { inside: path.clone(), host: PathBuf::from(path), optional: true });
    }
    let closure: Vec<StorePath> = inputs.iter().cloned().collect();
    let dirs =
        sandbox::prepare(store, &name, &closure, &host_paths, (options.sandbox, fixed)).map_err(failure)?;
    let env =
        build_env(drv, structured, &exports, fixed, &node.outputs, &dirs.build_top, options.build_cores());
    for (file, contents) in &env.files {
        let at = dirs.build_dir.join(file);
        std::fs::write(&at, contents)
            .map_err(|e| failure(format!("cannot write '{}': {e}", at.display())))?;
    }
    let spec = Spec {
        sandbox: options.sandbox,
        root: dirs.root.clone(),
        workdir: dirs.build_top.clone(),
        builder: drv.builder.clone(),
        args: drv.args.clone(),
        env: env.vars.into_iter().collect(),
        binds: dirs.binds.clone(),
        network: fixed,
        uid: rustix::process::geteuid().as_raw(),
        gid: rustix::process::getegid().as_raw(),
    };
    let spec_file = dirs.spec_file();
    std::fs::write(&spec_file, spec.to_json())
        .map_err(|e| failure(format!("cannot write '{}': {e}", spec_file.display())))?;
    Ok(Job { dirs, fixed })
}

/// Refuses a `builtin:` builder Ferrix does not have, and a `builtin:fetchurl` whose
/// output is not fixed in advance (it runs outside the sandbox).
fn check_builtin(node: &Node, fixed: bool) -> Result<(), Failure> {
    let Some(name) = node.drv.builder.strip_prefix("builtin:") else { return Ok(()) };
    let drv = node.drv_path.to_absolute();
    // It runs outside the sandbox: `out` must be the output's path, nothing else.
    let out = node.outputs.get("out").map(StorePath::to_absolute);
    match node.drv.builder.as_str() {
        crate::fetchurl::BUILDER if !fixed => Err(failure(format!(
            "cannot build '{drv}': 'builtin:fetchurl' must be a fixed-output derivation"
        ))),
        crate::fetchurl::BUILDER if out.is_none() || node.drv.env.get("out") != out.as_ref() => Err(failure(
            format!("cannot build '{drv}': its 'out' variable is not the path of its output 'out'"),
        )),
        crate::fetchurl::BUILDER | crate::stdenv::BUILDER => Ok(()),
        _ => Err(failure(format!("cannot build '{drv}': unsupported builtin builder '{name}'"))),
    }
}

/// The host paths a derivation asks to see (`__impureHostDeps`).
fn impure_host_deps(
    node: &Node,
    structured: Option<&serde_json::Map<String, serde_json::Value>>,
) -> Vec<String> {
    if let Some(attrs) = structured {
        let list = attrs.get("__impureHostDeps").and_then(|v| v.as_array()).cloned().unwrap_or_default();
        return list.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect();
    }
    node.drv
        .env
        .get("__impureHostDeps")
        .map(|v| v.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default()
}

/// Kills a process group when dropped (the build is abandoned or timed out), unless
/// its id was set to 0 (its leader was reaped).
struct KillGroup(i32);

impl Drop for KillGroup {
    fn drop(&mut self) {
        if self.0 > 0 {
            // SAFETY: signals our own helper's process group; it may be gone already.
            unsafe { libc::kill(-self.0, libc::SIGKILL) };
        }
    }
}

/// Longest line shown or kept for a failure's report; longer ones are cut there.
const MAX_LINE: usize = 64 * 1024;

/// A build's output on its way to the log, the terminal and the failure report.
struct BuildOutput<'a> {
    log: std::fs::File,
    tail: Tail,
    /// The current line so far.
    line: Vec<u8>,
    progress: &'a Progress,
    /// Lines go to the terminal too (`BuildOptions::shows_logs`).
    shows_logs: bool,
}

impl BuildOutput<'_> {
    /// Takes a chunk of the builder's output: all of it to the log, each line (cut at
    /// [`MAX_LINE`]) to the terminal and the tail.
    fn feed(&mut self, bytes: &[u8]) {
        let _ = self.log.write_all(bytes);
        for &byte in bytes {
            if byte == b'\n' {
                self.end_line();
            } else if self.line.len() < MAX_LINE {
                self.line.push(byte);
            }
        }
    }

    fn end_line(&mut self) {
        let text = String::from_utf8_lossy(&self.line).into_owned();
        if self.shows_logs {
            self.progress.line(&text);
        }
        self.tail.push(&text);
        self.line.clear();
    }

    /// The output ended: a last line without a newline still counts.
    fn finish(&mut self) {
        if !self.line.is_empty() {
            self.end_line();
        }
    }
}

/// Runs the helper for `job`, its output to `log_file` (and the terminal); a failure
/// when the builder did not exit with status 0.
async fn run_helper(
    node: &Node,
    options: &BuildOptions,
    job: &Job,
    log_file: &Path,
    progress: &Progress,
) -> Result<(), Failure> {
    let drv = &node.drv_path;
    let outputs: Vec<StorePath> = node.outputs.values().cloned().collect();
    let cannot_build = |reason: &str, bits: u8, tail: Option<&Tail>| {
        let mut f = Failure::cannot_build(drv, reason, &outputs, bits);
        if let Some(tail) = tail.filter(|_| !options.shows_logs()) {
            f.message.push_str(&tail.report(drv));
        }
        f
    };
    if let Some(dir) = log_file.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| failure(format!("cannot create '{}': {e}", dir.display())))?;
    }
    let log = std::fs::File::create(log_file)
        .map_err(|e| failure(format!("cannot create '{}': {e}", log_file.display())))?;
    let (reader, writer) = std::io::pipe().map_err(|e| failure(format!("cannot make a pipe: {e}")))?;
    let writer2 = writer.try_clone().map_err(|e| failure(format!("cannot make a pipe: {e}")))?;
    let mut child = tokio::process::Command::new(&options.helper)
        .arg(HELPER_COMMAND)
        .arg(job.dirs.spec_file())
        .stdin(Stdio::null())
        .stdout(Stdio::from(writer))
        .stderr(Stdio::from(writer2))
        .process_group(0)
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| failure(format!("cannot run the sandbox helper '{}': {e}", options.helper.display())))?;
    let mut group = child.id().map(|pid| KillGroup(pid as i32));
    let mut receiver = tokio::net::unix::pipe::Receiver::from_owned_fd(reader.into())
        .map_err(|e| failure(format!("cannot read the build's output: {e}")))?;
    let mut output = BuildOutput {
        log,
        tail: Tail::new(options.log_lines),
        line: Vec::new(),
        progress,
        shows_logs: options.shows_logs(),
    };
    let started = Instant::now();
    // How long the build may go on (any output restarts the silence clock).
    let allowed = |silence_from: Instant| {
        let total = options.timeout.map(|t| t.saturating_sub(started.elapsed()));
        let silent = options.max_silent_time.map(|s| s.saturating_sub(silence_from.elapsed()));
        match (total, silent) {
            (Some(t), Some(s)) => Some(t.min(s)),
            (t, s) => t.or(s),
        }
    };
    let mut buffer = vec![0; 64 * 1024];
    let mut timed_out = false;
    loop {
        let read = receiver.read(&mut buffer);
        let result = match allowed(Instant::now()) {
            Some(wait) => match tokio::time::timeout(wait, read).await {
                Ok(r) => r,
                Err(_) => {
                    timed_out = true;
                    break;
                }
            },
            None => read.await,
        };
        match result {
            Ok(0) | Err(_) => break,
            Ok(n) => output.feed(&buffer[..n]),
        }
    }
    output.finish();
    // The builder may close its output and go on: the timeout still applies.
    let status = match options.timeout {
        _ if timed_out => None,
        Some(timeout) => {
            let left = timeout.saturating_sub(started.elapsed());
            tokio::time::timeout(left, child.wait()).await.ok()
        }
        None => Some(child.wait().await),
    };
    let Some(status) = status else {
        let _ = child.start_kill();
        let _ = child.wait().await;
        let silent = options.timeout.is_none_or(|t| started.elapsed() < t);
        let reason = match (silent, options.max_silent_time, options.timeout) {
            (true, Some(s), _) => format!("timed out after {} seconds of silence", s.as_secs()),
            (_, _, Some(t)) => format!("timed out after {} seconds", t.as_secs()),
            _ => "timed out".to_owned(),
        };
        return Err(cannot_build(&reason, TIMED_OUT, Some(&output.tail)));
    };
    let status = status.map_err(|e| failure(format!("cannot wait for the builder: {e}")))?;
    // Reaped: its process group id may be reused, so it must not be signalled.
    if let Some(group) = &mut group {
        group.0 = 0;
    }
    let tail = output.tail;
    let bits = if job.fixed { 0 } else { PERMANENT };
    let setup_error = std::fs::read_to_string(setup_error_file(&job.dirs.spec_file())).ok();
    match (status.code(), std::os::unix::process::ExitStatusExt::signal(&status)) {
        (Some(0), _) => Ok(()),
        (Some(SETUP_FAILED), _) if setup_error.is_some() => {
            Err(cannot_build(setup_error.as_deref().unwrap_or_default(), 0, None))
        }
        (Some(code), _) => {
            Err(cannot_build(&format!("builder failed with exit code {code}"), bits, Some(&tail)))
        }
        (None, Some(signal)) => {
            let reason = format!("builder failed due to signal {signal} ({})", signal_name(signal));
            Err(cannot_build(&reason, bits, Some(&tail)))
        }
        (None, None) => Err(cannot_build("builder failed", bits, Some(&tail))),
    }
}

/// The C library's description of a signal ("Killed"), as the reference prints it.
fn signal_name(signal: i32) -> String {
    // SAFETY: strsignal returns a string owned by the C library, valid until the next
    // call; it is copied at once.
    unsafe {
        let name = libc::strsignal(signal);
        if name.is_null() {
            String::from("unknown signal")
        } else {
            std::ffi::CStr::from_ptr(name).to_string_lossy().into_owned()
        }
    }
}
