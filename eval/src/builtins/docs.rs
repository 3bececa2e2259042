//! Documentation of the builtins, for the REPL's `:doc`: written for Ferrix in
//! `eval/docs/builtins.toml` (a table per builtin with its `args` and `doc`) and
//! embedded in the binary.

/// What `:doc` shows of one builtin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltinDoc {
    pub name: String,
    /// The arguments after the name (`f list`).
    pub args: String,
    pub doc: String,
}

const DOCS: &str = include_str!("../../docs/builtins.toml");

/// The entries, parsed once.
fn table() -> &'static toml::Table {
    static TABLE: std::sync::OnceLock<toml::Table> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| DOCS.parse().unwrap_or_default())
}

/// The documentation of the builtin `name` (as in `builtins.NAME`), if it has any.
pub fn lookup(name: &str) -> Option<BuiltinDoc> {
    let entry = table().get(name)?.as_table()?;
    let field = |k: &str| entry.get(k).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
    Some(BuiltinDoc { name: name.to_owned(), args: field("args"), doc: field("doc") })
}

/// The names that have an entry, sorted (for checking the entries against `builtins`).
pub fn documented() -> Vec<String> {
    table().keys().cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_docs_parse_and_entries_are_found() {
        let table: toml::Table = DOCS.parse().expect("builtins.toml parses");
        for (name, entry) in &table {
            let entry = entry.as_table().unwrap_or_else(|| panic!("{name} is a table"));
            assert!(entry.get("doc").and_then(|d| d.as_str()).is_some_and(|d| !d.is_empty()), "{name}");
        }
        assert_eq!(lookup("map").map(|d| d.args), Some("f list".to_owned()));
        assert_eq!(lookup("no-such-builtin"), None);
    }

    /// The tables are written in the order `builtins.attrNames` lists them (byte order),
    /// so that an entry is easy to find and a duplicate stands out.
    #[test]
    fn the_entries_are_alphabetical() {
        let headers: Vec<&str> = DOCS
            .lines()
            .filter_map(|l| l.strip_prefix('[')?.strip_suffix(']'))
            .map(|h| h.trim_matches('"'))
            .collect();
        let mut sorted = headers.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(headers, sorted);
    }
}
