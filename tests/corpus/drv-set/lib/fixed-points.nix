# Fixed points and extensions, as in nixpkgs' lib.fixedPoints (written afresh).
{ lib }:
rec {
  # The least fixed point of f: f applied to its own result.
  fix = f: let x = f x; in x;

  # fix', but the result also carries `__unfix__` (the function it is a fixed point of).
  fix' = f: let x = f x // { __unfix__ = f; }; in x;

  # Extends the function f (self -> attrs) with the overlay (self -> super -> attrs).
  extends = overlay: f: self:
    let super = f self;
    in super // overlay self super;

  # Composes two overlays into one: g sees the result of f as its super.
  composeExtensions = f: g: self: super:
    let
      fApplied = f self super;
      super' = super // fApplied;
    in fApplied // g self super';

  # Composes a list of overlays, left to right.
  composeManyExtensions = lib.foldr (x: y: composeExtensions x y) (self: super: { });

  # An attribute set built as a fixed point of rattrs with an `extend` function that
  # returns a new set with one more overlay.
  makeExtensible = makeExtensibleWithCustomName "extend";

  makeExtensibleWithCustomName = extenderName: rattrs:
    fix' (self: rattrs self // {
      ${extenderName} = f: makeExtensibleWithCustomName extenderName (extends f rattrs);
    });

  # Converts a function of an attribute set to an overlay-shaped function on `final`.
  toExtension = f:
    if builtins.isFunction f then
      final: prev:
        let fPrev = f prev;
        in if builtins.isFunction fPrev then f final prev else fPrev
    else final: prev: f;
}
