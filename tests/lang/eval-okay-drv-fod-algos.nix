# Fixed-output derivations with each hash algorithm, flat and recursive ("nar" is a
# synonym of "recursive"). recursive+sha256 is the one case whose path is computed like
# a source's.
let
  mk = attrs: (derivation ({ name = "fod-algo"; system = "x"; builder = "/b"; } // attrs)).outPath;
  md5 = "4058af8939883f677515024b455e296d";
  sha1 = "36d6552d2bffe958471bdfab49a6d023b9ad56c8";
  sha256 = "40c8c5469f953906025db90f6621bd41d33944e585aa4f39a487ebe7a5c69f5f";
  sha512 = "1504590b6fb34bf2f327e80fb311d4032b31780fa7edc1f4577a2ce1b0fb92909e32f25076a4480d87d3b48830ad9b0e89f64c3ccf73665ac97d54b27d997053";
in
{
  md5Flat = mk { outputHashAlgo = "md5"; outputHash = md5; };
  md5Sri = mk { outputHash = "md5-QFiviTmIP2d1FQJLRV4pbQ=="; };
  md5Nix32 = mk { outputHashAlgo = "md5"; outputHash = "3d55g4ajq22msnfgw8764syn20"; };
  md5Rec = mk { outputHashAlgo = "md5"; outputHash = md5; outputHashMode = "recursive"; };
  sha1Flat = mk { outputHashAlgo = "sha1"; outputHash = sha1; };
  sha1Base64 = mk { outputHashAlgo = "sha1"; outputHash = "NtZVLSv/6VhHG9+rSabQI7mtVsg="; };
  sha1Nix32 = mk { outputHashAlgo = "sha1"; outputHash = "r1bavf93s2k4kayz3d3misgz5cnmbmin"; };
  sha1Rec = mk { outputHashAlgo = "sha1"; outputHash = sha1; outputHashMode = "recursive"; };
  sha256Flat = mk { outputHashAlgo = "sha256"; outputHash = sha256; };
  sha256FlatExplicit = mk { outputHashAlgo = "sha256"; outputHash = sha256; outputHashMode = "flat"; };
  sha256Rec = mk { outputHashAlgo = "sha256"; outputHash = sha256; outputHashMode = "recursive"; };
  sha256Nar = mk { outputHashAlgo = "sha256"; outputHash = sha256; outputHashMode = "nar"; };
  sha512Flat = mk { outputHashAlgo = "sha512"; outputHash = sha512; };
  sha512Sri = mk { outputHash = "sha512-FQRZC2+zS/LzJ+gPsxHUAysxeA+n7cH0V3os4bD7kpCeMvJQdqRIDYfTtIgwrZsOifZMPM9zZlrJfVSyfZlwUw=="; };
  sha512Nix32 = mk { outputHashAlgo = "sha512"; outputHash = "19p16bxn9a7vjascrrwyg2cys4hx6xd624b9lw71m4a8xjhy8r9x44jzfqf2b3sazsc3vd71xw32aq3sh8v63z84zrz4jxkdw5mj10m"; };
  sha512Rec = mk { outputHashAlgo = "sha512"; outputHash = sha512; outputHashMode = "recursive"; };
  # an empty outputHash with an explicit algorithm stands for the all-zero hash (with a warning)
  emptySha256 = mk { outputHashAlgo = "sha256"; outputHash = ""; };
  zeroSri = mk { outputHash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="; };
  # outputHashAlgo is not looked at when the hash is SRI and the algo is not known
  sriUnknownAlgo = mk { outputHashAlgo = "sha257"; outputHash = "sha256-QMjFRp+VOQYCXbkPZiG9QdM5ROWFqk85pIfr56XGn18="; };
  # the name shows up in the path
  otherName = (derivation { name = "other-name"; system = "x"; builder = "/b"; outputHashAlgo = "sha256"; outputHash = sha256; }).outPath;
}
