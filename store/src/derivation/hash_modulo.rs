//! hashDerivationModulo: the hash of a derivation with its input derivations replaced by
//! their own modulo hashes, so that derivations differing only in how a fixed output is
//! fetched give the same output paths. [`DrvHashes`] memoises it per `.drv` path.

use super::aterm::{ModuloInputs, PrintMode};
use super::{Derivation, DerivationError, DerivationOutput, DerivationType, method_prefix};
use crate::hash::{Hash, HashAlgo};
use crate::store_path::StorePath;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

/// The modulo hash of a derivation, per output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrvHash {
    /// (Output name, hash), sorted by name (a vector: a map costs a kilobyte, and
    /// every derivation of an evaluation keeps one). Fixed outputs hash their content
    /// address; every output of any other derivation has the same hash, that of the
    /// whole derivation.
    pub hashes: Vec<(String, Hash)>,
    /// True when the output paths cannot be known before building (floating or impure
    /// outputs here or in an input).
    pub deferred: bool,
}

impl DrvHash {
    /// The hash of output `output`.
    pub fn hash(&self, output: &str) -> Option<&Hash> {
        self.hashes.iter().find(|(name, _)| name == output).map(|(_, hash)| hash)
    }
}

/// Memoised modulo hashes by `.drv` path, reusable across many derivations.
#[derive(Debug, Default)]
pub struct DrvHashes {
    memo: HashMap<StorePath, Arc<DrvHash>>,
}

impl DrvHashes {
    pub fn new() -> DrvHashes {
        DrvHashes::default()
    }

    /// The memoised hash of a `.drv` path, if computed.
    pub fn get(&self, drv_path: &StorePath) -> Option<&DrvHash> {
        self.memo.get(drv_path).map(Arc::as_ref)
    }

    /// Computes and memoises the (unmasked) modulo hash of a derivation known to live at
    /// `drv_path`, so derivations depending on it need not load it.
    pub fn record(
        &mut self,
        drv_path: &StorePath,
        drv: &Derivation,
        load: &mut impl FnMut(&StorePath) -> Result<Derivation, DerivationError>,
    ) -> Result<Arc<DrvHash>, DerivationError> {
        if let Some(hash) = self.memo.get(drv_path) {
            return Ok(Arc::clone(hash));
        }
        let hash = Arc::new(self.hash_modulo(drv, false, load)?);
        self.memo.insert(drv_path.clone(), Arc::clone(&hash));
        Ok(hash)
    }

    /// Fills in the output paths of a new derivation (as
    /// [`Derivation::fill_output_paths`]) and memoises its (unmasked) modulo hash under
    /// its `.drv` path, replacing the input derivations once for both hashes. Gives the
    /// `.drv` path and the ATerm ([`Derivation::to_aterm`]).
    pub fn add(
        &mut self,
        drv: &mut Derivation,
        load: &mut impl FnMut(&StorePath) -> Result<Derivation, DerivationError>,
    ) -> Result<(StorePath, String), DerivationError> {
        let modulo = drv.fill(self, load)?;
        let aterm = drv.to_aterm();
        let drv_path = drv.drv_path_of(&aterm)?;
        if !self.memo.contains_key(&drv_path) {
            let modulo = match modulo {
                Some(modulo) => modulo,
                None => self.modulo(drv, load)?,
            };
            self.memo.insert(drv_path.clone(), Arc::new(modulo.hash(drv, false)));
        }
        Ok((drv_path, aterm))
    }

    /// hashDerivationModulo. Input derivations not memoised yet are read with `load`
    /// (and memoised). `mask_outputs` blanks output paths and output env vars, as when
    /// computing the derivation's own output paths.
    pub fn hash_modulo(
        &mut self,
        drv: &Derivation,
        mask_outputs: bool,
        load: &mut impl FnMut(&StorePath) -> Result<Derivation, DerivationError>,
    ) -> Result<DrvHash, DerivationError> {
        Ok(self.modulo(drv, load)?.hash(drv, mask_outputs))
    }

