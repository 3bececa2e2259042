//! The sandbox helper: what `ferrix __sandbox SPEC` runs, in a process of its own so
//! that the namespaces and the `fork` it needs never touch the multi-threaded parent.
//!
//! Sandboxed, it unshares the namespaces, maps uid 1000 and gid 100 to the host user
//! and group, and forks the builder's process, which is pid 1 of the new pid namespace:
//! when it exits, the kernel kills everything the build started. That process mounts
//! the inputs read-only, `/proc`, the devices, `/dev/shm` and `/dev/pts`, sets the host
//! name, brings up the loopback interface of the empty network namespace, `chroot`s and
//! executes the builder. The helper waits for it and exits as it did (a builder killed
//! by a signal kills the helper with the same signal). Both die with their parent.

use super::root::DEVICES;
use super::{SETUP_FAILED, Spec, setup_error_file};
use rustix::mount::{MountFlags, MountPropagationFlags, mount, mount_bind, mount_change, mount_remount};
use rustix::process::{Signal, set_parent_process_death_signal};
use rustix::thread::UnshareFlags;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;

/// Runs the helper for the spec in the file `spec_path`; returns only on failure
/// before the builder could start, with the exit status to use.
pub fn helper_main(spec_path: &Path) -> i32 {
    // Nothing the caller had open reaches the builder (a directory's descriptor would
    // lead out of the chroot).
    // SAFETY: closes descriptors this process does not use; 0, 1 and 2 stay.
    unsafe { libc::syscall(libc::SYS_close_range, 3u32, u32::MAX, 0u32) };
    let result = std::fs::read_to_string(spec_path)
        .map_err(|e| format!("cannot read '{}': {e}", spec_path.display()))
        .and_then(|text| Spec::from_json(&text))
        .and_then(|spec| {
            if spec.builder == crate::fetchurl::BUILDER {
                // Reads the host's files: outside the sandbox, checked by its fixed hash.
                Ok(crate::fetchurl::run(&spec))
            } else if spec.sandbox {
                run_sandboxed(&spec, spec_path)
            } else {
                Err(exec_builder(&spec))
            }
        });
    match result {
        Ok(status) => status,
        Err(message) => setup_failed(spec_path, &message),
    }
}

/// Reports why the builder could not start (in the log and in the setup error file)
/// and gives the helper's exit status for it.
fn setup_failed(spec_path: &Path, message: &str) -> i32 {
    eprintln!("ferrix: {message}");
    let _ = std::fs::write(setup_error_file(spec_path), message);
    SETUP_FAILED
}

/// Executes the builder in this process; returns only the reason it could not.
fn exec_builder(spec: &Spec) -> String {
    if let Err(e) = set_parent_process_death_signal(Some(Signal::KILL)) {
        return format!("cannot set the parent death signal: {e}");
    }
    // The reference's umask: outputs are not group- or world-writable by accident.
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o022));
    // A session of its own: no controlling terminal to read from or type into.
    if let Err(e) = rustix::process::setsid() {
        return format!("cannot start a new session: {e}");
    }
    if spec.builder == crate::stdenv::BUILDER {
        return run_in_process(spec);
    }
    let argv0 =
        Path::new(&spec.builder).file_name().map_or(spec.builder.clone(), |n| n.to_string_lossy().into());
    let error = Command::new(&spec.builder)
        .arg0(argv0)
        .args(&spec.args)
        .env_clear()
        .envs(spec.env.iter().map(|(k, v)| (k, v)))
        .current_dir(&spec.workdir)
        .exec();
    format!("executing '{}': {error}", spec.builder)
}

/// Runs the standard library's generic builder in this process, with the build's
/// environment and working directory; exits with its status.
fn run_in_process(spec: &Spec) -> String {
    for (key, _) in std::env::vars_os() {
        // SAFETY: this process is single-threaded.
        unsafe { std::env::remove_var(key) };
    }
    for (key, value) in &spec.env {
        // SAFETY: as above.
        unsafe { std::env::set_var(key, value) };
    }
    if let Err(e) = std::env::set_current_dir(&spec.workdir) {
        return format!("cannot enter '{}': {e}", spec.workdir);
    }
    std::process::exit(crate::stdenv::run())
}

fn run_sandboxed(spec: &Spec, spec_path: &Path) -> Result<i32, String> {
    set_parent_process_death_signal(Some(Signal::KILL))
        .map_err(|e| format!("cannot set the parent death signal: {e}"))?;
    let mut flags = UnshareFlags::NEWUSER
        | UnshareFlags::NEWNS
        | UnshareFlags::NEWPID
        | UnshareFlags::NEWUTS
        | UnshareFlags::NEWIPC;
    if !spec.network {
        flags |= UnshareFlags::NEWNET;
    }
    // SAFETY: this process is single-threaded and shares no file table or other state
    // that unsharing could invalidate.
    unsafe { rustix::thread::unshare_unsafe(flags) }.map_err(|e| {
        format!(
            "cannot create the sandbox's namespaces ({e}): Linux user namespaces are not available here; \
             use '--option sandbox false' to build without the sandbox"
        )
    })?;
    write_proc("/proc/self/setgroups", "deny")?;
    write_proc("/proc/self/uid_map", &format!("1000 {} 1", spec.uid))?;
    write_proc("/proc/self/gid_map", &format!("100 {} 1", spec.gid))?;
    // SAFETY: single-threaded, so the child may do anything before it executes.
    match unsafe { libc::fork() } {
        -1 => Err(format!("cannot fork: {}", std::io::Error::last_os_error())),
        0 => {
            let reason = setup(spec).err().unwrap_or_else(|| exec_builder(spec));
            let status = setup_failed(spec_path, &reason);
            // SAFETY: ends the child without running the parent's exit handlers.
            unsafe { libc::_exit(status) }
        }
        child => wait_for(child),
    }
}

