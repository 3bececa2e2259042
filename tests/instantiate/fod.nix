# Fixed-output derivations in each mode and with several algorithms, and dependents:
# two FODs differing only by builder have the same output path, and so do their users.
let
  mk = name: attrs: derivation ({ inherit name; system = "x86_64-linux"; builder = "/bin/sh"; } // attrs);
  flat = mk "flat" { outputHashAlgo = "sha256"; outputHash = "40c8c5469f953906025db90f6621bd41d33944e585aa4f39a487ebe7a5c69f5f"; };
  recursive = mk "rec" { outputHashMode = "recursive"; outputHash = "sha256-QMjFRp+VOQYCXbkPZiG9QdM5ROWFqk85pIfr56XGn18="; };
  nar = mk "nar" { outputHashMode = "nar"; outputHashAlgo = "sha256"; outputHash = "0pwzqsjygsw7lhwlzal5wm23kls1plhnc3xrbl10cfcmkx3cbj20"; };
  sha1Rec = mk "sha1-rec" { outputHashMode = "recursive"; outputHashAlgo = "sha1"; outputHash = "NtZVLSv/6VhHG9+rSabQI7mtVsg="; };
  md5 = mk "md5" { outputHash = "md5-QFiviTmIP2d1FQJLRV4pbQ=="; };
  sha512 = mk "sha512" { outputHash = "sha512:1504590b6fb34bf2f327e80fb311d4032b31780fa7edc1f4577a2ce1b0fb92909e32f25076a4480d87d3b48830ad9b0e89f64c3ccf73665ac97d54b27d997053"; };
  fetchWith = builder: mk "fetched" {
    inherit builder;
    outputHashMode = "recursive";
    outputHash = "sha256-QMjFRp+VOQYCXbkPZiG9QdM5ROWFqk85pIfr56XGn18=";
  };
  user = f: mk "user" { src = f; };
in
[ flat recursive nar sha1Rec md5 sha512 (user (fetchWith "/bin/curl")) (user (fetchWith "/bin/wget")) ]
