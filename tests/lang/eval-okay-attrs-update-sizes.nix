let
  big = builtins.listToAttrs (builtins.genList (i: { name = "k${toString (i * 3)}"; value = i; }) 50);
  small = { k3 = "x"; k4 = "y"; k0 = "z"; k147 = "w"; k200 = "v"; a = 1; };
  check = l: r: let m = l // r; in builtins.attrNames m == builtins.sort builtins.lessThan (builtins.attrNames l ++ builtins.filter (n: !(l ? ${n})) (builtins.attrNames r)) && builtins.all (n: m.${n} == (if r ? ${n} then r.${n} else l.${n})) (builtins.attrNames m);
in [ (check big small) (check small big) (check big {}) (check {} small) (big // small).k3 (small // big).k3 (builtins.length (builtins.attrNames (big // small))) ]
