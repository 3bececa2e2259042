//! The directory a build runs in, made before the helper starts: for a sandboxed build
//! a root holding `/nix/store` with a mount point for each path of the input closure
//! (symlinks are copied), `/build`, `/tmp`, `/etc` (`passwd`, `group`, `hosts` as the
//! reference writes them), `/dev` (mount points and links), `/proc` and the mount
//! points of the host paths the derivation may see; unsandboxed, only a build
//! directory. Everything is deleted when the [`SandboxRoot`] is dropped.

use crate::error::BuildError;
use crate::options::HostPath;
use crate::sandbox::Spec;
use ferrix_store::StorePath;
use ferrix_store::local::{LocalStore, remove_tree};
use std::fs::{self, Permissions};
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

const PASSWD: &str = "root:x:0:0:Nix build user:/build:/noshell\n\
                      nixbld:x:1000:100:Nix build user:/build:/noshell\n\
                      nobody:x:65534:65534:Nobody:/:/noshell\n";
const GROUP: &str = "root:x:0:\nnixbld:!:100:\nnogroup:x:65534:\n";
const HOSTS: &str = "127.0.0.1 localhost\n::1 localhost\n";
/// A fixed-output build resolves names through the host's files and DNS.
const NSSWITCH: &str = "hosts: files dns\nservices: files\n";
/// Device nodes bound from the host.
pub(crate) const DEVICES: [&str; 6] = ["null", "zero", "full", "random", "urandom", "tty"];

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A prepared build directory.
pub(crate) struct SandboxRoot {
    /// Everything of this build; deleted on drop.
    top: PathBuf,
    /// The chroot (sandboxed builds).
    pub root: PathBuf,
    /// The build directory on the host.
    pub build_dir: PathBuf,
    /// The build directory as the builder sees it.
    pub build_top: String,
    /// Read-only bind mounts for the helper.
    pub binds: Vec<(PathBuf, String)>,
}

impl SandboxRoot {
    /// Where the helper's spec is written (outside the root).
    pub fn spec_file(&self) -> PathBuf {
        self.top.join("spec.json")
    }

    /// Where the builder leaves output `path`, on the host.
    pub fn output_location(&self, store: &LocalStore, path: &StorePath, sandbox: bool) -> PathBuf {
        if sandbox { Spec::inside(&self.root, &path.to_absolute()) } else { store.real_path(path) }
    }
}

impl Drop for SandboxRoot {
    fn drop(&mut self) {
        // Best effort: a leftover is deleted with the next build of the same process id.
        let _ = remove_tree(&self.top);
    }
}

/// Deletes the build directories of processes that no longer run (killed builds).
pub(crate) fn remove_stale(store: &LocalStore) {
    let builds = store.state_dir().join("builds");
    let Ok(entries) = fs::read_dir(&builds) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let pid = name.to_str().and_then(|n| n.split('-').next()?.parse::<i32>().ok());
        let alive = pid.is_some_and(ferrix_store::local::process_alive);
        // A leftover that cannot be deleted must not stop builds.
        if !alive && let Err(e) = remove_tree(&entry.path()) {
            eprintln!("warning: cannot delete the old build directory '{}': {e}", entry.path().display());
        }
    }
}

