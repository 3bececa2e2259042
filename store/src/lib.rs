//! Ferrix's store layer: the formats Nix stores are made of (hashes, nixbase32, store
//! paths, NAR archives, `.drv` derivations, reference scanning) and the local store
//! (SQLite database, registration, queries, verification).
//!
//! Pure formats know nothing of the file system state of a store; [`local`] does.

pub mod content;
pub mod derivation;
pub mod hash;
pub mod local;
pub mod nar;
pub mod nixbase32;
pub mod references;
pub mod store_path;
pub mod topo;
pub mod url;

pub use hash::{Hash, HashAlgo, HashEncoding, HashError, Hasher};
pub use store_path::{STORE_DIR, StorePath, StorePathError};
