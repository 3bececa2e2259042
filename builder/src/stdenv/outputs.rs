//! Multiple outputs, as nixpkgs' multiple-outputs setup hook: which output each kind of
//! file belongs to (`outputDev`, `outputBin`, ... with their fallbacks), the configure
//! flags that install there (`setOutputFlags`), `moveToOutput`, the moves of fixup
//! (headers, pkg-config, cmake and aclocal files to `dev`, with the pkg-config files'
//! `includedir` following the headers; docs, man and info pages by section), and the
//! `dev` output propagating the others.

use super::BuildFailure;
use super::shell::Shell;
use std::fs;
use std::path::{Path, PathBuf};

/// Each output variable and the names it falls back through (`@x` stands for the
/// value of variable `x`; `REMOVE` deletes what would go there).
const CHAIN: [(&str, &[&str]); 9] = [
    ("outputDev", &["dev", "out"]),
    ("outputBin", &["bin", "out"]),
    ("outputInclude", &["@outputDev"]),
    ("outputLib", &["lib", "out"]),
    ("outputDoc", &["doc", "out"]),
    ("outputDevdoc", &["devdoc", "REMOVE"]),
    ("outputMan", &["man", "@outputBin"]),
    ("outputDevman", &["devman", "devdoc", "@outputMan"]),
    ("outputInfo", &["info", "@outputBin"]),
];

/// Sets each output variable the user has not set to the first name in its chain that
/// is an output (or `REMOVE`).
pub(crate) fn assign_output_variables(shell: &mut Shell) -> Result<(), BuildFailure> {
    for (variable, chain) in CHAIN {
        if shell.flag(variable)? {
            continue;
        }
        let mut found = None;
        for candidate in chain {
            let value = match candidate.strip_prefix('@') {
                Some(other) => shell.get(other)?.filter(|v| !v.is_empty()),
                None if *candidate == "REMOVE" => Some("REMOVE".to_owned()),
                None => shell.flag(candidate)?.then(|| (*candidate).to_owned()),
            };
            if value.is_some() {
                found = value;
                break;
            }
        }
        let Some(value) = found else {
            return Err(BuildFailure::new(format!(
                "error: _assignFirst: could not find a non-empty variable whose name to assign to {variable}."
            )));
        };
        shell.run(&format!("{variable}={value}"))?;
    }
    Ok(())
}

/// `_multioutConfig`, a pre-configure hook: the configure flags that install each kind
/// of file into its output, prepended to `configureFlags` (and the pkg-config and
/// aclocal directories to `installFlags`; arrays in structured mode), unless `setOutputFlags` is set and empty.
/// The documentation directory is named after the configure script's
/// `PACKAGE_TARNAME`, else after `$name` up to its version.
pub(crate) const OUTPUT_FLAGS: &str = r#"_multioutConfig() {
    [ -n "${setOutputFlags-1}" ] || return 0
    local docName="${shareDocName:-}"
    if [ -z "$docName" ]; then
        local script="${configureScript:-}"
        if [ -z "$script" ] && [ -x ./configure ]; then script=./configure; fi
        if [ -f "$script" ]; then
            docName="$(sed -n "s/^PACKAGE_TARNAME='\\(.*\\)'\$/\\1/p" < "$script")"
        fi
        case "$docName" in
            "" | *[!a-zA-Z0-9_-]*) docName="$(printf '%s\n' "$name" | sed -e 's/-[^a-zA-Z].*//')" ;;
        esac
    fi
    prependToVar configureFlags --bindir="${!outputBin}/bin" --sbindir="${!outputBin}/sbin" \
        --includedir="${!outputInclude}/include" --oldincludedir="${!outputInclude}/include" \
        --mandir="${!outputMan}/share/man" --infodir="${!outputInfo}/share/info" \
        --docdir="${!outputDoc}/share/doc/$docName" --libdir="${!outputLib}/lib" \
        --libexecdir="${!outputLib}/libexec" --localedir="${!outputLib}/share/locale"
    prependToVar installFlags pkgconfigdir="${!outputDev}/lib/pkgconfig" \
        m4datadir="${!outputDev}/share/aclocal" aclocaldir="${!outputDev}/share/aclocal"
}
preConfigureHooks+=(_multioutConfig)"#;

