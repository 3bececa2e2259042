//! Builtins: toml (being written).

use super::PrimOpDef;

pub const PRIMOPS: &[PrimOpDef] = &[];
