//! Realisation of derivations (step 4 of the plan in ARCHITECTURE.md): scheduling, the
//! sandbox, output registration. Nothing is implemented here yet.
