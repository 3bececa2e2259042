//! `exportReferencesGraph`: closures of store paths handed to the builder, as the
//! reference hands them over. The attribute is read when a derivation is planned
//! ([`parse`]: name and path pairs, or with structured attributes a set of names to
//! paths or lists of paths); when it is built, each named closure ([`exported`]) is
//! written into the build directory in the format of `nix-store --register-validity`
//! ([`Exported::registration`]), or put into `.attrs.json` as a list of path infos
//! ([`Exported::to_json`]).

use crate::error::{BuildError, Failure, PERMANENT};
use crate::job::failure;
use crate::plan::{output_paths, read_derivation};
use ferrix_store::StorePath;
use ferrix_store::derivation::Derivation;
use ferrix_store::local::{LocalStore, PathInfo};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The attribute's name in the environment and in structured attributes.
const ATTR: &str = "exportReferencesGraph";

/// The paths whose closures a derivation's builder gets, by the name it gets them under.
pub(crate) type ExportGraph = BTreeMap<String, BTreeSet<StorePath>>;

/// The `exportReferencesGraph` of `drv` (the derivation at `drv_path`), checked as the
/// reference checks it before building.
pub(crate) fn parse(drv_path: &StorePath, drv: &Derivation) -> Result<ExportGraph, BuildError> {
    let parsed = match drv.structured_attrs() {
        Ok(Some(attrs)) => parse_structured(&attrs),
        Ok(None) => parse_plain(drv.env.get(ATTR).map_or("", String::as_str)),
        Err(e) => Err(e.to_string()),
    };
    parsed.map_err(|e| {
        BuildError::Invalid(format!(
            "\n       … while parsing derivation '{}'\n\n       error: {e}",
            drv_path.to_absolute()
        ))
    })
}

/// `name1 path1 name2 path2 ...`: each name must be a file name the reference accepts.
fn parse_plain(value: &str) -> Result<ExportGraph, String> {
    let tokens: Vec<&str> = value.split([' ', '\t', '\n', '\r']).filter(|t| !t.is_empty()).collect();
    if !tokens.len().is_multiple_of(2) {
        return Err(format!("odd number of tokens in '{ATTR}': '{value}'"));
    }
    let mut graph = ExportGraph::new();
    for pair in tokens.chunks_exact(2) {
        let (name, path) = (pair[0], pair[1]);
        if !is_file_name(name) {
            return Err(format!("invalid file name '{name}' in '{ATTR}'"));
        }
        graph.insert(name.to_owned(), BTreeSet::from([to_store_path(path)?]));
    }
    Ok(graph)
}

/// A set of names to paths (strings or nested lists of strings); anything but a set is
/// ignored with a warning.
fn parse_structured(attrs: &Map<String, Value>) -> Result<ExportGraph, String> {
    let Some(value) = attrs.get(ATTR) else { return Ok(ExportGraph::new()) };
    let Value::Object(entries) = value else {
        eprintln!("warning: '{ATTR}' in structured attrs is not a JSON object, ignoring");
        return Ok(ExportGraph::new());
    };
    let mut graph = ExportGraph::new();
    for (name, paths) in entries {
        let mut strings = BTreeSet::new();
        flatten(paths, &mut strings)?;
        let paths = strings.into_iter().map(to_store_path).collect::<Result<_, _>>()?;
        graph.insert(name.clone(), paths);
    }
    Ok(graph)
}

/// Adds the strings of `value` (a string or nested lists of strings) to `out`.
fn flatten<'a>(value: &'a Value, out: &mut BTreeSet<&'a str>) -> Result<(), String> {
    match value {
        Value::String(s) => {
            out.insert(s);
            Ok(())
        }
        Value::Array(items) => items.iter().try_for_each(|item| flatten(item, out)),
        _ => Err(format!("'{ATTR}' value is not an array or a string")),
    }
}

/// `[A-Za-z_][A-Za-z0-9_.-]*`.
fn is_file_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
}

/// The store path that `path` (a store path or a path inside one) lies in.
fn to_store_path(path: &str) -> Result<StorePath, String> {
    let inner = path
        .strip_prefix(ferrix_store::STORE_DIR)
        .and_then(|rest| rest.strip_prefix('/'))
        .filter(|rest| !rest.is_empty())
        .ok_or_else(|| format!("path '{path}' is not in the Nix store"))?;
    let base = inner.split('/').next().unwrap_or(inner);
    StorePath::from_base_name_checked(base).map_err(|e| e.to_string())
}

