//! Structured attributes as the builder sees them: `.attrs.json` (the derivation's
//! `__json` with `outputs` turned into an object from output name to path) and
//! `.attrs.sh`, bash declarations of the attributes bash can hold, written as the
//! reference writes them.

use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The attributes `.attrs.json` holds (it is their JSON text).
pub(crate) fn attrs_json(
    mut attrs: Map<String, Value>,
    outputs: &BTreeMap<String, String>,
) -> Map<String, Value> {
    let outputs = outputs.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect();
    attrs.insert("outputs".into(), Value::Object(outputs));
    attrs
}

/// The contents of `.attrs.sh`: one `declare` per attribute whose name is a shell
/// variable name and whose value is simple (string, integral number, boolean, null),
/// or a list or an object of simple values; others are left out.
pub(crate) fn attrs_sh(attrs_json: &Map<String, Value>) -> String {
    let mut out = String::new();
    for (key, value) in attrs_json {
        if !is_shell_name(key) {
            continue;
        }
        let declaration = match value {
            Value::Array(items) => items
                .iter()
                .map(|v| simple(v).map(|s| s + " "))
                .collect::<Option<String>>()
                .map(|items| format!("declare -a {key}=({items})")),
            Value::Object(entries) => entries
                .iter()
                .map(|(k, v)| simple(v).map(|s| format!("[{}]={s} ", shell_escape(k))))
                .collect::<Option<String>>()
                .map(|entries| format!("declare -A {key}=({entries})")),
            other => simple(other).map(|s| format!("declare {key}={s}")),
        };
        if let Some(line) = declaration {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// A simple value as bash text: strings quoted, integral numbers as the reference's
/// 32-bit integers, true as 1, false as nothing, null as ''.
fn simple(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(shell_escape(s)),
        Value::Bool(true) => Some("1".into()),
        Value::Bool(false) => Some(String::new()),
        Value::Null => Some("''".into()),
        Value::Number(n) => {
            let integral = n.as_i64().or_else(|| n.as_u64().map(|u| u as i64)).or_else(|| {
                let f = n.as_f64()?;
                (f.fract() == 0.0).then_some(f as i64)
            })?;
            Some((integral as i32).to_string())
        }
        Value::Array(_) | Value::Object(_) => None,
    }
}

/// `'text'` with each `'` written as `'\''`.
pub(crate) fn shell_escape(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

fn is_shell_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the reference wrote for the same attributes (Nix 2.34, through refnix).
    #[test]
    fn shell_declarations_match_the_reference() {
        let json = r#"{"9x":1,"_u":1,"big":12345678901,"e1":[],"e2":{},"f":false,"fl":2.0,
            "l":[true,false,null,1.5,"x"],"lb":[true,false],"ln":[null],"neg":[-1],
            "o2":{"a":{}},"ob":{"a":true,"b":false},"of2":{"d":3.0},
            "s":"it's \"q\" $x\n","t":true,"z":null}"#;
        let Value::Object(attrs) = serde_json::from_str(json).unwrap() else { panic!() };
        let expected = "declare _u=1\ndeclare big=-539222987\ndeclare -a e1=()\ndeclare -A e2=()\n\
            declare f=\ndeclare fl=2\ndeclare -a lb=(1  )\ndeclare -a ln=('' )\ndeclare -a neg=(-1 )\n\
            declare -A ob=(['a']=1 ['b']= )\ndeclare -A of2=(['d']=3 )\n\
            declare s='it'\\''s \"q\" $x\n'\ndeclare t=1\ndeclare z=''\n";
        assert_eq!(attrs_sh(&attrs), expected);
    }

    #[test]
    fn attrs_json_replaces_outputs_by_their_paths() {
        let Value::Object(attrs) = serde_json::from_str(r#"{"outputs":["out"],"b":1}"#).unwrap() else {
            panic!()
        };
        let outputs = BTreeMap::from([("out".to_owned(), "/nix/store/x-a".to_owned())]);
        let json = Value::Object(attrs_json(attrs, &outputs)).to_string();
        assert_eq!(json, r#"{"b":1,"outputs":{"out":"/nix/store/x-a"}}"#);
    }
}
