//! NAR (Nix ARchive): streaming serialisation of a file tree, and a strict reader that restores one.
