# An unknown outputHashAlgo with a hash that does not name its type.
(derivation {
  name = "a"; system = "x"; builder = "/b";
  outputHashAlgo = "sha257";
  outputHash = "40c8c5469f953906025db90f6621bd41d33944e585aa4f39a487ebe7a5c69f5f";
}).outPath
