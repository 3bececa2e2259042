# Derivation names may use letters, digits and + - . _ ? = ; they may start with - or .
# (but may not be . or ..), and may contain .drv not at the end. A 207-character name is
# the longest allowed: NAME.drv must fit the 211 characters of a store path name.
let
  mk = name: let d = derivation { inherit name; system = "x"; builder = "/b"; }; in { inherit (d) drvPath outPath; };
in
{
  plus = mk "a+b";
  punct = mk "a-1.0_rc?=x";
  leadingDash = mk "-leading";
  leadingDot = mk ".hidden";
  threeDots = mk "...";
  drvInside = mk "a.drv.x";
  digits = mk "0123456789";
  longest = mk (builtins.concatStringsSep "" (builtins.genList (_: "abcdefghij") 20) + "abcdefg");
}