/// One exported closure: its name and the infos of its paths, sorted by path.
pub(crate) struct Exported {
    pub name: String,
    pub closure: Vec<PathInfo>,
}

/// The closures `graph` names, from the store. Each path must be in `inputs` (the
/// derivation's input closure); a derivation in a closure brings its outputs' closures.
pub(crate) fn exported(
    store: &LocalStore,
    graph: &ExportGraph,
    inputs: &BTreeSet<StorePath>,
) -> Result<Vec<Exported>, Failure> {
    graph
        .iter()
        .map(|(name, paths)| {
            let closure = export_closure(store, paths, inputs)?
                .iter()
                .map(|path| valid_info(store, path))
                .collect::<Result<_, _>>()?;
            Ok(Exported { name: name.clone(), closure })
        })
        .collect()
}

/// The closure of `paths`, with the closures of the outputs of the derivations in it.
fn export_closure(
    store: &LocalStore,
    paths: &BTreeSet<StorePath>,
    inputs: &BTreeSet<StorePath>,
) -> Result<BTreeSet<StorePath>, Failure> {
    if let Some(outside) = paths.iter().find(|p| !inputs.contains(*p)) {
        return Err(Failure {
            message: format!(
                "cannot export references of path '{}' because it is not in the input closure of the \
                 derivation",
                outside.to_absolute()
            ),
            bits: PERMANENT,
        });
    }
    let mut closure = store.closure(paths.iter().cloned()).map_err(failure)?;
    let mut outputs = Vec::new();
    for drv_path in closure.iter().filter(|p| p.is_derivation()) {
        let drv = read_derivation(store, drv_path).map_err(failure)?;
        let paths = output_paths(drv_path, &drv)
            .map_err(|_| failure("exportReferences on CA derivations is not yet implemented"))?;
        outputs.extend(paths.into_values());
    }
    closure.extend(store.closure(outputs).map_err(failure)?);
    Ok(closure)
}

fn valid_info(store: &LocalStore, path: &StorePath) -> Result<PathInfo, Failure> {
    store
        .query_path_info(path)
        .map_err(failure)?
        .ok_or_else(|| failure(format!("path '{}' is not valid", path.to_absolute())))
}

impl Exported {
    /// The closure as `nix-store --register-validity` reads it, without hashes and
    /// derivers: each path, an empty line, the number of its references and each
    /// reference.
    pub fn registration(&self) -> String {
        let mut text = String::new();
        for info in &self.closure {
            text.push_str(&format!("{}\n\n{}\n", info.path.to_absolute(), info.references.len()));
            for reference in &info.references {
                text.push_str(&format!("{}\n", reference.to_absolute()));
            }
        }
        text
    }

    /// The closure as structured attributes get it: a list of path infos with each
    /// path's closure size.
    pub fn to_json(&self) -> Value {
        let sizes: BTreeMap<&StorePath, &PathInfo> = self.closure.iter().map(|i| (&i.path, i)).collect();
        Value::Array(
            self.closure.iter().map(|info| path_info_json(info, closure_size(info, &sizes))).collect(),
        )
    }
}

fn path_info_json(info: &PathInfo, closure_size: u64) -> Value {
    let mut entry = serde_json::json!({
        "closureSize": closure_size,
        "narHash": format!("{}:{}", info.nar_hash.algo(), info.nar_hash.to_nix32()),
        "narSize": info.nar_size,
        "path": info.path.to_absolute(),
        "references": info.references.iter().map(StorePath::to_absolute).collect::<Vec<_>>(),
        "valid": true,
    });
    if let Some(ca) = &info.ca {
        entry["ca"] = Value::String(ca.clone());
    }
    entry
}

