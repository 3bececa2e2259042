//! Builtins: json (being written).

use super::PrimOpDef;

pub const PRIMOPS: &[PrimOpDef] = &[];
