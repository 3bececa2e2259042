{ good = 1; bad = throw "thrown inside lib/throws.nix"; }
