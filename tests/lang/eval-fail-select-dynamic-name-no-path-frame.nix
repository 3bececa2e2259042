# A dynamic attribute name computed by a path of its own: no frame naming a path.
let x = { }; a = { b = "n"; }; in x.${a.b}
