//! The phases of the generic build, as nixpkgs' `genericBuild` orders and skips them;
//! the user's phase text and hooks run in the shell, the default phases are decided
//! here and run their commands there.

use super::BuildFailure;
use super::inputs::{input_env, write_wrappers};
use super::outputs::{OUTPUT_FLAGS, assign_output_variables, fixup_outputs, propagate_dev};
use super::shell::Shell;
use crate::attrs::shell_escape;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The shell functions every build has before its inputs' setup hooks are sourced
/// (`runHook`, `addEnvHooks`, `substitute*`, `unpackFile`, ...): `setup.sh`.
const PRELUDE: &str = include_str!("setup.sh");

/// Sources an input's setup hook inside a function, as nixpkgs' `activatePackage`
/// does (so a hook may use `local`, and `$1` is not left behind), with the offsets
/// nixpkgs' hooks pass to `addEnvHooks` set: those of a `nativeBuildInputs` package
/// (every role gives the same environment in Ferrix's native builds).
const SOURCE_HOOK: &str = r#"_ferrixSourceHook() {
    local hostOffset=-1 targetOffset=0
    source "$1"
}"#;

/// The compilers, for a derivation of the stdenv with one (`ferrixWrapCC`): the
/// wrappers are first on `PATH`.
const COMPILERS: &str = r#"export CC="${CC:-cc}" CXX="${CXX:-c++}""#;

/// What fixup does to each output: strip debugging symbols from binaries and libraries
/// (`stripDebugList`; failures on files that are not objects are ignored), shrink ELF
/// files' run paths to what they load (`patchELF`, unless `dontPatchELF`), then patch
/// the scripts' interpreters.
const FIXUP_OUTPUTS: &str = r#"savedPrefix="$prefix"
_stripDirs=()
concatTo _stripDirs stripDebugList
if [ "${#_stripDirs[@]}" = 0 ]; then _stripDirs=(lib lib32 lib64 libexec bin sbin); fi
for output in $(getAllOutputNames); do
    prefix="${!output}"
    [ -e "$prefix" ] || continue
    if [ -z "${dontStrip:-}" ]; then
        for dir in "${_stripDirs[@]}"; do
            if [ -d "$prefix/$dir" ]; then
                find "$prefix/$dir" -type f ! -path "$prefix/lib/debug/*" -print0 |
                    xargs -r -0 -n1 strip -S -p 2>/dev/null || true
            fi
        done
    fi
    if [ -z "${dontPatchELF:-}" ]; then patchELF "$prefix"; fi
    if [ -z "${dontPatchShebangs:-}" ]; then patchShebangs "$prefix"; fi
done
prefix="$savedPrefix""#;

/// nixpkgs' `_addRpathPrefix` of the library output: what the build links finds the
/// libraries it installs at run time (unless `NIX_NO_SELF_RPATH=1`); fixup's
/// `patchELF` drops the entry again from what loads nothing from there.
const SELF_RPATH: &str = r#"if [ "${NIX_NO_SELF_RPATH:-0}" != 1 ]; then
    export NIX_LDFLAGS="-rpath ${!outputLib}/lib ${NIX_LDFLAGS-}"
fi
NIX_NO_SELF_RPATH=1"#;

/// The default phases, in order.
const DEFAULT_PHASES: [&str; 9] = [
    "unpackPhase",
    "patchPhase",
    "configurePhase",
    "buildPhase",
    "checkPhase",
    "installPhase",
    "fixupPhase",
    "installCheckPhase",
    "distPhase",
];

