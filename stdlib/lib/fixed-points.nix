# lib.fixedPoints: fixed points of functions and overlays ("extensions").
{ lib }:
rec {
  fix =
    f:
    let
      x = f x;
    in
    x;
  # As fix, the function kept in the result's __unfix__.
  fix' =
    f:
    let
      x = f x // {
        __unfix__ = f;
      };
    in
    x;
  # Applies f until the value stops changing.
  converge =
    f: x:
    let
      next = f x;
    in
    if next == x then x else converge f next;

  # The overlay `final: prev: ...` applied on top of the function `f`.
  extends =
    overlay: f: final:
    let
      prev = f final;
    in
    prev // overlay final prev;
  composeExtensions =
    f: g: final: prev:
    let
      fromF = f final prev;
    in
    fromF // g final (prev // fromF);
  composeManyExtensions = lib.lists.foldr composeExtensions (_: _: { });

  makeExtensible = makeExtensibleWithCustomName "extend";
  makeExtensibleWithCustomName =
    extenderName: rattrs:
    fix' (
      self:
      rattrs self
      // {
        ${extenderName} = overlay: makeExtensibleWithCustomName extenderName (extends overlay rattrs);
      }
    );

  # An overlay from an overlay, a function of `prev` only, or a set.
  toExtension =
    f:
    if lib.trivial.isFunction f then
      final: prev:
      let
        fPrev = f prev;
      in
      if lib.trivial.isFunction fPrev then f final prev else fPrev
    else
      _: _: f;
}
