//! The build environment the inputs make, as nixpkgs' setup does with its dependency
//! lists: every input and what it propagates (its `nix-support/propagated-*` files,
//! followed transitively) puts its `bin` on `PATH`, its `include` into
//! `NIX_CFLAGS_COMPILE` (`-isystem`), its `lib` (when it holds libraries) into
//! `NIX_LDFLAGS` (`-L` and `-rpath`),
//! and has its `nix-support/setup-hook` sourced; then the env hooks those setup hooks
//! registered (`addEnvHooks`) are called with each input, in order. A compiler wrapper (`cc`, `gcc`, `c++`,
//! `g++`, first on `PATH`) hands those flags to the host's compiler, so a program built
//! with `buildInputs = [ libfoo ]` compiles, links and finds libfoo at run time with no
//! flags of its own.

use super::BuildFailure;
use super::shell::Shell;
use std::path::{Path, PathBuf};

/// The derivation attributes listing inputs (nixpkgs' twelve dependency lists).
const INPUT_LISTS: [&str; 12] = [
    "depsBuildBuild",
    "nativeBuildInputs",
    "depsBuildTarget",
    "depsHostHost",
    "buildInputs",
    "depsTargetTarget",
    "depsBuildBuildPropagated",
    "propagatedNativeBuildInputs",
    "depsBuildTargetPropagated",
    "depsHostHostPropagated",
    "propagatedBuildInputs",
    "depsTargetTargetPropagated",
];

/// The files of `nix-support/` in which an input lists what it propagates.
const PROPAGATED_FILES: [&str; 6] = [
    "propagated-build-build-deps",
    "propagated-native-build-inputs",
    "propagated-build-target-deps",
    "propagated-host-host-deps",
    "propagated-build-inputs",
    "propagated-target-target-deps",
];

/// What the inputs give the build.
pub(crate) struct InputEnv {
    pub path: Vec<String>,
    pub cflags: Vec<String>,
    pub ldflags: Vec<String>,
    pub setup_hooks: Vec<PathBuf>,
    /// Every input, in order: what the env hooks (`addEnvHooks`) are called with.
    pub packages: Vec<PathBuf>,
}

/// The inputs of this build (the shell's lists) and all they propagate, in order, each
/// once. Ferrix builds for the machine it runs on, so the lists' build, host and target
/// roles all give the same environment (nixpkgs' without `strictDeps`).
fn all_inputs(shell: &mut Shell) -> Result<Vec<PathBuf>, BuildFailure> {
    let mut order: Vec<PathBuf> = Vec::new();
    let mut todo: Vec<PathBuf> = Vec::new();
    for list in INPUT_LISTS.iter().rev() {
        todo.extend(shell.list(list)?.into_iter().rev().map(PathBuf::from));
    }
    while let Some(input) = todo.pop() {
        if order.contains(&input) {
            continue;
        }
        let mut propagated = Vec::new();
        for file in PROPAGATED_FILES {
            let listed = std::fs::read_to_string(input.join("nix-support").join(file)).unwrap_or_default();
            propagated.extend(listed.split_whitespace().map(PathBuf::from));
        }
        order.push(input);
        todo.extend(propagated.into_iter().rev());
    }
    Ok(order)
}

/// The environment the inputs make.
pub(crate) fn input_env(shell: &mut Shell) -> Result<InputEnv, BuildFailure> {
    let packages = all_inputs(shell)?;
    let mut env = InputEnv {
        path: Vec::new(),
        cflags: Vec::new(),
        ldflags: Vec::new(),
        setup_hooks: Vec::new(),
        packages: packages.clone(),
    };
    for input in packages {
        let dir = |sub: &str| {
            Some(input.join(sub)).filter(|d| d.is_dir()).map(|d| d.to_string_lossy().into_owned())
        };
        env.path.extend(dir("bin"));
        if let Some(include) = dir("include") {
            env.cflags.extend(["-isystem".to_owned(), include]);
        }
        // Only a `lib` holding libraries (`lib*` entries), as nixpkgs' bintools hook: a
        // `dev` output's `lib/pkgconfig` is no reason to link or run from there.
        if let Some(lib) = dir("lib").filter(|d| holds_libraries(Path::new(d))) {
            env.ldflags.extend([format!("-L{lib}"), "-rpath".to_owned(), lib]);
        }
        let hook = input.join("nix-support/setup-hook");
        if hook.is_file() {
            env.setup_hooks.push(hook);
        }
    }
    Ok(env)
}

fn holds_libraries(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .map(|entries| entries.flatten().any(|e| e.file_name().to_string_lossy().starts_with("lib")))
        .unwrap_or(false)
}

/// The compiler wrapper: adds `NIX_CFLAGS_COMPILE`, and when linking `NIX_LDFLAGS`
/// (linker flags passed through `-Wl,`), to the host compiler's arguments.
const WRAPPER: &str = r#"#!/bin/bash
real="$1"
shift
link=1
for arg in "$@"; do
    case "$arg" in
        -c | -S | -E | -M | -MM) link=0 ;;
    esac
done
extra=(${NIX_CFLAGS_COMPILE:-})
if [ "$link" = 1 ]; then
    flags=(${NIX_LDFLAGS:-})
    i=0
    while [ "$i" -lt "${#flags[@]}" ]; do
        flag="${flags[$i]}"
        case "$flag" in
            -L*) extra+=("$flag") ;;
            -rpath) i=$((i + 1)); extra+=("-Wl,-rpath,${flags[$i]}") ;;
            *) extra+=("-Wl,$flag") ;;
        esac
        i=$((i + 1))
    done
fi
exec "$real" "${extra[@]}" "$@"
"#;

/// Writes the compiler wrappers into `dir` (a `bin` directory to put first on `PATH`).
pub(crate) fn write_wrappers(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(dir)?;
    let wrapper = dir.join(".cc-wrapper");
    std::fs::write(&wrapper, WRAPPER)?;
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755))?;
    for (name, real) in [("cc", "gcc"), ("gcc", "gcc"), ("c++", "g++"), ("g++", "g++")] {
        let script = format!("#!/bin/bash\nexec {} /usr/bin/{real} \"$@\"\n", wrapper.display());
        let path = dir.join(name);
        std::fs::write(&path, script)?;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))?;
    }
    Ok(())
}
