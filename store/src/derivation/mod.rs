//! Derivations: the `Derive(...)` ATerm format, validation, hashDerivationModulo, output paths.
