//! The builder's environment and the files it finds in its build directory, as the
//! reference sets them up: fixed variables, the derivation's environment (with
//! `passAsFile` attributes in files, or structured attributes in `.attrs.json` and
//! `.attrs.sh`), the closures of `exportReferencesGraph` (files, or entries of the
//! structured attributes), the build directory's names, and for fixed-output
//! derivations the caller's `impureEnvVars`.

use crate::attrs::{attrs_json, attrs_sh};
use crate::export_graph::Exported;
use ferrix_store::derivation::Derivation;
use ferrix_store::{Hash, HashAlgo, StorePath};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// What a builder starts with.
pub(crate) struct BuildEnv {
    pub vars: BTreeMap<String, String>,
    /// Files to create in the build directory: (name, contents).
    pub files: Vec<(String, String)>,
}

/// The environment of `drv`'s builder (with its parsed structured attributes, if any,
/// and its exported closures; `fixed` for a fixed-output derivation) run in `build_top`
/// with `cores` cores.
pub(crate) fn build_env(
    drv: &Derivation,
    structured: Option<Map<String, Value>>,
    exports: &[Exported],
    fixed: bool,
    outputs: &BTreeMap<String, StorePath>,
    build_top: &str,
    cores: usize,
) -> BuildEnv {
    let mut vars = BTreeMap::new();
    let mut files = Vec::new();
    let mut set = |k: &str, v: &str| vars.insert(k.to_owned(), v.to_owned());
    set("PATH", "/path-not-set");
    set("HOME", "/homeless-shelter");
    set("NIX_STORE", ferrix_store::STORE_DIR);
    set("NIX_BUILD_CORES", &cores.to_string());
    match structured {
        Some(attrs) => {
            let paths = outputs.iter().map(|(k, v)| (k.clone(), v.to_absolute())).collect();
            let mut attrs = attrs_json(attrs, &paths);
            for export in exports {
                attrs.insert(export.name.clone(), export.to_json());
            }
            files.push((".attrs.sh".to_owned(), attrs_sh(&attrs)));
            files.push((".attrs.json".to_owned(), serde_json::Value::Object(attrs).to_string()));
            set("NIX_ATTRS_JSON_FILE", &format!("{build_top}/.attrs.json"));
            set("NIX_ATTRS_SH_FILE", &format!("{build_top}/.attrs.sh"));
        }
        None => {
            let pass_as_file: BTreeSet<&str> =
                drv.env.get("passAsFile").map(|v| v.split_whitespace().collect()).unwrap_or_default();
            for (key, value) in &drv.env {
                if pass_as_file.contains(key.as_str()) {
                    let name = format!(".attr-{}", Hash::digest(HashAlgo::Sha256, key).to_nix32());
                    set(&format!("{key}Path"), &format!("{build_top}/{name}"));
                    files.push((name, value.clone()));
                } else {
                    set(key, value);
                }
            }
            files.extend(exports.iter().map(|e| (e.name.clone(), e.registration())));
        }
    }
    for name in ["NIX_BUILD_TOP", "TMPDIR", "TEMPDIR", "TMP", "TEMP", "PWD"] {
        set(name, build_top);
    }
    if fixed {
        set("NIX_OUTPUT_CHECKED", "1");
        let impure = drv.env.get("impureEnvVars").map(String::as_str).unwrap_or_default();
        for name in impure.split_whitespace() {
            if let Ok(value) = std::env::var(name) {
                set(name, &value);
            }
        }
    }
    set("NIX_LOG_FD", "2");
    set("TERM", "xterm-256color");
    BuildEnv { vars, files }
}
