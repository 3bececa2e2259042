//! The REPL's `:doc` documentation (`eval/docs/builtins.toml`) is complete: every
//! function in `builtins`, as the evaluator itself lists them, has an entry with its
//! arguments and a description, and no entry names something `builtins` lacks.

mod common;

use common::{FERRIX, ok};
use std::collections::BTreeMap;
use std::path::Path;

/// Each name in `builtins` and whether its value is a function, asked of `ferrix eval`.
fn builtins() -> BTreeMap<String, bool> {
    let expr = "builtins.listToAttrs (map (name: { inherit name; \
                value = builtins.isFunction builtins.${name}; }) (builtins.attrNames builtins))";
    let json = ok(Path::new(FERRIX), &["eval", "--json", "--strict", "-E", expr], None);
    serde_json::from_str(&json).expect("a JSON object of booleans")
}

#[test]
fn every_builtin_function_is_documented() {
    let builtins = builtins();
    assert!(builtins.len() > 100 && builtins["map"] && !builtins["storeDir"], "{builtins:?}");
    let undocumented: Vec<&str> = builtins
        .iter()
        .filter(|&(name, &function)| {
            function
                && ferrix_eval::builtin_doc(name)
                    .is_none_or(|d| d.doc.trim().is_empty() || d.args.trim().is_empty())
        })
        .map(|(name, _)| name.as_str())
        .collect();
    assert!(
        undocumented.is_empty(),
        "builtins without `args` and `doc` in eval/docs/builtins.toml: {undocumented:?}"
    );
}

#[test]
fn every_entry_is_a_builtin() {
    let builtins = builtins();
    let stray: Vec<String> =
        ferrix_eval::documented_builtins().into_iter().filter(|n| !builtins.contains_key(n)).collect();
    assert!(stray.is_empty(), "entries in eval/docs/builtins.toml for no builtin: {stray:?}");
    // Constants (`storeDir`, `true`, …) may have entries, but take no arguments.
    for (name, _) in builtins.iter().filter(|&(_, &function)| !function) {
        if let Some(doc) = ferrix_eval::builtin_doc(name) {
            assert_eq!(doc.args, "", "{name} is not a function");
            assert!(!doc.doc.trim().is_empty(), "{name}");
        }
    }
}
