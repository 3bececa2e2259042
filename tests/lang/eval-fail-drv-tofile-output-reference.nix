# toFile contents may not refer to a derivation output.
let
  d = derivation { name = "a"; system = "x"; builder = "/b"; outputs = [ "out" "dev" ]; };
in
builtins.toFile "ref.txt" "uses ${d.dev}/include"