/// Waits for the builder's process; its exit status, or its signal raised again here.
fn wait_for(child: libc::pid_t) -> Result<i32, String> {
    let mut status = 0;
    loop {
        // SAFETY: plain waitpid on our own child.
        let r = unsafe { libc::waitpid(child, &mut status, 0) };
        if r == child {
            break;
        }
        let error = std::io::Error::last_os_error();
        if error.kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("cannot wait for the builder: {error}"));
        }
    }
    if libc::WIFSIGNALED(status) {
        let signal = libc::WTERMSIG(status);
        // No core file of the helper in the caller's directory.
        let _ = rustix::process::setrlimit(
            rustix::process::Resource::Core,
            rustix::process::Rlimit { current: Some(0), maximum: None },
        );
        // SAFETY: restores the default action and raises the signal on this process.
        unsafe {
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
        }
        return Ok(128 + signal);
    }
    Ok(libc::WEXITSTATUS(status))
}

/// Everything between the fork and executing the builder, in the new namespaces.
fn setup(spec: &Spec) -> Result<(), String> {
    set_parent_process_death_signal(Some(Signal::KILL))
        .map_err(|e| format!("cannot set the parent death signal: {e}"))?;
    let root = &spec.root;
    mount_change("/", MountPropagationFlags::REC | MountPropagationFlags::PRIVATE)
        .map_err(|e| format!("cannot make the mounts private: {e}"))?;
    for (host, inside) in &spec.binds {
        bind_read_only(host, &Spec::inside(root, inside))?;
    }
    let at = |p: &str| Spec::inside(root, p);
    mount("proc", at("/proc"), "proc", MountFlags::NOSUID | MountFlags::NODEV | MountFlags::NOEXEC, None)
        .map_err(|e| format!("cannot mount /proc: {e}"))?;
    for device in DEVICES {
        let host = Path::new("/dev").join(device);
        // A host without a device (no /dev/tty in some containers) leaves its node empty.
        if host.exists() {
            mount_bind(&host, at(&format!("/dev/{device}")))
                .map_err(|e| format!("cannot bind /dev/{device}: {e}"))?;
        }
    }
    mount("none", at("/dev/shm"), "tmpfs", MountFlags::NOSUID | MountFlags::NODEV, Some(c"size=50%"))
        .map_err(|e| format!("cannot mount /dev/shm: {e}"))?;
    // Pseudo-terminals are a convenience: a kernel refusing a private devpts leaves none.
    let _ = mount(
        "none",
        at("/dev/pts"),
        "devpts",
        MountFlags::NOSUID | MountFlags::NOEXEC,
        Some(c"newinstance,mode=0620,ptmxmode=0666"),
    );
    rustix::system::sethostname(b"localhost").map_err(|e| format!("cannot set the host name: {e}"))?;
    rustix::system::setdomainname(b"(none)").map_err(|e| format!("cannot set the domain name: {e}"))?;
    if !spec.network {
        loopback_up()?;
    }
    rustix::process::chroot(root).map_err(|e| format!("cannot chroot to '{}': {e}", root.display()))?;
    std::env::set_current_dir("/").map_err(|e| format!("cannot enter the new root: {e}"))?;
    Ok(())
}

/// Bind-mounts `host` at `at` and makes that mount read-only, keeping the flags the
/// kernel does not let a user namespace drop.
fn bind_read_only(host: &Path, at: &Path) -> Result<(), String> {
    mount_bind(host, at)
        .map_err(|e| format!("cannot bind '{}' at '{}': {e}", host.display(), at.display()))?;
    let locked = rustix::fs::statvfs(at)
        .map_err(|e| format!("cannot read the mount at '{}': {e}", at.display()))?
        .f_flag;
    use rustix::fs::StatVfsMountFlags as S;
    let mut flags = MountFlags::BIND | MountFlags::RDONLY;
    for (have, keep) in [
        (S::NOSUID, MountFlags::NOSUID),
        (S::NODEV, MountFlags::NODEV),
        (S::NOEXEC, MountFlags::NOEXEC),
        (S::NOATIME, MountFlags::NOATIME),
        (S::NODIRATIME, MountFlags::NODIRATIME),
        (S::RELATIME, MountFlags::RELATIME),
    ] {
        if locked.contains(have) {
            flags |= keep;
        }
    }
    mount_remount(at, flags, "").map_err(|e| format!("cannot make '{}' read-only: {e}", at.display()))
}

/// Brings up `lo` in the sandbox's own network namespace.
fn loopback_up() -> Result<(), String> {
    let error = |what: &str| {
        format!("cannot bring up the loopback interface ({what}): {}", std::io::Error::last_os_error())
    };
    // SAFETY: a socket used for one ioctl with a zeroed, correctly named request.
    unsafe {
        let fd = libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0);
        if fd < 0 {
            return Err(error("socket"));
        }
        let mut request: libc::ifreq = std::mem::zeroed();
        for (slot, byte) in request.ifr_name.iter_mut().zip(b"lo") {
            *slot = *byte as libc::c_char;
        }
        request.ifr_ifru.ifru_flags =
            (libc::IFF_UP | libc::IFF_LOOPBACK | libc::IFF_RUNNING) as libc::c_short;
        let result = libc::ioctl(fd, libc::SIOCSIFFLAGS, &request);
        libc::close(fd);
        if result < 0 {
            return Err(error("ioctl"));
        }
    }
    Ok(())
}

fn write_proc(path: &str, contents: &str) -> Result<(), String> {
    std::fs::write(path, contents).map_err(|e| format!("cannot write '{path}': {e}"))
}
