//! The build's bash process: commands are written to its standard input, each followed
//! by a marker it writes to a reply pipe (descriptor 3) once the command has finished,
//! so Rust knows when a command ends and the shell's variables live on between
//! commands. The shell runs with `set -eu -o pipefail`, as nixpkgs' setup does: a
//! failing command ends it, which Rust sees as the reply pipe closing.

use super::BuildFailure;
use std::io::{BufRead, BufReader, PipeReader, Write};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, ChildStdin, Command, Stdio};

/// The shell the builder uses (from the host, through the allowed impure host deps).
const BASH: &str = "/bin/bash";

pub(crate) struct Shell {
    child: Child,
    input: ChildStdin,
    replies: BufReader<PipeReader>,
}

impl Shell {
    /// Starts bash with the build's environment (this process's).
    pub fn start() -> Result<Shell, BuildFailure> {
        let fail = |e: std::io::Error| BuildFailure::new(format!("cannot start {BASH}: {e}"));
        let (reader, writer) = std::io::pipe().map_err(fail)?;
        let writer: OwnedFd = writer.into();
        let fd = writer.as_raw_fd();
        let mut command = Command::new(BASH);
        command.args(["--norc", "--noprofile"]).stdin(Stdio::piped());
        // SAFETY: only async-signal-safe calls between fork and exec (this process is
        // single-threaded anyway): the reply pipe becomes descriptor 3.
        unsafe {
            command.pre_exec(move || {
                if libc::dup2(fd, 3) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let mut child = command.spawn().map_err(fail)?;
        drop(writer);
        let input = child.stdin.take().ok_or_else(|| BuildFailure::new("bash has no standard input"))?;
        let mut shell = Shell { child, input, replies: BufReader::new(reader) };
        shell.run("set -eu -o pipefail")?;
        Ok(shell)
    }

    /// Runs `script` in the shell (its standard input is /dev/null); a failure when it
    /// fails, which ends the shell.
    pub fn run(&mut self, script: &str) -> Result<(), BuildFailure> {
        let text = format!("{{\n{script}\n}} </dev/null\nprintf 'done\\n' >&3\n");
        if self.input.write_all(text.as_bytes()).and_then(|()| self.input.flush()).is_err() {
            return Err(self.ended());
        }
        let mut reply = String::new();
        match self.replies.read_line(&mut reply) {
            Ok(n) if n > 0 && reply == "done\n" => Ok(()),
            _ => Err(self.ended()),
        }
    }

    /// The value of shell variable `name`, `None` when it is unset.
    pub fn get(&mut self, name: &str) -> Result<Option<String>, BuildFailure> {
        let script = format!("printf '%s\\0%s\\0' \"${{{name}+set}}\" \"${{{name}-}}\" >&3");
        let text = format!("{script}\n");
        if self.input.write_all(text.as_bytes()).and_then(|()| self.input.flush()).is_err() {
            return Err(self.ended());
        }
        let field = |shell: &mut Shell| -> Result<String, BuildFailure> {
            let mut bytes = Vec::new();
            match shell.replies.read_until(0, &mut bytes) {
                Ok(n) if n > 0 => {
                    bytes.pop();
                    Ok(String::from_utf8_lossy(&bytes).into_owned())
                }
                _ => Err(shell.ended()),
            }
        };
        let set = field(self)?;
        let value = field(self)?;
        Ok((set == "set").then_some(value))
    }

    /// Whether shell variable `name` is set to a non-empty value (a `dont*`/`do*` flag).
    pub fn flag(&mut self, name: &str) -> Result<bool, BuildFailure> {
        Ok(self.get(name)?.is_some_and(|v| !v.is_empty()))
    }

    /// The shell has exited: its status as the build's failure.
    fn ended(&mut self) -> BuildFailure {
        let status = self.child.wait().ok().and_then(|s| s.code()).unwrap_or(1);
        BuildFailure {
            message: format!("the build shell exited with status {status}"),
            status: status.max(1),
        }
    }
}
