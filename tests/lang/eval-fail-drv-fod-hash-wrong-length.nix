# A hash too short for its algorithm.
(derivation { name = "a"; system = "x"; builder = "/b"; outputHashAlgo = "sha256"; outputHash = "40c8c5469f95"; }).outPath
