//! The build's bash process. Commands are written to its standard input; it talks
//! back on a reply pipe (its descriptor 3) in records of NUL-terminated fields:
//! `done` when a command has finished, a variable's value when asked for one, or
//! `call NAME N ARGS...` when a shell function calls one of the builder's Rust
//! commands (`lndir`, `moveToOutput`, `patchShebangs`, `buildEnv`, `closureInfo`, `patchELF`, see
//! `commands.rs`), whose status Rust writes back on a second
//! pipe (its descriptor 4). The shell's variables live on between commands. It runs
//! with `set -eu -o pipefail`, as nixpkgs' setup does: a failing command ends it,
//! which Rust sees as the reply pipe closing.
//!
//! The derivation's attributes are read from the shell, never from this process's
//! environment, because with structured attributes (`__structuredAttrs`) the
//! environment does not hold them: the shell sources `.attrs.sh` first (strings,
//! indexed arrays for lists, associative arrays for sets), exports each output from
//! the `outputs` array as a variable of its name and each entry of the `env` set, as
//! nixpkgs' setup does. [`Shell::list`] reads a variable as a list in both modes.

use super::BuildFailure;
use super::commands;
use std::io::{BufRead, BufReader, PipeReader, PipeWriter, Write};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, ChildStdin, Command, Stdio};

/// The shell the builder uses (from the host, through the allowed impure host deps).
const BASH: &str = "/bin/bash";

/// What the shell knows from the start: strict mode, and a function per Rust command.
/// `moveToOutput` passes the outputs' paths (their count first) before its own
/// arguments, since this process's environment lacks them in structured mode.
const SETUP: &str = r#"set -eu -o pipefail
__ferrixCall() {
    printf '%s\0' call "$1" "$(($# - 1))" "${@:2}" >&3
    local status
    read -r status <&4
    return "$status"
}
lndir() { __ferrixCall lndir "$@"; }
buildEnv() { __ferrixCall buildEnv "$@"; }
moveToOutput() {
    local __output __paths=()
    for __output in $(getAllOutputNames); do __paths+=("${!__output}"); done
    __ferrixCall moveToOutput "${#__paths[@]}" "${__paths[@]}" "$@"
}
patchShebangs() { __ferrixCall patchShebangs "$PATH" "$@"; }
closureInfo() { __ferrixCall closureInfo "$@"; }
patchELF() { __ferrixCall patchELF "$@"; }
__ferrixReply() { printf '%s\0' "$#" "$@" >&3; }
__ferrixList() {
    local -a __items=()
    concatTo __items "$1"
    __ferrixReply "${__items[@]}"
}"#;

/// nixpkgs' helpers for variables that are lists in both modes (our own text):
/// `__ferrixKind NAME` prints `unset`, `scalar`, `array` or `assoc`;
/// `concatTo TARGET NAME[=DEFAULT]...` appends to the array `TARGET` each array's
/// elements or each string's words (not globbed), or `DEFAULT` for one that is empty;
/// `prependToVar`/`appendToVar NAME VALUE...` add to an array (any variable in
/// structured mode) or to a string; `getAllOutputNames` prints the outputs' names.
const LIBRARY: &str = r#"__ferrixKind() {
    local type
    type="$(declare -p "$1" 2>/dev/null)" || { echo unset; return 0; }
    type="${type#declare -}"
    case "${type%% *}" in
        *A*) echo assoc ;;
        *a*) echo array ;;
        *) echo scalar ;;
    esac
}
concatTo() {
    local -
    set -f
    local -n __target="$1"
    shift
    local __arg __name __default __slice
    for __arg in "$@"; do
        __name="${__arg%%=*}"
        __default=
        if [[ "$__arg" == *=* ]]; then __default="${__arg#*=}"; fi
        __slice="$__name[*]"
        if [ -z "${!__slice-}" ]; then
            if [ -n "$__default" ]; then __target+=("$__default"); fi
            continue
        fi
        __slice="$__name[@]"
        case "$(__ferrixKind "$__name")" in
            assoc)
                echo "concatTo(): ERROR: trying to use concatTo on an associative array." >&2
                return 1
                ;;
            array) __target+=("${!__slice}") ;;
            *) __target+=(${!__name}) ;;
        esac
    done
}
__ferrixAddToVar() {
    local __where="$1" __name="$2" __array="${__structuredAttrs:-}"
    shift 2
    case "$(__ferrixKind "$__name")" in
        assoc)
            echo "${__where}ToVar(): ERROR: trying to use ${__where}ToVar on an associative array." >&2
            return 1
            ;;
        array) __array=1 ;;
        scalar) __array= ;;
    esac
    local -n __ref="$__name"
    if [ -n "$__array" ]; then
        if [ "$__where" = prepend ]; then
            __ref=("$@" ${__ref+"${__ref[@]}"})
        else
            __ref=(${__ref+"${__ref[@]}"} "$@")
        fi
    elif [ "$__where" = prepend ]; then
        __ref="$*${__ref:+ $__ref}"
    else
        __ref="${__ref:+$__ref }$*"
    fi
}
prependToVar() { __ferrixAddToVar prepend "$@"; }
appendToVar() { __ferrixAddToVar append "$@"; }
getAllOutputNames() {
    if [ -n "${__structuredAttrs:-}" ]; then echo "${!outputs[*]}"; else echo "$outputs"; fi
}"#;

/// The derivation's attributes: in structured mode (`.attrs.sh` exists) sourced from
/// `.attrs.sh`, with each output and each entry of `env` exported; else they are in the
/// environment already, and `outputs` defaults to `out`.
const ATTRIBUTES: &str = r#"if [ -n "${NIX_ATTRS_SH_FILE:-}" ] && [ -e "$NIX_ATTRS_SH_FILE" ]; then
    source "$NIX_ATTRS_SH_FILE"
    __structuredAttrs=1
    for __output in "${!outputs[@]}"; do export "$__output=${outputs[$__output]}"; done
    if [ "$(__ferrixKind env)" = assoc ]; then
        for __name in "${!env[@]}"; do export "$__name=${env[$__name]}"; done
    fi
    unset __output __name
