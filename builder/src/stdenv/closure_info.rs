//! `closureInfo ATTRS-JSON OUT`: the builder side of the standard library's
//! `closureInfo` (nixpkgs' `closure-info.nix`, whose builder runs jq). It reads the
//! `closure` list that `exportReferencesGraph.closure` puts into the structured
//! attributes' `.attrs.json` and writes into the directory `OUT`:
//! - `registration`: for each path, in the list's order, its path, NAR hash, NAR size,
//!   an empty deriver and its number of references, each on a line, then its
//!   references (the format `nix-store --load-db` and `--register-validity
//!   --hash-given` read);
//! - `store-paths`: the paths, one a line;
//! - `total-nar-size`: the sum of their NAR sizes.

use serde_json::Value;
use std::fs;
use std::path::Path;

/// One entry of the exported closure.
struct PathEntry {
    path: String,
    nar_hash: String,
    nar_size: u64,
    references: Vec<String>,
}

/// Runs `closureInfo ATTRS-JSON OUT`.
pub(crate) fn closure_info(attrs_json: &Path, out: &Path) -> Result<(), String> {
    let text =
        fs::read_to_string(attrs_json).map_err(|e| format!("cannot read '{}': {e}", attrs_json.display()))?;
    let attrs: Value = serde_json::from_str(&text)
        .map_err(|e| format!("'{}' is not valid JSON: {e}", attrs_json.display()))?;
    let entries = match attrs.get("closure") {
        Some(Value::Array(items)) => items.iter().map(entry).collect::<Result<Vec<_>, _>>()?,
        _ => {
            return Err(
                "the structured attributes have no 'closure' list (exportReferencesGraph.closure)".into()
            );
        }
    };
    let write = |name: &str, contents: String| {
        let file = out.join(name);
        fs::write(&file, contents).map_err(|e| format!("cannot write '{}': {e}", file.display()))
    };
    fs::create_dir_all(out).map_err(|e| format!("cannot create '{}': {e}", out.display()))?;
    write("registration", registration(&entries))?;
    write("store-paths", entries.iter().map(|e| format!("{}\n", e.path)).collect())?;
    write("total-nar-size", format!("{}\n", entries.iter().map(|e| e.nar_size).sum::<u64>()))
}

/// An entry of the `closure` list; an error naming what is missing when it is not one.
fn entry(value: &Value) -> Result<PathEntry, String> {
    let string = |key: &str| {
        value.get(key).and_then(Value::as_str).map(str::to_owned).ok_or_else(|| missing(key, value))
    };
    let references = match value.get("references") {
        Some(Value::Array(items)) => items
            .iter()
            .map(|r| r.as_str().map(str::to_owned).ok_or_else(|| missing("references", value)))
            .collect::<Result<_, _>>()?,
        _ => return Err(missing("references", value)),
    };
    Ok(PathEntry {
        path: string("path")?,
        nar_hash: string("narHash")?,
        nar_size: value.get("narSize").and_then(Value::as_u64).ok_or_else(|| missing("narSize", value))?,
        references,
    })
}

fn missing(key: &str, value: &Value) -> String {
    format!("a closure entry has no valid '{key}': {value}")
}

/// The `--register-validity --hash-given` text of `entries`.
fn registration(entries: &[PathEntry]) -> String {
    let mut text = String::new();
    for e in entries {
        text.push_str(&format!("{}\n{}\n{}\n\n{}\n", e.path, e.nar_hash, e.nar_size, e.references.len()));
        for reference in &e.references {
            text.push_str(reference);
            text.push('\n');
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-a";
    const B: &str = "/nix/store/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-b";

    fn run(json: &str) -> Result<[String; 3], String> {
        let dir = tempfile::tempdir().unwrap();
        let attrs = dir.path().join(".attrs.json");
        fs::write(&attrs, json).unwrap();
        let out = dir.path().join("out");
        closure_info(&attrs, &out)?;
        Ok(["registration", "store-paths", "total-nar-size"]
            .map(|f| fs::read_to_string(out.join(f)).unwrap()))
    }

    #[test]
    fn writes_the_three_files_in_the_closures_order() {
        let json = format!(
            r#"{{"closure":[{{"path":"{A}","narHash":"sha256:x","narSize":100,"references":[]}},
            {{"path":"{B}","narHash":"sha256:y","narSize":20,"references":["{A}","{B}"],"valid":true}}]}}"#
        );
        let [registration, paths, size] = run(&json).unwrap();
        assert_eq!(registration, format!("{A}\nsha256:x\n100\n\n0\n{B}\nsha256:y\n20\n\n2\n{A}\n{B}\n"));
        assert_eq!(paths, format!("{A}\n{B}\n"));
        assert_eq!(size, "120\n");
    }

    #[test]
    fn an_empty_closure_gives_empty_lists_and_size_zero() {
        assert_eq!(run(r#"{"closure":[]}"#).unwrap(), [String::new(), String::new(), "0\n".to_owned()]);
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        for json in ["", "[]", r#"{"closure":{}}"#, r#"{"closure":[{"path":"p"}]}"#, r#"{"closure":[1]}"#] {
            assert!(run(json).is_err(), "{json}");
        }
        let bad_size =
            format!(r#"{{"closure":[{{"path":"{A}","narHash":"h","narSize":-1,"references":[]}}]}}"#);
        assert!(run(&bad_size).unwrap_err().contains("narSize"));
    }
}
