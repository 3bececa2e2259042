# One sha256 written every way outputHash accepts it: the output path depends only on
# the hash, so it is the same; the .drv keeps the attribute as written, so drvPath differs.
let
  mk = attrs: derivation ({ name = "fod-formats"; system = "x"; builder = "/b"; } // attrs);
  p = d: { inherit (d) drvPath outPath; };
  base16 = mk { outputHashAlgo = "sha256"; outputHash = "40c8c5469f953906025db90f6621bd41d33944e585aa4f39a487ebe7a5c69f5f"; };
  nix32 = mk { outputHashAlgo = "sha256"; outputHash = "0pwzqsjygsw7lhwlzal5wm23kls1plhnc3xrbl10cfcmkx3cbj20"; };
  base64 = mk { outputHashAlgo = "sha256"; outputHash = "QMjFRp+VOQYCXbkPZiG9QdM5ROWFqk85pIfr56XGn18="; };
  sri = mk { outputHash = "sha256-QMjFRp+VOQYCXbkPZiG9QdM5ROWFqk85pIfr56XGn18="; };
  sriWithAlgo = mk { outputHashAlgo = "sha256"; outputHash = "sha256-QMjFRp+VOQYCXbkPZiG9QdM5ROWFqk85pIfr56XGn18="; };
  sriNullAlgo = mk { outputHashAlgo = null; outputHash = "sha256-QMjFRp+VOQYCXbkPZiG9QdM5ROWFqk85pIfr56XGn18="; };
  sriEmptyAlgo = mk { outputHashAlgo = ""; outputHash = "sha256-QMjFRp+VOQYCXbkPZiG9QdM5ROWFqk85pIfr56XGn18="; };
  prefixed = mk { outputHash = "sha256:40c8c5469f953906025db90f6621bd41d33944e585aa4f39a487ebe7a5c69f5f"; };
  prefixedNix32 = mk { outputHash = "sha256:0pwzqsjygsw7lhwlzal5wm23kls1plhnc3xrbl10cfcmkx3cbj20"; };
  upper = mk { outputHashAlgo = "sha256"; outputHash = "40C8C5469F953906025DB90F6621BD41D33944E585AA4F39A487EBE7A5C69F5F"; };
  all = [ base16 nix32 base64 sri sriWithAlgo sriNullAlgo sriEmptyAlgo prefixed prefixedNix32 upper ];
in
{
  base16 = p base16;
  nix32 = p nix32;
  base64 = p base64;
  sri = p sri;
  sriWithAlgo = p sriWithAlgo;
  sriNullAlgo = p sriNullAlgo;
  sriEmptyAlgo = p sriEmptyAlgo;
  prefixed = p prefixed;
  prefixedNix32 = p prefixedNix32;
  upper = p upper;
  sameOut = builtins.all (d: d.outPath == base16.outPath) all;
  distinctDrvs = builtins.length (builtins.attrNames (builtins.listToAttrs (map (d: { name = builtins.unsafeDiscardStringContext d.drvPath; value = 1; }) all)));
}