else
    __structuredAttrs=
    : "${outputs:=out}"
fi"#;

pub(crate) struct Shell {
    child: Child,
    input: ChildStdin,
    replies: BufReader<PipeReader>,
    answers: PipeWriter,
}

impl Shell {
    /// Starts bash with the build's environment (this process's).
    pub fn start() -> Result<Shell, BuildFailure> {
        let fail = |e: std::io::Error| BuildFailure::new(format!("cannot start {BASH}: {e}"));
        let (replies, reply_end) = std::io::pipe().map_err(fail)?;
        let (answer_end, answers) = std::io::pipe().map_err(fail)?;
        let (reply_end, answer_end): (OwnedFd, OwnedFd) = (reply_end.into(), answer_end.into());
        let (reply_fd, answer_fd) = (reply_end.as_raw_fd(), answer_end.as_raw_fd());
        let mut command = Command::new(BASH);
        command.args(["--norc", "--noprofile"]).stdin(Stdio::piped());
        // SAFETY: only async-signal-safe calls between fork and exec: the pipes become
        // descriptors 3 and 4.
        unsafe {
            command.pre_exec(move || {
                if libc::dup2(reply_fd, 3) < 0 || libc::dup2(answer_fd, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let mut child = command.spawn().map_err(fail)?;
        drop((reply_end, answer_end));
        let input = child.stdin.take().ok_or_else(|| BuildFailure::new("bash has no standard input"))?;
        let mut shell = Shell { child, input, replies: BufReader::new(replies), answers };
        for script in [SETUP, LIBRARY, ATTRIBUTES] {
            shell.run(script)?;
        }
        Ok(shell)
    }

    /// Runs `script` in the shell (its standard input is /dev/null); a failure when it
    /// fails, which ends the shell.
    pub fn run(&mut self, script: &str) -> Result<(), BuildFailure> {
        self.send(&format!("{{\n{script}\n}} </dev/null\nprintf '%s\\0' done >&3\n"))?;
        loop {
            match self.field()?.as_str() {
                "done" => return Ok(()),
                "call" => self.answer_call()?,
                other => {
                    return Err(BuildFailure::new(format!(
                        "unexpected reply from the build shell: '{other}'"
                    )));
                }
            }
        }
    }

    /// The value of shell variable `name`, `None` when it is unset.
    pub fn get(&mut self, name: &str) -> Result<Option<String>, BuildFailure> {
        self.send(&format!("printf '%s\\0' \"${{{name}+set}}\" \"${{{name}-}}\" >&3\n"))?;
        let set = self.field()?;
        let value = self.field()?;
        Ok((set == "set").then_some(value))
    }

    /// Shell variable `name` as a list: an array's elements, a string's words (empty
    /// when unset); an associative array fails the build.
    pub fn list(&mut self, name: &str) -> Result<Vec<String>, BuildFailure> {
        self.send(&format!("__ferrixList {name}\n"))?;
        self.reply_list()
    }

    /// The names of the derivation's outputs.
    pub fn output_names(&mut self) -> Result<Vec<String>, BuildFailure> {
        self.send("__ferrixReply $(getAllOutputNames)\n")?;
        self.reply_list()
    }

    /// The paths of the derivation's outputs.
    pub fn output_paths(&mut self) -> Result<Vec<String>, BuildFailure> {
        let mut paths = Vec::new();
        for name in self.output_names()? {
            paths.extend(self.get(&name)?);
        }
        Ok(paths)
    }

    /// A list the shell sent with `__ferrixReply`: its length, then its elements.
    fn reply_list(&mut self) -> Result<Vec<String>, BuildFailure> {
        let count = self.field()?;
        let count: usize = count
            .parse()
            .map_err(|_| BuildFailure::new(format!("unexpected reply from the build shell: '{count}'")))?;
        (0..count).map(|_| self.field()).collect()
    }

    /// Whether shell variable `name` is set to a non-empty value (a `dont*`/`do*` flag).
    pub fn flag(&mut self, name: &str) -> Result<bool, BuildFailure> {
        Ok(self.get(name)?.is_some_and(|v| !v.is_empty()))
    }

    fn send(&mut self, text: &str) -> Result<(), BuildFailure> {
        match self.input.write_all(text.as_bytes()).and_then(|()| self.input.flush()) {
            Ok(()) => Ok(()),
            Err(_) => Err(self.ended()),
        }
    }

    /// The next NUL-terminated field on the reply pipe.
    fn field(&mut self) -> Result<String, BuildFailure> {
        let mut bytes = Vec::new();
        match self.replies.read_until(0, &mut bytes) {
            Ok(n) if n > 0 && bytes.last() == Some(&0) => {
                bytes.pop();
                Ok(String::from_utf8_lossy(&bytes).into_owned())
            }
            _ => Err(self.ended()),
        }
    }

    /// Runs the Rust command a shell function called and sends back its status.
    fn answer_call(&mut self) -> Result<(), BuildFailure> {
        let name = self.field()?;
        let count: usize = self.field()?.parse().unwrap_or(0);
        let args = (0..count).map(|_| self.field()).collect::<Result<Vec<_>, _>>()?;
        let status = match commands::run(&name, &args) {
            Ok(()) => 0,
            Err(message) => {
                eprintln!("{name}: {message}");
                1
            }
        };
        self.answers.write_all(format!("{status}\n").as_bytes()).map_err(|_| self.ended())
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
