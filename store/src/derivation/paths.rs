//! Output paths and the `.drv` path of a derivation, computed as `derivationStrict` does
//! once the environment is built, and checked as the reference checks a `.drv` it adds.

use super::hash_modulo::Modulo;
use super::{Derivation, DerivationError, DerivationOutput, DerivationType, DrvHashes};
use crate::hash::{Hash, HashAlgo};
use crate::store_path::{
    FileIngestionMethod, StorePath, make_fixed_output_path, make_output_path, make_text_path,
    output_path_name,
};
use std::collections::BTreeSet;

impl DerivationOutput {
    /// The fixed output `out` of a derivation named `drv_name`, with its path.
    pub fn fixed(
        drv_name: &str,
        method: FileIngestionMethod,
        hash: Hash,
    ) -> Result<DerivationOutput, DerivationError> {
        let path = fixed_output_path(drv_name, "out", method, &hash)?;
        Ok(DerivationOutput::Fixed { method, hash, path })
    }
}

fn fixed_output_path(
    drv_name: &str,
    output: &str,
    method: FileIngestionMethod,
    hash: &Hash,
) -> Result<StorePath, DerivationError> {
    make_fixed_output_path(&output_path_name(drv_name, output), method, hash, &BTreeSet::new(), false)
        .map_err(|source| DerivationError::OutputPath { output: output.to_owned(), source })
}

impl Derivation {
    /// Computes the output paths and sets the output env vars: fixed outputs from their
    /// hash, input-addressed (or deferred) outputs from the masked modulo hash, which
    /// needs the input derivations' hashes (from `hashes`, else read with `load`).
    /// Outputs stay deferred when an input is; floating and impure outputs have no path.
    pub fn fill_output_paths(
        &mut self,
        hashes: &mut DrvHashes,
        load: &mut impl FnMut(&StorePath) -> Result<Derivation, DerivationError>,
    ) -> Result<(), DerivationError> {
        self.fill(hashes, load).map(drop)
    }

    /// [`Derivation::fill_output_paths`], giving what the modulo hash was computed from
    /// when it was needed.
    pub(super) fn fill(
        &mut self,
        hashes: &mut DrvHashes,
        load: &mut impl FnMut(&StorePath) -> Result<Derivation, DerivationError>,
    ) -> Result<Option<Modulo>, DerivationError> {
        let kind = self.validate()?;
        let name = self.name()?.into_owned();
        match kind {
            DerivationType::Fixed => {
                for (output, out) in &mut self.outputs {
                    if let DerivationOutput::Fixed { method, hash, path } = out {
                        *path = fixed_output_path(&name, output, *method, hash)?;
                        self.env.insert(output.clone(), path.to_absolute());
                    }
                }
            }
            DerivationType::InputAddressed | DerivationType::Deferred => {
                for output in self.outputs.keys() {
                    self.env.entry(output.clone()).or_default();
                }
                let modulo = hashes.modulo(self, load)?;
                let masked = modulo.hash(self, true);
                for (output, hash) in &masked.hashes {
                    let filled = if masked.deferred {
                        DerivationOutput::Deferred
                    } else {
                        let path = make_output_path(output, hash, &name).map_err(|source| {
                            DerivationError::OutputPath { output: output.clone(), source }
                        })?;
                        self.env.insert(output.clone(), path.to_absolute());
                        DerivationOutput::InputAddressed(path)
                    };
                    self.outputs.insert(output.clone(), filled);
                }
                return Ok(Some(modulo));
            }
            DerivationType::Floating | DerivationType::Impure => {}
        }
        Ok(None)
    }

    /// The `.drv` path: a text path named `<name>.drv` of the ATerm, referring to the
    /// input sources and input derivations.
    pub fn drv_path(&self) -> Result<StorePath, DerivationError> {
        self.drv_path_of(&self.to_aterm())
    }

    /// The `.drv` path, given the derivation's ATerm text (`to_aterm`).
    pub fn drv_path_of(&self, aterm: &str) -> Result<StorePath, DerivationError> {
        let name = format!("{}.drv", self.name()?);
        let references: BTreeSet<&StorePath> = self.input_srcs.iter().chain(self.input_drvs.keys()).collect();
        Ok(make_text_path(&name, &Hash::digest(HashAlgo::Sha256, aterm), references)?)
    }

    /// Checks that the output paths and output env vars are the ones the derivation
    /// determines, with the reference's messages.
    pub fn check_output_paths(
        &self,
        hashes: &mut DrvHashes,
        load: &mut impl FnMut(&StorePath) -> Result<Derivation, DerivationError>,
    ) -> Result<(), DerivationError> {
        let mut expected = self.clone();
        expected.fill_output_paths(hashes, load)?;
        for (name, output) in &self.outputs {
            let Some(want) = expected.outputs.get(name).and_then(DerivationOutput::path) else {
                continue;
            };
            match output.path() {
                Some(actual) if actual == want => {}
                actual => {
                    return Err(DerivationError::IncorrectOutput {
                        actual: actual.map(StorePath::to_string).unwrap_or_default(),
                        expected: want.to_string(),
                    });
                }
            }
            let want = want.to_string();
            match self.env.get(name) {
                None => return Err(DerivationError::MissingEnv { name: name.clone(), expected: want }),
                Some(value) if *value != want => {
                    return Err(DerivationError::IncorrectEnv { name: name.clone(), expected: want });
                }
                Some(_) => {}
            }
        }
        Ok(())
    }
}
