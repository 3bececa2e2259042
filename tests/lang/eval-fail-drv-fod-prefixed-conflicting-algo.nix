# A type-prefixed hash whose type disagrees with outputHashAlgo.
(derivation {
  name = "a"; system = "x"; builder = "/b";
  outputHashAlgo = "sha512";
  outputHash = "sha256:40c8c5469f953906025db90f6621bd41d33944e585aa4f39a487ebe7a5c69f5f";
}).outPath