/// Prepares the directories of a build of `name` whose input closure is `closure`,
/// exposing `host_paths` read-only; a fixed-output build also gets what name
/// resolution needs (the host's `/etc/resolv.conf`, `/etc/services` and `/etc/hosts`).
pub(crate) fn prepare(
    store: &LocalStore,
    name: &str,
    closure: &[StorePath],
    host_paths: &[HostPath],
    (sandbox, fixed): (bool, bool),
) -> Result<SandboxRoot, BuildError> {
    let builds = store.state_dir().join("builds");
    if !builds.exists() {
        make_dir(&builds, 0o700)?;
    }
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let top = builds.join(format!("{}-{n}-{name}", std::process::id()));
    remove_tree(&top)?;
    // Private: the spec holds the builder's environment.
    make_dir(&top, 0o700)?;
    let root = top.join("root");
    let mut prepared = SandboxRoot {
        top,
        root: root.clone(),
        build_dir: PathBuf::new(),
        build_top: String::new(),
        binds: Vec::new(),
    };
    if !sandbox {
        prepared.build_dir = prepared.top.join("build");
        prepared.build_top = prepared.build_dir.to_string_lossy().into_owned();
        make_dir(&prepared.build_dir, 0o700)?;
        return Ok(prepared);
    }
    prepared.build_dir = root.join("build");
    prepared.build_top = "/build".into();
    make_dir(&root, 0o755)?;
    make_dir(&prepared.build_dir, 0o700)?;
    for dir in ["nix", "etc", "dev", "dev/shm", "dev/pts", "proc"] {
        make_dir(&root.join(dir), 0o755)?;
    }
    make_dir(&root.join("tmp"), 0o1777)?;
    make_dir(&root.join("nix/store"), 0o1775)?;
    write(&root.join("etc/passwd"), PASSWD)?;
    write(&root.join("etc/group"), GROUP)?;
    let mut host_paths = host_paths.to_vec();
    if fixed {
        write(&root.join("etc/nsswitch.conf"), NSSWITCH)?;
        for file in ["/etc/resolv.conf", "/etc/services", "/etc/hosts"] {
            host_paths.push(HostPath { inside: file.into(), host: file.into(), optional: true });
        }
    } else {
        write(&root.join("etc/hosts"), HOSTS)?;
    }
    for device in DEVICES {
        write(&root.join("dev").join(device), "")?;
    }
    for (link, target) in [
        ("fd", "/proc/self/fd"),
        ("stdin", "/proc/self/fd/0"),
        ("stdout", "/proc/self/fd/1"),
        ("stderr", "/proc/self/fd/2"),
        ("ptmx", "pts/ptmx"),
    ] {
        let at = root.join("dev").join(link);
        symlink(target, &at).map_err(BuildError::io(format!("create '{}'", at.display())))?;
    }
    for path in closure {
        let host = store.real_path(path);
        let inside = path.to_absolute();
        if let Some(bind) = mount_point(&host, &Spec::inside(&root, &inside), &inside)? {
            prepared.binds.push(bind);
        }
    }
    // Parents before children; a path inside a directory shown whole comes with it
    // (`/bin/sh` when `/bin` is shown).
    host_paths.sort_by(|a, b| a.inside.cmp(&b.inside));
    let mut shown: Vec<String> = Vec::new();
    for path in &host_paths {
        if shown.iter().any(|dir| Path::new(&path.inside).starts_with(dir)) {
            continue;
        }
        if let Some(bind) = host_mount_point(&root, path)? {
            shown.push(path.inside.clone());
            prepared.binds.push(bind);
        }
    }
    // The builder may write in /build, /tmp and the store, not in the root itself.
    fs::set_permissions(&root, Permissions::from_mode(0o555))
        .map_err(BuildError::io(format!("set permissions of '{}'", root.display())))?;
    Ok(prepared)
}

/// Makes the mount point of a host path inside `root`. The path inside must be
/// absolute and plain (no `..`); a missing host path is an error unless optional; a
/// path inside the root that exists already (`/etc/passwd`, an input) is left as it is.
fn host_mount_point(root: &Path, path: &HostPath) -> Result<Option<(PathBuf, String)>, BuildError> {
    let plain =
        Path::new(&path.inside).components().all(|c| matches!(c, Component::RootDir | Component::Normal(_)));
    if !path.inside.starts_with('/') || !plain {
        return Err(BuildError::Invalid(format!(
            "the sandbox path '{}' must be absolute and without '..'",
            path.inside
        )));
    }
    if fs::metadata(&path.host).is_err() {
        if path.optional {
            return Ok(None);
        }
        return Err(BuildError::Invalid(format!(
            "path '{}' is configured as part of the 'sandbox-paths' option, but is inaccessible",
            path.host.display()
        )));
    }
    let at = Spec::inside(root, &path.inside);
    if fs::symlink_metadata(&at).is_ok() {
        return Ok(None);
    }
    if let Some(parent) = at.parent() {
        fs::create_dir_all(parent).map_err(BuildError::io(format!("create '{}'", parent.display())))?;
    }
    let host =
        fs::canonicalize(&path.host).map_err(BuildError::io(format!("resolve '{}'", path.host.display())))?;
    mount_point(&host, &at, &path.inside)
}

/// Makes at `at` what `host` needs to appear there: a copy of a symlink (no mount), else
/// an empty directory or file to bind-mount `host` on.
fn mount_point(host: &Path, at: &Path, inside: &str) -> Result<Option<(PathBuf, String)>, BuildError> {
    let meta = fs::symlink_metadata(host).map_err(BuildError::io(format!("read '{}'", host.display())))?;
    if meta.file_type().is_symlink() {
        let target = fs::read_link(host).map_err(BuildError::io(format!("read '{}'", host.display())))?;
        symlink(target, at).map_err(BuildError::io(format!("create '{}'", at.display())))?;
        return Ok(None);
    }
    if meta.is_dir() {
        make_dir(at, 0o755)?;
    } else {
        write(at, "")?;
    }
    Ok(Some((host.to_owned(), inside.to_owned())))
}

fn make_dir(path: &Path, mode: u32) -> Result<(), BuildError> {
    fs::create_dir(path).map_err(BuildError::io(format!("create '{}'", path.display())))?;
    fs::set_permissions(path, Permissions::from_mode(mode))
        .map_err(BuildError::io(format!("set permissions of '{}'", path.display())))
}

fn write(path: &Path, contents: &str) -> Result<(), BuildError> {
    fs::write(path, contents).map_err(BuildError::io(format!("write '{}'", path.display())))
}
