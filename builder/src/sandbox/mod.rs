//! The build sandbox. The scheduler prepares a build's root directory here (`root.rs`:
//! the input closure's mount points, `/build`, `/etc`, `/dev`) and writes a [`Spec`];
//! the `ferrix` binary re-executed as `ferrix __sandbox SPEC` (`helper.rs`) then enters
//! new user, mount, pid, uts, ipc and (except for fixed-output derivations) network
//! namespaces, mounts the inputs read-only, `/proc`, the devices and `/dev/shm`,
//! `chroot`s and executes the builder as uid 1000 / gid 100 in `/build`.
//!
//! Without the sandbox the helper only executes the builder, in the build directory on
//! the host; that needs the store's objects at `/nix/store` itself.

mod helper;
mod root;

pub use helper::helper_main;
pub(crate) use root::{SandboxRoot, prepare, remove_stale};

use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// The subcommand of the `ferrix` binary that runs the helper.
pub const HELPER_COMMAND: &str = "__sandbox";

/// Exit status of the helper when it could not start the builder.
pub(crate) const SETUP_FAILED: i32 = 125;
/// Where the helper writes why it could not start the builder: next to the spec file,
/// outside the sandbox's root, so a builder cannot fake it.
pub(crate) fn setup_error_file(spec_file: &Path) -> PathBuf {
    spec_file.with_file_name("setup-error")
}

/// What the helper must do, written to a file by the scheduler.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Spec {
    /// Build in namespaces, chrooted to `root`.
    pub sandbox: bool,
    pub root: PathBuf,
    /// The builder's working directory (inside the sandbox: `/build`).
    pub workdir: String,
    pub builder: String,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    /// Read-only bind mounts: (host path, path inside the root).
    pub binds: Vec<(PathBuf, String)>,
    /// Keep the host's network (fixed-output derivations).
    pub network: bool,
    /// The host user and group the builder's uid 1000 and gid 100 stand for.
    pub uid: u32,
    pub gid: u32,
}

impl Spec {
    pub fn to_json(&self) -> String {
        json!({
            "sandbox": self.sandbox,
            "root": self.root,
            "workdir": self.workdir,
            "builder": self.builder,
            "args": self.args,
            "env": self.env,
            "binds": self.binds,
            "network": self.network,
            "uid": self.uid,
            "gid": self.gid,
        })
        .to_string()
    }

    pub fn from_json(text: &str) -> Result<Spec, String> {
        let v: Value = serde_json::from_str(text).map_err(|e| format!("bad sandbox spec: {e}"))?;
        let field = |k: &str| v.get(k).ok_or_else(|| format!("bad sandbox spec: no '{k}'"));
        let string =
            |k: &str| field(k)?.as_str().map(str::to_owned).ok_or(format!("bad sandbox spec: '{k}'"));
        let boolean = |k: &str| field(k)?.as_bool().ok_or(format!("bad sandbox spec: '{k}'"));
        let number = |k: &str| {
            field(k)?.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or(format!("bad sandbox spec: '{k}'"))
        };
        let pairs = |k: &str| -> Result<Vec<(String, String)>, String> {
            serde_json::from_value(field(k)?.clone()).map_err(|e| format!("bad sandbox spec: '{k}': {e}"))
        };
        let args =
            serde_json::from_value(field("args")?.clone()).map_err(|e| format!("bad sandbox spec: {e}"))?;
        Ok(Spec {
            sandbox: boolean("sandbox")?,
            root: PathBuf::from(string("root")?),
            workdir: string("workdir")?,
            builder: string("builder")?,
            args,
            env: pairs("env")?,
            binds: pairs("binds")?.into_iter().map(|(h, i)| (PathBuf::from(h), i)).collect(),
            network: boolean("network")?,
            uid: number("uid")?,
            gid: number("gid")?,
        })
    }

    /// `root` joined with an absolute path inside it.
    pub fn inside(root: &Path, inside: &str) -> PathBuf {
        root.join(inside.trim_start_matches('/'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spec_survives_its_json() {
        let spec = Spec {
            sandbox: true,
            root: "/tmp/r".into(),
            workdir: "/build".into(),
            builder: "/bin/sh".into(),
            args: vec!["-c".into(), "echo 'x'".into()],
            env: vec![("out".into(), "/nix/store/a-b".into())],
            binds: vec![("/host/x".into(), "/nix/store/x".into())],
            network: false,
            uid: 7,
            gid: 8,
        };
        assert_eq!(Spec::from_json(&spec.to_json()).unwrap(), spec);
        assert!(Spec::from_json("{}").unwrap_err().contains("no 'args'"));
    }
}
