# lib.asserts: assertions with messages.
{ lib }:
let
  pretty = lib.generators.toPretty { };
in
rec {
  # true, or the error `msg`.
  assertMsg = pred: msg: pred || throw msg;
  assertOneOf =
    name: val: xs:
    assertMsg (builtins.elem val xs) "${name} must be one of ${pretty xs}, but is: ${pretty val}";
  assertEachOneOf =
    name: vals: xs:
    assertMsg (builtins.all (v: builtins.elem v xs) vals)
      "each element in ${name} must be one of ${pretty xs}, but is: ${pretty vals}";
}
