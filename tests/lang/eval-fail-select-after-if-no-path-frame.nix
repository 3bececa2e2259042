# A selection of an if-expression's value: no "while evaluating the attribute" frame for
# the branch's own path.
let x = { bar = 1; }; y = { qux = 2; }; c = true; in (if c then x.bar else y.qux).attr
