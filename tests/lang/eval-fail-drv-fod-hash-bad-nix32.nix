# A nix32 hash with a letter nix32 does not use (e).
(derivation {
  name = "a"; system = "x"; builder = "/b";
  outputHashAlgo = "sha256";
  outputHash = "0pwzqsjygsw7lhwlzal5wm23kls1plhnc3xrbl10cfcmkx3cbj2e";
}).outPath