/// `moveToOutput PATTERN DESTINATION`: moves what matches `PATTERN` (relative; `*`
/// allowed in any component) in every other output of `outputs` (their paths) to the
/// same place in `DESTINATION` (an output path, or `REMOVE` to delete it), merging
/// directories.
pub(crate) fn move_to_output(pattern: &str, destination: &str, outputs: &[String]) -> Result<(), String> {
    for output in outputs.iter().map(Path::new) {
        if output == Path::new(destination) {
            continue;
        }
        for source in expand(output, pattern) {
            let relative = source.strip_prefix(output).map_err(|e| e.to_string())?.to_owned();
            if destination == "REMOVE" {
                eprintln!("Removing {}", source.display());
                remove(&source)?;
            } else {
                let target = Path::new(destination).join(&relative);
                eprintln!("Moving {} to {}", source.display(), target.display());
                move_path(&source, &target)?;
            }
            // Directories left empty go, up to the output itself.
            let mut up = source.parent();
            while let Some(dir) = up.filter(|d| d.starts_with(output)) {
                if fs::remove_dir(dir).is_err() {
                    break;
                }
                up = dir.parent();
            }
        }
    }
    Ok(())
}

/// The entries under `root` that `pattern` names (broken symlinks included), sorted;
/// a component with `*` matches the names it globs.
fn expand(root: &Path, pattern: &str) -> Vec<PathBuf> {
    let mut found = vec![root.to_owned()];
    for component in pattern.split('/').filter(|c| !c.is_empty()) {
        let mut next = Vec::new();
        for dir in &found {
            if !component.contains('*') {
                next.push(dir.join(component));
                continue;
            }
            let Ok(entries) = fs::read_dir(dir) else { continue };
            let mut names: Vec<PathBuf> = entries
                .flatten()
                .filter(|e| glob_match(component, &e.file_name().to_string_lossy()))
                .map(|e| e.path())
                .collect();
            names.sort();
            next.extend(names);
        }
        found = next;
    }
    found.retain(|p| p != root && fs::symlink_metadata(p).is_ok());
    found
}

fn move_path(source: &Path, target: &Path) -> Result<(), String> {
    let error =
        |e: std::io::Error| format!("cannot move '{}' to '{}': {e}", source.display(), target.display());
    if source.is_dir() && !source.is_symlink() && target.is_dir() {
        for entry in fs::read_dir(source).map_err(error)? {
            let entry = entry.map_err(error)?;
            move_path(&entry.path(), &target.join(entry.file_name()))?;
        }
        return fs::remove_dir(source).map_err(error);
    }
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent).map_err(error)?;
    }
    fs::rename(source, target).map_err(error)
}

fn remove(path: &Path) -> Result<(), String> {
    let result =
        if path.is_dir() && !path.is_symlink() { fs::remove_dir_all(path) } else { fs::remove_file(path) };
    result.map_err(|e| format!("cannot remove '{}': {e}", path.display()))
}

/// Whether `name` matches `pattern`, where `*` matches any run of characters.
fn glob_match(pattern: &str, name: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == name,
        Some((head, rest)) => {
            let Some(tail) = name.strip_prefix(head) else { return false };
            (0..=tail.len()).any(|i| tail.is_char_boundary(i) && glob_match(rest, &tail[i..]))
        }
    }
}

