//! Store verification: compares the database with the store directory. Registered paths
//! missing on disk, registered paths whose NAR no longer matches the recorded hash or
//! size, and store entries nobody registered (removable garbage; `.links` is not) are
//! reported; nothing is changed.

use super::LocalStore;
use super::error::{StoreError, io_err};
use super::optimise::LINKS_DIR;
use crate::hash::Hash;
use crate::nar;
use crate::store_path::StorePath;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;

/// How a registered path's contents differ from what was recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Corruption {
    #[error("path was modified! expected hash '{recorded}', got '{actual}'")]
    HashMismatch { recorded: Hash, actual: Hash },
    #[error("path has the recorded hash but a different size: expected {recorded}, got {actual}")]
    SizeMismatch { recorded: u64, actual: u64 },
    #[error("path cannot be serialised: {0}")]
    Unreadable(String),
}

/// What [`LocalStore::verify`] found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    /// Registered as valid but absent from the store directory.
    pub missing: BTreeSet<StorePath>,
    /// Registered and present, but not what was registered (only with `check_contents`).
    pub corrupt: BTreeMap<StorePath, Corruption>,
    /// Names in the store directory that are not registered paths: leftovers of
    /// interrupted adds and other garbage that may be deleted.
    pub unregistered: BTreeSet<String>,
}

impl VerifyReport {
    /// No registered path is missing or corrupt (unregistered garbage is allowed).
    pub fn is_clean(&self) -> bool {
        self.missing.is_empty() && self.corrupt.is_empty()
    }
}

impl LocalStore {
    /// Checks every valid path exists, and with `check_contents` that its NAR hash and
    /// size are still the recorded ones; lists unregistered store entries.
    pub fn verify(&self, check_contents: bool) -> Result<VerifyReport, StoreError> {
        let mut report = VerifyReport::default();
        let valid = self.query_all_valid_paths()?;
        for path in &valid {
            let real = self.real_path(path);
            match fs::symlink_metadata(&real) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    report.missing.insert(path.clone());
                    continue;
                }
                Err(e) => return Err(io_err("cannot read", real)(e)),
                Ok(_) => {}
            }
            if !check_contents {
                continue;
            }
            let info = self.query_path_info(path)?.ok_or_else(|| StoreError::NotValid(path.clone()))?;
            let corruption = match nar::hash_path(&real) {
                Err(e) => Some(Corruption::Unreadable(e.to_string())),
                Ok((actual, _)) if actual != info.nar_hash => {
                    Some(Corruption::HashMismatch { recorded: info.nar_hash, actual })
                }
                Ok((_, actual)) if actual != info.nar_size => {
                    Some(Corruption::SizeMismatch { recorded: info.nar_size, actual })
                }
                Ok(_) => None,
            };
            if let Some(corruption) = corruption {
                report.corrupt.insert(path.clone(), corruption);
            }
        }
        let dir = self.store_dir();
        for entry in fs::read_dir(dir).map_err(io_err("cannot read directory", dir))? {
            let name = entry.map_err(io_err("cannot read directory", dir))?.file_name();
            let name = name.to_string_lossy();
            if name != LINKS_DIR && StorePath::from_base_name(&name).map_or(true, |p| !valid.contains(&p)) {
                report.unregistered.insert(name.into_owned());
            }
        }
        Ok(report)
    }
}
