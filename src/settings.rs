//! Ferrix's configuration file, `$XDG_CONFIG_HOME/ferrix/ferrix.conf` (else
//! `~/.config/ferrix/ferrix.conf`; `$FERRIX_CONF` names another file), in the
//! syntax of the reference's `nix.conf` and with its option names: `NAME = VALUE`
//! lines, `#` comments, `include FILE` and `!include FILE` (relative to the including
//! file; the `!` form ignores a missing file); as there, `=` must be a word of its own.
//! It is read when a command first needs a setting: the build settings apply under
//! every command's flags and `--option`s, which come after them; `keep-outputs` and
//! `keep-derivations` apply to garbage collection.

use crate::error::{CliError, CliResult};
use ferrix_builder::BuildOptions;
use ferrix_store::local::GcOptions;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// One `NAME = VALUE` line and where it came from (`FILE:LINE`), for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    pub name: String,
    pub value: String,
    pub origin: String,
}

/// The settings, read and checked on first use (so that `--help` and commands that
/// need no settings work whatever the file holds).
static CONFIG: OnceLock<Result<Vec<Setting>, String>> = OnceLock::new();

/// The configuration file to read, if any, and whether it must exist (it must when
/// `$FERRIX_CONF` names it).
fn config_file() -> Option<(PathBuf, bool)> {
    if let Some(file) = std::env::var_os("FERRIX_CONF").filter(|f| !f.is_empty()) {
        return Some((PathBuf::from(file), true));
    }
    let dir = match std::env::var_os("XDG_CONFIG_HOME").filter(|d| !d.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("HOME")?).join(".config"),
    };
    Some((dir.join("ferrix/ferrix.conf"), false))
}

/// Reads and checks the configuration file (a missing default file is no
/// configuration); an unknown setting is warned about, as the reference does, and a
/// bad value or line is an error naming the file and line.
fn load() -> CliResult<Vec<Setting>> {
    let mut settings = Vec::new();
    match config_file() {
        Some((file, _)) if file.exists() => read_file(&file, &mut settings, 0)?,
        Some((file, true)) => {
            return Err(CliError::failure(format!(
                "configuration file '{}' (from $FERRIX_CONF) does not exist",
                file.display()
            )));
        }
        _ => {}
    }
    for setting in &settings {
        check(setting)?;
    }
    Ok(settings)
}

/// The settings of the configuration file.
fn settings() -> CliResult<&'static [Setting]> {
    match CONFIG.get_or_init(|| load().map_err(|e| e.message)) {
        Ok(settings) => Ok(settings),
        Err(message) => Err(CliError::failure(message)),
    }
}

/// How deep `include`s may nest (a file including itself stops here).
const MAX_INCLUDE_DEPTH: usize = 16;

fn read_file(file: &Path, out: &mut Vec<Setting>, depth: usize) -> CliResult {
    let text = std::fs::read_to_string(file).map_err(|e| {
        CliError::failure(format!("cannot read configuration file '{}': {e}", file.display()))
    })?;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        let origin = format!("{}:{}", file.display(), i + 1);
        let words: Vec<&str> = line.split_whitespace().collect();
        if let [keyword @ ("include" | "!include"), included] = words.as_slice() {
            if depth >= MAX_INCLUDE_DEPTH {
                return Err(CliError::failure(format!(
                    "{origin}: configuration files include each other too deeply"
                )));
            }
            let included = file.parent().unwrap_or(Path::new("/")).join(included);
            if included.exists() || *keyword == "include" {
                read_file(&included, out, depth + 1)?;
            }
            continue;
        }
        // As the reference: words, the second of which is `=`.
        let [name, "=", value @ ..] = words.as_slice() else {
            return Err(CliError::failure(format!(
                "{origin}: syntax error in configuration line '{raw}' (expected 'NAME = VALUE')"
            )));
        };
        out.push(Setting { name: (*name).to_owned(), value: value.join(" "), origin });
    }
    Ok(())
}

/// The garbage collector's settings.
pub const GC_SETTINGS: [&str; 2] = ["keep-outputs", "keep-derivations"];

