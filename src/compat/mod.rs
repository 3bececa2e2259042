//! Drop-in personalities: when invoked as `nix-store`, `nix-hash` or `nix-instantiate` (through a symlink,
//! or as `ferrix nix-store ...`), Ferrix takes the reference's command-line syntax.

pub mod args;
pub mod nix_hash;
pub mod nix_instantiate;
pub mod nix_store;
