# `big // small` chains: lookups, overrides at every depth, iteration order, sizes,
# equality with a set built in one go, and every builtin that walks a set, across more
# updates than a set keeps as layers.
let
  big = builtins.listToAttrs (builtins.genList (i: { name = "a${toString i}"; value = i; }) 40);
  step = acc: i: acc // { "a${toString (i * 3)}" = -i; "new${toString i}" = i; };
  chain = builtins.foldl' step big (builtins.genList (i: i) 20);
  flat = builtins.listToAttrs (map (name: { inherit name; value = chain.${name}; }) (builtins.attrNames chain));
  shallow = big // { a1 = "one"; } // { a1 = "uno"; zz = 0; } // { a2 = null; };
in
{
  inherit shallow;
  names = builtins.attrNames chain;
  values = builtins.attrValues chain;
  size = builtins.length (builtins.attrNames chain);
  same = chain == flat;
  lookups = [ chain.a0 chain.a3 chain.a57 or "none" chain.a39 chain.new19 (chain ? new20) (chain ? a30) ];
  removed = builtins.attrNames (builtins.removeAttrs chain [ "a0" "new3" "missing" ]);
  inter = builtins.intersectAttrs { a3 = 0; new5 = 0; nope = 0; } chain;
  mapped = builtins.attrValues (builtins.mapAttrs (n: v: "${n}=${toString v}") shallow);
  json = builtins.toJSON shallow;
  defaults = builtins.attrNames ({ a1 = 0; x = 1; } // big) == builtins.attrNames (big // { x = 1; });
  overridden = (shallow // { a1 = "final"; }).a1;
  catted = builtins.catAttrs "a2" [ shallow chain big ];
  functionArgs = builtins.functionArgs ({ a0, a1 ? 1 }: a0) // { extra = true; };
  seqNested = builtins.deepSeq chain (builtins.length (builtins.attrValues chain));
}
