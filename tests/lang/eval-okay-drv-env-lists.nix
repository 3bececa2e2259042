# Lists are joined with spaces; nested lists are flattened; null and false are empty
# items (still separated), true is "1", floats print as toString does.
let
  mk = v: (derivation { name = "env-list"; system = "x"; builder = "/b"; inherit v; }).drvPath;
in
{
  empty = mk [ ];
  simple = mk [ "a" "b" "c" ];
  nested = mk [ "a" [ "b" [ "c" ] ] [ ] "d" ];
  mixed = mk [ 1 (-2) 1.5 true false null "s" ];
  nulls = mk [ null null ];
  simpleIsJoined = mk [ "a" "b" "c" ] == mk "a b c";
  nestedIsFlat = mk [ "a" [ "b" [ "c" ] ] [ ] "d" ] == mk "a b c d";
  mixedIs = mk [ 1 (-2) 1.5 true false null "s" ] == mk "1 -2 1.500000 1   s";
  nullsAre = mk [ null null ] == mk " ";
  emptyIs = mk [ ] == mk "";
}