/// Runs the whole build: `buildCommand` if the derivation has one, else the phases.
pub(crate) fn generic_build() -> Result<(), BuildFailure> {
    let mut shell = Shell::start()?;
    let inputs = input_env(&mut shell)?;
    let with_cc = shell.flag("ferrixWrapCC")?;
    let mut path = Vec::new();
    if with_cc {
        let wrappers = std::env::current_dir()
            .map(|d| d.join(".ferrix-cc/bin"))
            .map_err(|e| BuildFailure::new(format!("cannot read the build directory: {e}")))?;
        write_wrappers(&wrappers)
            .map_err(|e| BuildFailure::new(format!("cannot write the compiler wrappers: {e}")))?;
        path.push(wrappers.to_string_lossy().into_owned());
    }
    path.extend(inputs.path);
    path.extend(["/usr/bin".to_owned(), "/bin".to_owned()]);
    shell.run(&format!("export PATH={}", shell_escape(&path.join(":"))))?;
    if with_cc {
        shell.run(&format!(
            "export NIX_CFLAGS_COMPILE={}\nexport NIX_LDFLAGS={}\n{COMPILERS}",
            shell_escape(&inputs.cflags.join(" ")),
            shell_escape(&inputs.ldflags.join(" "))
        ))?;
    }
    shell.run(PRELUDE)?;
    shell.run(OUTPUT_FLAGS)?;
    shell.run(SOURCE_HOOK)?;
    for hook in &inputs.setup_hooks {
        shell.run(&format!("_ferrixSourceHook {}", shell_escape(&hook.to_string_lossy())))?;
    }
    shell.run(&format!("_ferrixAddToEnv {}", shell_words(&inputs.packages)))?;
    assign_output_variables(&mut shell)?;
    if with_cc {
        shell.run(SELF_RPATH)?;
    }
    if shell.get("buildCommandPath")?.is_some() {
        return shell.run(r#"eval "$(< "$buildCommandPath")""#);
    }
    if shell.get("buildCommand")?.is_some() {
        return shell.run(r#"eval "$buildCommand""#);
    }
    for phase in phase_list(&mut shell)? {
        if skipped(&mut shell, &phase)? {
            continue;
        }
        eprintln!("Running phase: {phase}");
        match shell.get(&phase)? {
            // The user's own text for the phase replaces the default, hooks included.
            Some(text) if !text.is_empty() => shell.run(&format!("eval {}", shell_escape(&text)))?,
            _ => default_phase(&mut shell, &phase)?,
        }
    }
    Ok(())
}

/// `$phases` if set, else `$prePhases`, the defaults and `$postPhases`.
fn phase_list(shell: &mut Shell) -> Result<Vec<String>, BuildFailure> {
    let phases = shell.list("phases")?;
    if !phases.is_empty() {
        return Ok(phases);
    }
    let mut list = shell.list("prePhases")?;
    for phase in DEFAULT_PHASES {
        // The user's phase lists go before the default phases nixpkgs puts them before.
        let before = match phase {
            "configurePhase" => "preConfigurePhases",
            "buildPhase" => "preBuildPhases",
            "installPhase" => "preInstallPhases",
            "fixupPhase" => "preFixupPhases",
            "distPhase" => "preDistPhases",
            _ => "",
        };
        if !before.is_empty() {
            list.extend(shell.list(before)?);
        }
        list.push(phase.to_owned());
    }
    list.extend(shell.list("postPhases")?);
    Ok(list)
}

/// Whether a flag skips `phase`, as nixpkgs' genericBuild decides.
fn skipped(shell: &mut Shell, phase: &str) -> Result<bool, BuildFailure> {
    let (flag, skip_when_set) = match phase {
        "unpackPhase" => ("dontUnpack", true),
        "patchPhase" => ("dontPatch", true),
        "configurePhase" => ("dontConfigure", true),
        "buildPhase" => ("dontBuild", true),
        "checkPhase" => ("doCheck", false),
        "installPhase" => ("dontInstall", true),
        "fixupPhase" => ("dontFixup", true),
        "installCheckPhase" => ("doInstallCheck", false),
        "distPhase" => ("doDist", false),
        _ => return Ok(false),
    };
    Ok(shell.flag(flag)? == skip_when_set)
}

/// The default implementation of `phase`.
fn default_phase(shell: &mut Shell, phase: &str) -> Result<(), BuildFailure> {
    let (hook, body) = match phase {
        "unpackPhase" => return unpack(shell),
        "patchPhase" => (
            "Patch",
            r#"_patches=()
concatTo _patches patches
flagsArray=()
concatTo flagsArray patchFlags=-p1
for p in "${_patches[@]}"; do echo "applying patch $p"; patch "${flagsArray[@]}" < "$p"; done"#,
        ),
        "configurePhase" => (
            "Configure",
            r#"if [ -x "${configureScript:-./configure}" ]; then
    flagsArray=()
    if [ -z "${dontAddPrefix:-}" ]; then flagsArray=("--prefix=$prefix"); fi
    concatTo flagsArray configureFlags configureFlagsArray
    "${configureScript:-./configure}" "${flagsArray[@]}"
else
    echo "no configure script, doing nothing"
fi"#,
        ),
        "buildPhase" => (
            "Build",
            r#"if [ -e Makefile ] || [ -e makefile ] || [ -e GNUmakefile ] || [ -n "${makefile:-}" ]; then
    flagsArray=(${enableParallelBuilding:+-j$NIX_BUILD_CORES})
    concatTo flagsArray makeFlags makeFlagsArray buildFlags buildFlagsArray
    make ${makefile:+-f "$makefile"} "${flagsArray[@]}"
else
    echo "no Makefile or custom buildPhase, doing nothing"
fi"#,
        ),
        "checkPhase" => (
            "Check",
            r#"flagsArray=()
concatTo flagsArray makeFlags makeFlagsArray checkFlags checkFlagsArray checkTarget=check
make ${makefile:+-f "$makefile"} "${flagsArray[@]}""#,
        ),
        "installPhase" => (
            "Install",
            r#"if [ -e Makefile ] || [ -e makefile ] || [ -e GNUmakefile ] || [ -n "${makefile:-}" ]; then
    mkdir -p "$prefix"
    flagsArray=()
    concatTo flagsArray makeFlags makeFlagsArray installFlags installFlagsArray installTargets=install
    make ${makefile:+-f "$makefile"} "${flagsArray[@]}"
else
    echo "no Makefile or custom installPhase, doing nothing"
fi"#,
        ),
        "fixupPhase" => return fixup(shell),
        "installCheckPhase" => (
            "InstallCheck",
            r#"flagsArray=()
concatTo flagsArray makeFlags makeFlagsArray installCheckFlags installCheckFlagsArray installCheckTarget=installcheck
make ${makefile:+-f "$makefile"} "${flagsArray[@]}""#,
        ),
        "distPhase" => ("Dist", ""),
        other => {
            return Err(BuildFailure::new(format!("unknown phase '{other}' (no variable of that name)")));
        }
    };
    shell.run(&format!("runHook pre{hook}\n{body}\nrunHook post{hook}"))
}

/// What fixup records for the packages that use this one, as nixpkgs' setup: the
/// propagated dependency lists (each word followed by a space), the `setupHook` and
/// `setupHooks` (through `substituteAll`: `@var@` replaced by the exported variable's
/// value) in the `dev`
/// output (else `out`), and `propagatedUserEnvPkgs` in the `bin` output.
const RECORD_PROPAGATED: &str = r#"_ferrixRecord() {
    local dir="$1" file="$2"
    local -a words=()
    concatTo words "$3"
    [ "${#words[@]}" -gt 0 ] || return 0
    mkdir -p "$dir/nix-support"
    printf '%s ' "${words[@]}" > "$dir/nix-support/$file"
}
for _pair in depsBuildBuildPropagated:propagated-build-build-deps \
    propagatedNativeBuildInputs:propagated-native-build-inputs \
    depsBuildTargetPropagated:propagated-build-target-deps \
    depsHostHostPropagated:propagated-host-host-deps \
    propagatedBuildInputs:propagated-build-inputs \
    depsTargetTargetPropagated:propagated-target-target-deps; do
    _var="${_pair%%:*}"
    _ferrixRecord "${!outputDev}" "${_pair#*:}" "$_var"
done
if [ -n "${setupHook:-}" ]; then
    mkdir -p "${!outputDev}/nix-support"
    substituteAll "$setupHook" "${!outputDev}/nix-support/setup-hook"
fi
_hooks=()
concatTo _hooks setupHooks
for _hook in "${_hooks[@]}"; do
    mkdir -p "${!outputDev}/nix-support"
    consumeEntire _content < "$_hook"
    substituteAllStream _content "file '$_hook'" >> "${!outputDev}/nix-support/setup-hook"
done
_ferrixRecord "${!outputBin}" propagated-user-env-packages propagatedUserEnvPkgs
unset -f _ferrixRecord"#;

/// Fixup: outputs made writable, the user's pre-fixup hook, files moved between
/// outputs, propagated inputs recorded in the `dev` output (else `out`), the user's
/// post-fixup hook, and then the `dev` output propagating the others (nixpkgs runs
/// that as a post-fixup hook, after the user's).
fn fixup(shell: &mut Shell) -> Result<(), BuildFailure> {
    shell.run(
        r#"for output in $(getAllOutputNames); do [ -e "${!output}" ] && chmod -R u+w "${!output}"; done
runHook preFixup"#,
    )?;
    fixup_outputs(shell)?;
    shell.run(FIXUP_OUTPUTS)?;
    shell.run(RECORD_PROPAGATED)?;
    shell.run("runHook postFixup")?;
    propagate_dev(shell)
}

/// Unpacks `$srcs` (or `$src`) into the build directory and enters the source root:
/// `$sourceRoot` if set, else the one directory the sources made.
fn unpack(shell: &mut Shell) -> Result<(), BuildFailure> {
    shell.run("runHook preUnpack")?;
    let mut srcs = shell.list("srcs")?;
    if srcs.is_empty() {
        srcs = shell.list("src")?;
    }
    if srcs.is_empty() {
        return Err(BuildFailure::new("variable $src or $srcs should point to the source"));
    }
    let cwd = std::env::current_dir()
        .map_err(|e| BuildFailure::new(format!("cannot read the build directory: {e}")))?;
    let before = entries(&cwd);
    for src in &srcs {
        shell.run(&format!("unpackFile {}", shell_escape(src)))?;
    }
    let source_root = match shell.get("sourceRoot")?.filter(|s| !s.is_empty()) {
        Some(root) => root,
        None => {
            let new: Vec<PathBuf> =
                entries(&cwd).difference(&before).filter(|p| p.is_dir()).cloned().collect();
            match new.as_slice() {
                [one] => one.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                _ => {
                    return Err(BuildFailure::new(
                        "unpacker produced multiple directories (or none); set sourceRoot",
                    ));
                }
            }
        }
    };
    shell.run(&format!(
        "sourceRoot={}\nchmod -R u+w -- \"$sourceRoot\"\ncd \"$sourceRoot\"\nrunHook postUnpack",
        shell_escape(&source_root)
    ))
}

fn entries(dir: &Path) -> BTreeSet<PathBuf> {
    std::fs::read_dir(dir).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default()
}

/// Paths as shell words.
fn shell_words(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| shell_escape(&p.to_string_lossy())).collect::<Vec<_>>().join(" ")
}
