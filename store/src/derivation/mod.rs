//! Derivations: the `Derive(...)` ATerm format, validation, hashDerivationModulo, output paths.
//!
//! A [`Derivation`] is what a `.drv` file holds. [`aterm`] prints it byte-identically to the
//! reference, [`parse`] reads it back, [`hash_modulo`] computes the hash that input-addressed
//! output paths are made from, [`paths`] fills in output paths and the `.drv` path of a new
//! derivation, and [`json`] renders `nix derivation show`.

pub mod aterm;
pub mod hash_modulo;
pub mod json;
mod lexer;
pub mod parse;
pub mod paths;

pub use hash_modulo::{DrvHash, DrvHashes};
pub use parse::{ParseError, ParseErrorKind};

use crate::hash::{Hash, HashAlgo};
use crate::store_path::{FileIngestionMethod, StorePath, StorePathError, check_name};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// The env var holding structured attributes as JSON.
pub const STRUCTURED_ATTRS_VAR: &str = "__json";

/// One output of a derivation, as the ATerm can express it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DerivationOutput {
    /// Input-addressed with its path known: `("out","/nix/store/…","","")`.
    InputAddressed(StorePath),
    /// Fixed-output (content-addressed with a known hash): `("out","<path>","r:sha256","<hex>")`.
    Fixed { method: FileIngestionMethod, hash: Hash, path: StorePath },
    /// Floating content-addressed: the hash algorithm is known, the path is not: `("out","","r:sha256","")`.
    Floating { method: FileIngestionMethod, algo: HashAlgo },
    /// Input-addressed but waiting on floating inputs: `("out","","","")`.
    Deferred,
    /// Impure: `("out","","r:sha256","impure")`.
    Impure { method: FileIngestionMethod, algo: HashAlgo },
}

impl DerivationOutput {
    /// The output's path, when the derivation fixes it.
    pub fn path(&self) -> Option<&StorePath> {
        match self {
            DerivationOutput::InputAddressed(path) | DerivationOutput::Fixed { path, .. } => Some(path),
            _ => None,
        }
    }
}

/// The ATerm prefix of an ingestion method in an output's hash-algorithm field.
pub fn method_prefix(method: FileIngestionMethod) -> &'static str {
    match method {
        FileIngestionMethod::Flat => "",
        FileIngestionMethod::Recursive => "r:",
        FileIngestionMethod::Text => "text:",
    }
}

/// A derivation: the contents of a `.drv` file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Derivation {
    pub outputs: BTreeMap<String, DerivationOutput>,
    /// Input derivations and the outputs used of each.
    pub input_drvs: BTreeMap<StorePath, BTreeSet<String>>,
    pub input_srcs: BTreeSet<StorePath>,
    pub system: String,
    pub builder: String,
    pub args: Vec<String>,
    pub env: BTreeMap<String, String>,
}

/// What kind of derivation the outputs make, as the reference classifies them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DerivationType {
    InputAddressed,
    Deferred,
    Fixed,
    Floating,
    Impure,
}

/// Why a derivation is invalid or its hashes and paths cannot be computed. Messages follow
/// the reference where it has one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DerivationError {
    #[error(transparent)]
    Parse(#[from] ParseError),
    #[error("must have at least one output")]
    NoOutputs,
    #[error("only one fixed output is allowed for now")]
    MultipleFixedOutputs,
    #[error("single fixed output must be named \"out\"")]
    FixedOutputNotOut,
    #[error("all floating outputs must use the same hash type")]
    MixedFloatingAlgos,
    #[error("can't mix derivation output types")]
    MixedOutputTypes,
    #[error("derivation has no 'name' environment variable")]
    MissingName,
    #[error("invalid structured attributes in '__json': {0}")]
    StructuredAttrs(String),
    #[error("invalid derivation name: {0}. Please pass a different 'name'.")]
    InvalidName(StorePathError),
    #[error(transparent)]
    StorePath(#[from] StorePathError),
    #[error("derivation names are allowed to end in '.drv' only if they produce a single derivation file")]
    DrvName,
    #[error("invalid derivation output name '{0}'")]
    InvalidOutputName(String),
    #[error("{source}")]
    OutputPath { output: String, source: StorePathError },
    #[error("derivation has incorrect output '{actual}', should be '{expected}'")]
    IncorrectOutput { actual: String, expected: String },
    #[error("derivation has incorrect environment variable '{name}', should be '{expected}'")]
    IncorrectEnv { name: String, expected: String },
    #[error(
        "derivation has missing environment variable '{name}', should be '{expected}' but is not present"
    )]
    MissingEnv { name: String, expected: String },
    #[error("no hash for output '{output}' of derivation '{drv}'")]
    MissingInputOutput { output: String, drv: String },
    #[error("cannot read derivation '{path}': {reason}")]
    Load { path: String, reason: String },
}

