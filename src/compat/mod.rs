//! Drop-in personalities: when invoked as `nix-store` or `nix-hash` (through a symlink,
//! or as `ferrix nix-store ...`), Ferrix takes the reference's command-line syntax.

pub mod args;
pub mod nix_hash;
pub mod nix_store;
