# The filter is called depth first in name order, and not below rejected directories:
# `skip` is rejected, so the first directory entry it sees is `sub/deep`.
builtins.path {
  path = ./lib/path/tree;
  filter = path: type:
    let base = baseNameOf path; in
    if base == "skip" then false
    else if type == "directory" && base != "sub" then throw "first other directory: ${base}"
    else true;
}
