# builtins.NAME resolves to the builtin without a run-time lookup when builtins is the
# global; shadowed builtins, hidden names and with scopes behave as before.
let t = builtins.tryEval; in {
  a = builtins.bitAnd 6 3;
  b = (builtins.map (x: x + 1) [1]);
  c = builtins.true;
  d = builtins.currentSystem;
  e = builtins.builtins.length [1 2];
  f = builtins ? bitAnd;
  g = t (builtins.__bitAnd or "none");
  h = let builtins = { bitAnd = "shadowed"; }; in builtins.bitAnd;
  i = with { builtins = 1; }; builtins.length [ ];
  j = builtins.nixPath;

}
