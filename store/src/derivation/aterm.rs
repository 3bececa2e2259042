//! The `Derive([...],[...],[...],"system","builder",[...],[...])` printer, byte-identical to
//! the reference: lists in map order, builder/args/env escaped, the rest printed verbatim.
//!
//! The same printer produces the "masked" form (output paths and output env vars empty)
//! and the form where input derivations are replaced by their modulo hashes. It writes to
//! a string, which is hashed in one go ([`Derivation::aterm_hash`]): hashing the many
//! small pieces one by one costs more than the copy.

use super::{Derivation, DerivationOutput, method_prefix};
use crate::hash::{Hash, HashAlgo};
use std::collections::{BTreeMap, BTreeSet};

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

    /// The sha256 of the ATerm in `mode`.
    pub fn aterm_hash(&self, mode: PrintMode<'_>) -> Hash {
        let mut s = String::with_capacity(1024);
        self.write_aterm(&mut s, mode);
        Hash::digest(HashAlgo::Sha256, s)
    }

    /// Writes the ATerm in `mode` to `out`.
    pub fn write_aterm(&self, out: &mut String, mode: PrintMode<'_>) {
        out.push_str("Derive([");
        for (i, (name, output)) in self.outputs.iter().enumerate() {
            comma(out, i);
            out.push('(');
            verbatim(out, name);
            out.push(',');
            write_output(out, output, mode.mask_outputs);
            out.push(')');
        }
        out.push_str("],[");
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
        out.push_str("],[");
        for (i, path) in self.input_srcs.iter().enumerate() {
            comma(out, i);
            store_path(out, path.base_name());
        }
        out.push_str("],");
        verbatim(out, &self.system);
        out.push(',');
        escaped(out, &self.builder);
        out.push_str(",[");
        for (i, arg) in self.args.iter().enumerate() {
            comma(out, i);
            escaped(out, arg);
        }
        out.push_str("],[");
        for (i, (key, value)) in self.env.iter().enumerate() {
            comma(out, i);
            out.push('(');
            escaped(out, key);
            out.push(',');
            let masked = mode.mask_outputs && self.outputs.contains_key(key);
            escaped(out, if masked { "" } else { value });
            out.push(')');
        }
        out.push_str("])");
    }
}

/// [`crate::STORE_DIR`] with its trailing slash (checked by a test).
const STORE_DIR_SLASH: &str = "/nix/store/";

fn write_output(out: &mut String, output: &DerivationOutput, mask: bool) {
    let path = match output.path() {
        Some(path) if !mask => Some(path.base_name()),
        _ => None,
    };
    match path {
        Some(base) => store_path(out, base),
        None => out.push_str("\"\""),
    }
    out.push_str(",\"");
    match output {
        DerivationOutput::InputAddressed(_) | DerivationOutput::Deferred => out.push_str("\",\"\""),
        DerivationOutput::Fixed { method, hash, .. } => {
            out.push_str(method_prefix(*method));
            out.push_str(hash.algo().name());
            out.push_str("\",\"");
            out.push_str(&hash.to_base16());
            out.push('"');
        }
        DerivationOutput::Floating { method, algo } => {
            out.push_str(method_prefix(*method));
            out.push_str(algo.name());
            out.push_str("\",\"\"");
        }
        DerivationOutput::Impure { method, algo } => {
            out.push_str(method_prefix(*method));
            out.push_str(algo.name());
            out.push_str("\",\"impure\"");
        }
    }
}

fn write_input(out: &mut String, i: usize, key: &str, prefix: &str, outputs: &BTreeSet<String>) {
    comma(out, i);
    out.push_str("(\"");
    out.push_str(prefix);
    out.push_str(key);
    out.push_str("\",[");
    for (j, name) in outputs.iter().enumerate() {
        comma(out, j);
        verbatim(out, name);
    }
    out.push_str("])");
}

fn comma(out: &mut String, index: usize) {
    if index > 0 {
        out.push(',');
    }
}

fn store_path(out: &mut String, base: &str) {
    out.push('"');
    out.push_str(STORE_DIR_SLASH);
    out.push_str(base);
    out.push('"');
}

/// A quoted string without escaping: the reference prints output names, paths, hash
/// fields and the system this way.
fn verbatim(out: &mut String, s: &str) {
    out.push('"');
    out.push_str(s);
    out.push('"');
}

/// The bytes [`escaped`] replaces, looked up by value: most bytes are not, and one load
/// tells so faster than comparisons with each.
const SPECIAL: [bool; 256] = {
    let mut special = [false; 256];
    let mut i = 0;
    while i < 256 {
        special[i] = matches!(i as u8, b'"' | b'\\' | b'\n' | b'\r' | b'\t');
        i += 1;
    }
    special
};

/// A quoted string with `"` `\` newline, CR and tab escaped.
fn escaped(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        if !SPECIAL[usize::from(b)] {
            continue;
        }
        let replacement = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            _ => unreachable!("not special"),
        };
        out.push_str(&s[start..i]);
        out.push_str(replacement);
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
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