/// The total NAR size of the closure of `info`'s path; `infos` holds that closure (an
/// exported closure is closed under references).
fn closure_size(info: &PathInfo, infos: &BTreeMap<&StorePath, &PathInfo>) -> u64 {
    let mut seen = BTreeSet::from([&info.path]);
    let mut todo = vec![info];
    let mut size = 0;
    while let Some(info) = todo.pop() {
        size += info.nar_size;
        for reference in &info.references {
            if let Some(next) = infos.get(reference).filter(|_| seen.insert(reference)) {
                todo.push(next);
            }
        }
    }
    size
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEP: &str = "/nix/store/xphv2xk3w52mhli0xd744kcrn6lqw8p2-dep1";

    fn graph(pairs: &[(&str, &[&str])]) -> ExportGraph {
        pairs
            .iter()
            .map(|(name, paths)| {
                let paths = paths.iter().map(|p| StorePath::parse(p).unwrap()).collect();
                (name.to_string(), paths)
            })
            .collect()
    }

    #[test]
    fn plain_pairs_name_files_and_take_the_store_path_of_a_path_inside_it() {
        let parsed = parse_plain(&format!(" a {DEP}\n b.x-1 {DEP}/f/g\t")).unwrap();
        assert_eq!(parsed, graph(&[("a", &[DEP]), ("b.x-1", &[DEP])]));
        assert_eq!(parse_plain("").unwrap(), ExportGraph::new());
    }

    /// The reference's messages (Nix 2.34, through refnix).
    #[test]
    fn plain_errors_are_the_references() {
        let cases = [
            (
                format!("graph {DEP} x"),
                format!("odd number of tokens in 'exportReferencesGraph': 'graph {DEP} x'"),
            ),
            (format!("../graph {DEP}"), "invalid file name '../graph' in 'exportReferencesGraph'".to_owned()),
            (
                format!(".attrs.json {DEP}"),
                "invalid file name '.attrs.json' in 'exportReferencesGraph'".to_owned(),
            ),
            ("graph /tmp/foo".to_owned(), "path '/tmp/foo' is not in the Nix store".to_owned()),
            ("graph /nix/store/".to_owned(), "path '/nix/store/' is not in the Nix store".to_owned()),
            ("graph /nix/store/abc".to_owned(), "'abc' is too short to be a valid store path".to_owned()),
        ];
        for (value, message) in cases {
            assert_eq!(parse_plain(&value), Err(message), "{value}");
        }
    }

    #[test]
    fn structured_sets_take_strings_and_nested_lists() {
        let attrs = serde_json::json!({ ATTR: { "g": DEP, "m": [[format!("{DEP}/x")], DEP], "e": [] } });
        let parsed = parse_structured(attrs.as_object().unwrap()).unwrap();
        assert_eq!(parsed, graph(&[("e", &[]), ("g", &[DEP]), ("m", &[DEP])]));
        let not_a_set = serde_json::json!({ ATTR: ["g", DEP] });
        assert_eq!(parse_structured(not_a_set.as_object().unwrap()).unwrap(), ExportGraph::new());
        let bad = serde_json::json!({ ATTR: { "g": [1] } });
        let message = "'exportReferencesGraph' value is not an array or a string";
        assert_eq!(parse_structured(bad.as_object().unwrap()), Err(message.to_owned()));
    }

    fn info(path: &str, size: u64, references: &[&str]) -> PathInfo {
        let hash = ferrix_store::Hash::digest(ferrix_store::HashAlgo::Sha256, path);
        let mut info = PathInfo::new(StorePath::parse(path).unwrap(), hash, size);
        info.references = references.iter().map(|r| StorePath::parse(r).unwrap()).collect();
        info
    }

    const A: &str = "/nix/store/n67lcg14n0q7xc51d5sm6j6i40kpnvfk-t";
    const C: &str = "/nix/store/yc8ls45ppp0sp69hfww8kc6xv95xmc19-dep2";

    fn sample() -> Exported {
        let closure = vec![info(A, 120, &[]), info(DEP, 100, &[DEP]), info(C, 568, &[A, DEP, C])];
        Exported { name: "g".into(), closure }
    }

    #[test]
    fn registration_lists_paths_empty_derivers_and_references() {
        let expected = format!("{A}\n\n0\n{DEP}\n\n1\n{DEP}\n{C}\n\n3\n{A}\n{DEP}\n{C}\n");
        assert_eq!(sample().registration(), expected);
    }

    #[test]
    fn json_has_closure_sizes_counting_each_path_once() {
        let json = sample().to_json();
        let sizes: Vec<u64> =
            json.as_array().unwrap().iter().map(|e| e["closureSize"].as_u64().unwrap()).collect();
        assert_eq!(sizes, [120, 100, 788]);
        assert_eq!(json[2]["references"], serde_json::json!([A, DEP, C]));
        assert!(json[0].get("ca").is_none());
        assert!(json[0]["narHash"].as_str().unwrap().starts_with("sha256:"));
    }
}
