# outputHashMode "git" needs the git-hashing experimental feature.
(derivation {
  name = "a"; system = "x"; builder = "/b";
  outputHashMode = "git";
  outputHashAlgo = "sha1";
  outputHash = "36d6552d2bffe958471bdfab49a6d023b9ad56c8";
}).outPath