    /// What the modulo hashes of `drv` are made from (see [`DrvHashes::hash_modulo`]).
    pub(super) fn modulo(
        &mut self,
        drv: &Derivation,
        load: &mut impl FnMut(&StorePath) -> Result<Derivation, DerivationError>,
    ) -> Result<Modulo, DerivationError> {
        let deferred = match drv.derivation_type()? {
            DerivationType::Fixed => return Ok(Modulo::Known(fixed_hashes(drv))),
            DerivationType::Impure => {
                let hash = Hash::digest(HashAlgo::Sha256, "impure");
                return Ok(Modulo::Known(DrvHash { hashes: same_for_all(drv, hash), deferred: true }));
            }
            DerivationType::Floating => true,
            DerivationType::InputAddressed | DerivationType::Deferred => false,
        };
        let mut inputs = ModuloInputs::new();
        let mut inputs_deferred = false;
        for (path, outputs) in &drv.input_drvs {
            let input = self.ensure(path, load)?;
            inputs_deferred |= input.deferred;
            for output in outputs {
                let hash = input.hash(output).ok_or_else(|| DerivationError::MissingInputOutput {
                    output: output.clone(),
                    drv: drv.name().map(Cow::into_owned).unwrap_or_default(),
                })?;
                inputs.entry(hash.to_base16()).or_default().insert(output.clone());
            }
        }
        Ok(Modulo::Inputs { inputs, deferred: deferred || inputs_deferred })
    }

    /// The memoised hash of `path`, loading and hashing it first when needed.
    fn ensure(
        &mut self,
        path: &StorePath,
        load: &mut impl FnMut(&StorePath) -> Result<Derivation, DerivationError>,
    ) -> Result<Arc<DrvHash>, DerivationError> {
        if let Some(hash) = self.memo.get(path) {
            return Ok(Arc::clone(hash));
        }
        let drv = load(path)?;
        self.record(path, &drv, load)
    }
}

/// A derivation's modulo hash, or what it is computed from: the input derivations
/// replaced by their modulo hashes, the same for the masked and the unmasked hash.
pub(super) enum Modulo {
    /// Fixed or impure: the hashes do not depend on the inputs (nor on masking).
    Known(DrvHash),
    /// The inputs to print, and whether the outputs are deferred.
    Inputs { inputs: ModuloInputs, deferred: bool },
}

impl Modulo {
    /// The modulo hash of `drv` (from which this was computed); `mask_outputs` as in
    /// [`DrvHashes::hash_modulo`].
    pub(super) fn hash(&self, drv: &Derivation, mask_outputs: bool) -> DrvHash {
        match self {
            Modulo::Known(hash) => hash.clone(),
            Modulo::Inputs { inputs, deferred } => {
                let hash = drv.aterm_hash(PrintMode { mask_outputs, inputs: Some(inputs) });
                DrvHash { hashes: same_for_all(drv, hash), deferred: *deferred }
            }
        }
    }
}

fn same_for_all(drv: &Derivation, hash: Hash) -> Vec<(String, Hash)> {
    drv.outputs.keys().map(|name| (name.clone(), hash)).collect()
}

/// sha256("fixed:out:<method><algo>:<hex>:<path>") per output.
fn fixed_hashes(drv: &Derivation) -> DrvHash {
    let hashes = drv
        .outputs
        .iter()
        .filter_map(|(name, output)| match output {
            DerivationOutput::Fixed { method, hash, path } => {
                let fingerprint = format!(
                    "fixed:out:{}{}:{}:{path}",
                    method_prefix(*method),
                    hash.algo(),
                    hash.to_base16()
                );
                Some((name.clone(), Hash::digest(HashAlgo::Sha256, fingerprint)))
            }
            _ => None,
        })
        .collect();
    DrvHash { hashes, deferred: false }
}
