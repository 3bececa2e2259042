# The argument is a big set with a small override (a layered set): the unexpected
# name reported is still the first in the reference's order.
let big = builtins.listToAttrs (builtins.genList (i: { name = "n${toString i}"; value = i; }) 20);
in ({ a, n3 }: a) (big // { a = 1; })
