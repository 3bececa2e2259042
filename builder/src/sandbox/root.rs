//! The directory a build runs in, made before the helper starts: for a sandboxed build
//! a root holding `/nix/store` with a mount point for each path of the input closure
//! (symlinks are copied), `/build`, `/tmp`, `/etc` (`passwd`, `group`, `hosts` as the
//! reference writes them), `/dev` (mount points and links), `/proc` and the mount
//! points of the host paths the derivation may see; unsandboxed, only a build
//! directory. Everything is deleted when the [`SandboxRoot`] is dropped.

use crate::error::BuildError;
use crate::sandbox::Spec;
use ferrix_store::StorePath;
use ferrix_store::local::{LocalStore, remove_tree};
use std::fs::{self, Permissions};
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

const PASSWD: &str = "root:x:0:0:Nix build user:/build:/noshell\n\
                      nixbld:x:1000:100:Nix build user:/build:/noshell\n\
                      nobody:x:65534:65534:Nobody:/:/noshell\n";
const GROUP: &str = "root:x:0:\nnixbld:!:100:\nnogroup:x:65534:\n";
const HOSTS: &str = "127.0.0.1 localhost\n::1 localhost\n";
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
pub(crate) fn remove_stale(store: &LocalStore) -> Result<(), BuildError> {
    let builds = store.state_dir().join("builds");
    let Ok(entries) = fs::read_dir(&builds) else { return Ok(()) };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let pid = name.to_str().and_then(|n| n.split('-').next()?.parse::<i32>().ok());
        let alive = pid.and_then(rustix::process::Pid::from_raw).is_some_and(|pid| {
            !matches!(rustix::process::test_kill_process(pid), Err(rustix::io::Errno::SRCH))
        });
        if !alive {
            remove_tree(&entry.path())?;
        }
    }
    Ok(())
}

/// Prepares the directories of a build of `name` whose input closure is `closure`,
/// exposing the host paths `host_paths` (path inside, path on the host) read-only.
pub(crate) fn prepare(
    store: &LocalStore,
    name: &str,
    closure: &[StorePath],
    host_paths: &[(String, PathBuf)],
    sandbox: bool,
) -> Result<SandboxRoot, BuildError> {
    let builds = store.state_dir().join("builds");
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let top = builds.join(format!("{}-{n}-{name}", std::process::id()));
    remove_tree(&top)?;
    fs::create_dir_all(&top).map_err(BuildError::io(format!("create '{}'", top.display())))?;
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
    write(&root.join("etc/hosts"), HOSTS)?;
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
    for (inside, host) in host_paths {
        let at = Spec::inside(&root, inside);
        if let Some(parent) = at.parent() {
            fs::create_dir_all(parent).map_err(BuildError::io(format!("create '{}'", parent.display())))?;
        }
        // A host path that does not exist is left out, as the reference does.
        if fs::metadata(host).is_ok() && !at.exists() {
            let host =
                fs::canonicalize(host).map_err(BuildError::io(format!("resolve '{}'", host.display())))?;
            if let Some(bind) = mount_point(&host, &at, inside)? {
                prepared.binds.push(bind);
            }
        }
    }
    Ok(prepared)
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
