//! Realisation of derivations: which derivations must be built for the outputs asked
//! for (`plan`), running their builders up to `-j` at once (`schedule`) in a Linux
//! namespace sandbox (`sandbox`) with the reference's environment (`env`, `attrs`, `export_graph`),
//! keeping their logs (`log`), showing progress (`progress`), and checking and
//! registering what they produced (`outputs`, `checks`). It takes `.drv` files from the store, never expressions.

mod attrs;
mod checks;
mod env;
mod error;
mod export_graph;
mod fetchurl;
mod job;
mod log;
mod options;
mod outputs;
mod plan;
mod progress;
pub mod sandbox;
mod schedule;
pub mod stdenv;

pub use error::BuildError;
pub use log::{log_path, read_log};
pub use options::{BuildOptions, HostPath};
pub use schedule::{Realised, missing, realise};