/// A bad value is an error; an unknown name a warning.
fn check(setting: &Setting) -> CliResult {
    let bad = |e: String| CliError::failure(format!("{}: {e}", setting.origin));
    if GC_SETTINGS.contains(&setting.name.as_str()) {
        boolean(&setting.name, &setting.value).map_err(bad)?;
        return Ok(());
    }
    let mut scratch = BuildOptions::new(PathBuf::new());
    if !crate::build_cmd::apply_setting(&mut scratch, &setting.name, &setting.value).map_err(bad)? {
        eprintln!("warning: unknown setting '{}' ({})", setting.name, setting.origin);
    }
    Ok(())
}

/// A Boolean setting's value, as the reference spells them.
pub fn boolean(name: &str, value: &str) -> Result<bool, String> {
    match value {
        "true" | "yes" | "1" => Ok(true),
        "false" | "no" | "0" => Ok(false),
        _ => Err(format!("invalid value '{value}' for Boolean setting '{name}'")),
    }
}

/// Applies the configuration's build settings to `options`.
pub fn apply_build(options: &mut BuildOptions) -> CliResult {
    for setting in settings()? {
        // Checked by `load`: a value that does not apply is not a build setting.
        let _ = crate::build_cmd::apply_setting(options, &setting.name, &setting.value);
    }
    Ok(())
}

/// Applies the configuration's garbage-collector settings to `options`.
pub fn apply_gc(options: &mut GcOptions) -> CliResult {
    for setting in settings()? {
        // Checked by `load`.
        let _ = set_gc(options, &setting.name, &setting.value);
    }
    Ok(())
}

/// Applies garbage-collector setting `name`; an error for a bad value (other names
/// are left alone).
pub fn set_gc(options: &mut GcOptions, name: &str, value: &str) -> Result<(), String> {
    match name {
        "keep-outputs" => options.keep_outputs = boolean(name, value)?,
        "keep-derivations" => options.keep_derivations = boolean(name, value)?,
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_read_with_comments_and_includes() {
        let dir = tempfile::tempdir().unwrap();
        let main = dir.path().join("ferrix.conf");
        std::fs::write(
            &main,
            "# a comment\nmax-jobs = 4 # trailing\n\ninclude more.conf\n!include missing.conf\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("more.conf"), "sandbox =  false\nbad=spacing\n").unwrap();
        let mut got = Vec::new();
        // (`NAME=VALUE` without spaces is a syntax error, as in the reference.)
        let err = read_file(&main, &mut got, 0).unwrap_err().message;
        assert!(err.contains("more.conf:2: syntax error in configuration line 'bad=spacing'"), "{err}");
        std::fs::write(dir.path().join("more.conf"), "sandbox =  false\n").unwrap();
        got.clear();
        read_file(&main, &mut got, 0).unwrap();
        let pairs: Vec<(&str, &str)> = got.iter().map(|s| (s.name.as_str(), s.value.as_str())).collect();
        assert_eq!(pairs, [("max-jobs", "4"), ("sandbox", "false")]);
        assert_eq!(got[1].origin, format!("{}:1", dir.path().join("more.conf").display()));

        std::fs::write(&main, "include missing.conf\n").unwrap();
        assert!(read_file(&main, &mut Vec::new(), 0).unwrap_err().message.contains("missing.conf"));
        std::fs::write(&main, "just words\n").unwrap();
        let err = read_file(&main, &mut Vec::new(), 0).unwrap_err().message;
        assert!(
            err.ends_with(
                "ferrix.conf:1: syntax error in configuration line 'just words' (expected 'NAME = VALUE')"
            ),
            "{err}"
        );
        std::fs::write(&main, "include ferrix.conf\n").unwrap();
        assert!(read_file(&main, &mut Vec::new(), 0).unwrap_err().message.contains("too deeply"));
    }

    #[test]
    fn values_are_checked_and_applied() {
        let setting = |name: &str, value: &str| Setting {
            name: name.into(),
            value: value.into(),
            origin: "f:1".into(),
        };
        assert!(check(&setting("max-jobs", "x")).unwrap_err().message.starts_with("f:1: invalid value 'x'"));
        assert!(check(&setting("keep-outputs", "maybe")).is_err());
        assert!(check(&setting("keep-outputs", "true")).is_ok());
        assert!(check(&setting("no-such-setting", "1")).is_ok(), "only a warning");
    }
}
