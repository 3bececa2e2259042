//! Drop-in personalities: when invoked as `nix-store`, `nix-hash`, `nix-instantiate` or `nix-build` (through a symlink,
//! or as `ferrix nix-store ...`), Ferrix takes the reference's command-line syntax.

pub mod args;
pub mod build_flags;
pub mod expr_flags;
pub mod nix_build;
pub mod nix_hash;
pub mod nix_instantiate;
pub mod nix_store;