impl Derivation {
    /// Parses `.drv` text (see [`parse`]).
    pub fn parse(text: &str) -> Result<Derivation, ParseError> {
        parse::parse(text)
    }

    /// The derivation's name: its `name` environment variable or, with structured
    /// attributes, the `name` in `__json`.
    pub fn name(&self) -> Result<Cow<'_, str>, DerivationError> {
        if let Some(name) = self.env.get("name") {
            return Ok(Cow::Borrowed(name));
        }
        match self.structured_attrs()?.as_ref().and_then(|attrs| attrs.get("name")) {
            Some(serde_json::Value::String(name)) => Ok(Cow::Owned(name.clone())),
            _ => Err(DerivationError::MissingName),
        }
    }

    /// The structured attributes (the `__json` env var, parsed), if the derivation has them.
    pub fn structured_attrs(
        &self,
    ) -> Result<Option<serde_json::Map<String, serde_json::Value>>, DerivationError> {
        let Some(text) = self.env.get(STRUCTURED_ATTRS_VAR) else {
            return Ok(None);
        };
        match serde_json::from_str(text) {
            Ok(serde_json::Value::Object(attrs)) => Ok(Some(attrs)),
            Ok(_) => Err(DerivationError::StructuredAttrs("it is not a JSON object".into())),
            Err(e) => Err(DerivationError::StructuredAttrs(e.to_string())),
        }
    }

    /// Classifies the outputs with the reference's rules and errors.
    pub fn derivation_type(&self) -> Result<DerivationType, DerivationError> {
        let mut kinds = BTreeSet::new();
        let mut floating_algo = None;
        for output in self.outputs.values() {
            kinds.insert(match output {
                DerivationOutput::InputAddressed(_) => DerivationType::InputAddressed,
                DerivationOutput::Fixed { .. } => DerivationType::Fixed,
                DerivationOutput::Floating { algo, .. } => {
                    if floating_algo.is_some_and(|a| a != *algo) {
                        return Err(DerivationError::MixedFloatingAlgos);
                    }
                    floating_algo = Some(*algo);
                    DerivationType::Floating
                }
                DerivationOutput::Deferred => DerivationType::Deferred,
                DerivationOutput::Impure { .. } => DerivationType::Impure,
            });
        }
        let mut kinds = kinds.into_iter();
        match (kinds.next(), kinds.next()) {
            (None, _) => Err(DerivationError::NoOutputs),
            (Some(_), Some(_)) => Err(DerivationError::MixedOutputTypes),
            (Some(DerivationType::Fixed), None) if self.outputs.len() > 1 => {
                Err(DerivationError::MultipleFixedOutputs)
            }
            (Some(DerivationType::Fixed), None) if !self.outputs.contains_key("out") => {
                Err(DerivationError::FixedOutputNotOut)
            }
            (Some(kind), None) => Ok(kind),
        }
    }

    /// Checks what can be checked without input derivations: the output set and the
    /// name. (An output name that makes an invalid path name fails when its path is
    /// computed, with the path in the message, as in the reference.)
    pub fn validate(&self) -> Result<DerivationType, DerivationError> {
        let kind = self.derivation_type()?;
        let name = self.name()?;
        let name = name.as_ref();
        check_name(name).map_err(DerivationError::InvalidName)?;
        let single_text_output = matches!(
            self.outputs.get("out"),
            Some(DerivationOutput::Fixed { method: FileIngestionMethod::Text, .. })
        );
        if name.ends_with(".drv") && !single_text_output {
            return Err(DerivationError::DrvName);
        }
        for output in self.outputs.keys() {
            if output.is_empty() || output == "drvPath" {
                return Err(DerivationError::InvalidOutputName(output.clone()));
            }
        }
        Ok(kind)
    }
}
