//! What the store records about a valid path ([`PathInfo`]), and the reference's text
//! form of content addresses.

use crate::hash::{Hash, HashAlgo};
use crate::store_path::{FileIngestionMethod, StorePath, StorePathError, make_text_path};
use std::collections::BTreeSet;

/// Metadata of a valid store path, as in the reference's ValidPaths and Refs tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathInfo {
    pub path: StorePath,
    /// sha256 of the path's NAR serialisation.
    pub nar_hash: Hash,
    pub nar_size: u64,
    pub references: BTreeSet<StorePath>,
    pub deriver: Option<StorePath>,
    /// Seconds since the epoch; 0 when registering means "now".
    pub registration_time: i64,
    /// Built locally (not substituted).
    pub ultimate: bool,
    pub sigs: BTreeSet<String>,
    /// Content address in text form (`fixed:r:sha256:<nix32>`, `text:sha256:<nix32>`).
    pub ca: Option<String>,
}

impl PathInfo {
    /// Info with no references, deriver, signatures or content address, registered "now".
    pub fn new(path: StorePath, nar_hash: Hash, nar_size: u64) -> PathInfo {
        PathInfo {
            path,
            nar_hash,
            nar_size,
            references: BTreeSet::new(),
            deriver: None,
            registration_time: 0,
            ultimate: false,
            sigs: BTreeSet::new(),
            ca: None,
        }
    }
}

/// The content address of an object hashed with `method`, as the reference writes it
/// into ValidPaths.ca: `text:<algo>:<nix32>`, `fixed:r:<algo>:<nix32>`, `fixed:<algo>:<nix32>`.
pub fn content_address(method: FileIngestionMethod, hash: &Hash) -> String {
    let prefix = match method {
        FileIngestionMethod::Text => "text:",
        FileIngestionMethod::Recursive => "fixed:r:",
        FileIngestionMethod::Flat => "fixed:",
    };
    format!("{prefix}{}:{}", hash.algo(), hash.to_nix32())
}

/// What a text object (`toFile`, a `.drv` file) is registered with: its path from the
/// sha256 of `text`, its NAR hash and size (computed from the bytes), its references
/// and its content address.
pub(crate) fn text_info(
    name: &str,
    text: &str,
    references: &BTreeSet<StorePath>,
) -> Result<PathInfo, StorePathError> {
    let hash = Hash::digest(HashAlgo::Sha256, text);
    let (nar_hash, nar_size) = crate::nar::hash_regular(text.as_bytes(), false);
    let mut info = PathInfo::new(make_text_path(name, &hash, references)?, nar_hash, nar_size);
    info.references = references.clone();
    info.ca = Some(content_address(FileIngestionMethod::Text, &hash));
    Ok(info)
}
