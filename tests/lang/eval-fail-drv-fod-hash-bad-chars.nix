# A base16 hash with a character that is not a hex digit.
(derivation {
  name = "a"; system = "x"; builder = "/b";
  outputHashAlgo = "sha256";
  outputHash = "40c8c5469f953906025db90f6621bd41d33944e585aa4f39a487ebe7a5c69f5g";
}).outPath