/// The moves of fixup and the `dev` output's propagation, as nixpkgs' `_multioutDocs`,
/// `_multioutDevs` and `_multioutPropagateDev`.
pub(crate) fn fixup_outputs(shell: &mut Shell) -> Result<(), BuildFailure> {
    let path_of = |shell: &mut Shell, var: &str| -> Result<String, BuildFailure> {
        let name = shell.get(var)?.unwrap_or_default();
        if name == "REMOVE" {
            return Ok(name);
        }
        Ok(shell.get(&name)?.unwrap_or_default())
    };
    let moves = |pairs: &[(&str, &str)], shell: &mut Shell| -> Result<(), BuildFailure> {
        let outputs = shell.output_paths()?;
        for (pattern, var) in pairs {
            let destination = path_of(shell, var)?;
            move_to_output(pattern, &destination, &outputs).map_err(BuildFailure::new)?;
        }
        Ok(())
    };
    moves(
        &[
            ("share/info", "outputInfo"),
            ("share/doc", "outputDoc"),
            ("share/gtk-doc", "outputDevdoc"),
            ("share/devhelp/books", "outputDevdoc"),
            ("share/man", "outputMan"),
            ("share/man/man3", "outputDevman"),
        ],
        shell,
    )?;
    if single_output(shell)? {
        return Ok(());
    }
    if shell.get("moveToDev")?.is_none_or(|v| !v.is_empty()) {
        moves(
            &[
                ("include", "outputInclude"),
                ("lib/pkgconfig", "outputDev"),
                ("share/pkgconfig", "outputDev"),
                ("lib/cmake", "outputDev"),
                ("share/aclocal", "outputDev"),
            ],
            shell,
        )?;
        let include = path_of(shell, "outputInclude")?;
        let dev = path_of(shell, "outputDev")?;
        rewrite_pkgconfig(Path::new(&dev), &include).map_err(BuildFailure::new)?;
    }
    Ok(())
}

/// In the `dev` output's pkg-config files, `includedir=${prefix}` becomes the include
/// output's path, since the headers moved there.
fn rewrite_pkgconfig(dev: &Path, include: &str) -> Result<(), String> {
    for dir in ["lib/pkgconfig", "share/pkgconfig"] {
        let Ok(entries) = fs::read_dir(dev.join(dir)) else { continue };
        for entry in entries.flatten().filter(|e| e.path().extension().is_some_and(|x| x == "pc")) {
            let path = entry.path();
            let text =
                fs::read_to_string(&path).map_err(|e| format!("cannot read '{}': {e}", path.display()))?;
            let rewritten = text.replace("includedir=${prefix}", &format!("includedir={include}"));
            if rewritten != text {
                fs::write(&path, rewritten).map_err(|e| format!("cannot write '{}': {e}", path.display()))?;
            }
        }
    }
    Ok(())
}

fn single_output(shell: &mut Shell) -> Result<bool, BuildFailure> {
    Ok(shell.output_names()? == ["out"])
}

/// The `dev` output (else the first) propagates the outputs holding binaries, headers
/// and libraries (`propagatedBuildOutputs`), after what fixup recorded there.
pub(crate) fn propagate_dev(shell: &mut Shell) -> Result<(), BuildFailure> {
    if single_output(shell)? {
        return Ok(());
    }
    let propagater = match shell.get("outputDev")?.filter(|v| !v.is_empty()) {
        Some(dev) => dev,
        None => shell.output_names()?.into_iter().next().unwrap_or_else(|| "out".to_owned()),
    };
    let names: Vec<String> = match shell.get("propagatedBuildOutputs")? {
        Some(_) => shell.list("propagatedBuildOutputs")?,
        None => {
            let mut names = Vec::new();
            for var in ["outputBin", "outputInclude", "outputLib"] {
                if let Some(name) = shell.get(var)?.filter(|n| !n.contains(&propagater)) {
                    names.push(name);
                }
            }
            names.sort();
            names.dedup();
            names
        }
    };
    if names.is_empty() {
        return Ok(());
    }
    let mut script = format!("mkdir -p \"${{{propagater}}}/nix-support\"\n");
    for name in names {
        script.push_str(&format!(
            "printf ' %s' \"${{{name}}}\" >> \"${{{propagater}}}/nix-support/propagated-build-inputs\"\n"
        ));
    }
    shell.run(&script)
}

#[cfg(test)]
mod tests {
    use super::glob_match;

    #[test]
    fn globs_match_runs_of_characters() {
        assert!(glob_match("man*", "man3"));
        assert!(glob_match("*.pc", "foo.pc"));
        assert!(glob_match("include", "include"));
        assert!(!glob_match("man*", "info"));
        assert!(!glob_match("*.pc", "foo.pcx"));
    }
}
