toString { __toString = "not a function"; }
