let or_ = 1; if' = 2; in_ = 3; then-else = 4; in [ or_ if' in_ then-else ]
