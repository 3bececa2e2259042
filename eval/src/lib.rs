//! The Nix-language evaluator (step 2 of the plan in ARCHITECTURE.md): parser front end,
//! compiler, lazy VM, builtins and printing. Nothing is implemented here yet.
