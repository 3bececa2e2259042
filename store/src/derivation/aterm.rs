//! The `Derive([...],[...],[...],"system","builder",[...],[...])` printer, byte-identical to
//! the reference: lists in map order, builder/args/env escaped, the rest printed verbatim.
//!
//! The same printer produces the "masked" form (output paths and output env vars empty)
//! and the form where input derivations are replaced by their modulo hashes; it writes to
//! any [`Sink`] so hashing needs no intermediate string.

use super::{Derivation, DerivationOutput, method_prefix};
use crate::hash::Hasher;
use std::collections::{BTreeMap, BTreeSet};

/// Where printed ATerm text goes.
pub trait Sink {
    fn put(&mut self, s: &str);
}

impl Sink for String {
    fn put(&mut self, s: &str) {
        self.push_str(s);
    }
}

impl Sink for Hasher {
    fn put(&mut self, s: &str) {
        self.update(s.as_bytes());
    }
}

/// Input derivations regrouped by their modulo hash (base16) -> output names.
pub type ModuloInputs = BTreeMap<String, BTreeSet<String>>;

/// How to print: masking outputs and/or replacing the input derivations.
#[derive(Clone, Copy, Default)]
pub struct PrintMode<'a> {
    /// Print output paths and the output env vars as "".
    pub mask_outputs: bool,
    /// Print these instead of the input derivation paths.
    pub inputs: Option<&'a ModuloInputs>,
}

impl Derivation {
    /// The `.drv` file contents.
    pub fn to_aterm(&self) -> String {
        let mut s = String::with_capacity(1024);
        self.write_aterm(&mut s, PrintMode::default());
        s
    }

    /// The masked ATerm (output paths and output env vars ""), whose hash (with inputs
    /// replaced, see [`super::DrvHashes`]) makes input-addressed output paths.
    pub fn to_masked_aterm(&self) -> String {
        let mut s = String::with_capacity(1024);
        self.write_aterm(&mut s, PrintMode { mask_outputs: true, inputs: None });
        s
    }

    /// Writes the ATerm in `mode` to `out`.
    pub fn write_aterm(&self, out: &mut impl Sink, mode: PrintMode<'_>) {
        out.put("Derive([");
        for (i, (name, output)) in self.outputs.iter().enumerate() {
            comma(out, i);
            out.put("(");
            verbatim(out, name);
            out.put(",");
            write_output(out, output, mode.mask_outputs);
            out.put(")");
        }
        out.put("],[");
        match mode.inputs {
            Some(inputs) => {
                for (i, (hash, outputs)) in inputs.iter().enumerate() {
                    write_input(out, i, hash, "", outputs);
                }
            }
            None => {
                for (i, (path, outputs)) in self.input_drvs.iter().enumerate() {
                    write_input(out, i, path.base_name(), STORE_DIR_SLASH, outputs);
                }
            }
        }
        out.put("],[");
        for (i, path) in self.input_srcs.iter().enumerate() {
            comma(out, i);
            store_path(out, path.base_name());
        }
        out.put("],");
        verbatim(out, &self.system);
        out.put(",");
        escaped(out, &self.builder);
        out.put(",[");
        for (i, arg) in self.args.iter().enumerate() {
            comma(out, i);
            escaped(out, arg);
        }
        out.put("],[");
        for (i, (key, value)) in self.env.iter().enumerate() {
            comma(out, i);
            out.put("(");
            escaped(out, key);
            out.put(",");
            let masked = mode.mask_outputs && self.outputs.contains_key(key);
            escaped(out, if masked { "" } else { value });
            out.put(")");
        }
        out.put("])");
    }
}

/// [`crate::STORE_DIR`] with its trailing slash (checked by a test).
const STORE_DIR_SLASH: &str = "/nix/store/";

fn write_output(out: &mut impl Sink, output: &DerivationOutput, mask: bool) {
    let path = match output.path() {
        Some(path) if !mask => Some(path.base_name()),
        _ => None,
    };
    match path {
        Some(base) => store_path(out, base),
        None => out.put("\"\""),
    }
    out.put(",\"");
    match output {
        DerivationOutput::InputAddressed(_) | DerivationOutput::Deferred => out.put("\",\"\""),
        DerivationOutput::Fixed { method, hash, .. } => {
            out.put(method_prefix(*method));
            out.put(hash.algo().name());
            out.put("\",\"");
            out.put(&hash.to_base16());
            out.put("\"");
        }
        DerivationOutput::Floating { method, algo } => {
            out.put(method_prefix(*method));
            out.put(algo.name());
            out.put("\",\"\"");
        }
        DerivationOutput::Impure { method, algo } => {
            out.put(method_prefix(*method));
            out.put(algo.name());
            out.put("\",\"impure\"");
        }
    }
}

fn write_input(out: &mut impl Sink, i: usize, key: &str, prefix: &str, outputs: &BTreeSet<String>) {
    comma(out, i);
    out.put("(\"");
    out.put(prefix);
    out.put(key);
    out.put("\",[");
    for (j, name) in outputs.iter().enumerate() {
        comma(out, j);
        verbatim(out, name);
    }
    out.put("])");
}

fn comma(out: &mut impl Sink, index: usize) {
    if index > 0 {
        out.put(",");
    }
}

fn store_path(out: &mut impl Sink, base: &str) {
    out.put("\"");
    out.put(STORE_DIR_SLASH);
    out.put(base);
    out.put("\"");
}

/// A quoted string without escaping: the reference prints output names, paths, hash
/// fields and the system this way.
fn verbatim(out: &mut impl Sink, s: &str) {
    out.put("\"");
    out.put(s);
    out.put("\"");
}

/// A quoted string with `"` `\` newline, CR and tab escaped.
fn escaped(out: &mut impl Sink, s: &str) {
    out.put("\"");
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let replacement = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            _ => continue,
        };
        out.put(&s[start..i]);
        out.put(replacement);
        start = i + 1;
    }
    out.put(&s[start..]);
    out.put("\"");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store_path::STORE_DIR;

    #[test]
    fn store_dir_prefix_matches() {
        assert_eq!(STORE_DIR_SLASH, format!("{STORE_DIR}/"));
    }

    #[test]
    fn escaping() {
        let mut s = String::new();
        escaped(&mut s, "a\"b\\c\nd\re\tf ü");
        assert_eq!(s, r#""a\"b\\c\nd\re\tf ü""#);
    }
}
