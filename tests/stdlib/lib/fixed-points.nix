# lib.fixedPoints. Each `# nixpkgs:` comment is the result nixpkgs' documentation gives.
let
  lib = import ../../../stdlib/lib;
  base = final: {
    a = 1;
    b = final.a + 3;
  };
  overlay = final: prev: { a = prev.a + 10; };
in
{
  fix = lib.fix (self: { foo = "foo"; bar = "bar"; foobar = self.foo + self.bar; });
  # nixpkgs: { bar = "bar"; foo = "foo"; foobar = "foobar"; }
  fix' = builtins.removeAttrs (lib.fix' (self: { a = 1; b = self.a + 1; })) [ "__unfix__" ];
  fix'Unfix = (lib.fix' (self: { a = 1; })).__unfix__ { } ? a;
  converge = lib.converge (x: if x > 10 then x else x * 2) 1;
  extends = lib.fix (lib.extends overlay base); # nixpkgs (same shape): { a = 11; b = 14; }
  extendsDoc = lib.fix (lib.extends (final: prev: { b = prev.a + 5; }) (final: { a = 1; })); # nixpkgs-like: { a = 1; b = 6; }
  composeExtensions = lib.fix (
    lib.extends (lib.composeExtensions overlay (final: prev: { c = prev.a * 2; })) base
  );
  composeManyExtensions = lib.fix (
    lib.extends (lib.composeManyExtensions [
      overlay
      overlay
      (final: prev: { d = final.a; })
    ]) base
  );
  composeManyNone = lib.fix (lib.extends (lib.composeManyExtensions [ ]) base);
  makeExtensible =
    let
      obj = lib.makeExtensible (self: { foo = "foo"; bar = "bar"; foobar = self.foo + self.bar; });
      ext = obj.extend (final: prev: { foo = prev.foo + " + "; });
    in
    {
      inherit (obj) foobar;
      extended = ext.foobar; # nixpkgs: "foo + bar"
      twice = (ext.extend (final: prev: { bar = "baz"; })).foobar;
    };
  makeExtensibleWithCustomName =
    let
      obj = lib.makeExtensibleWithCustomName "grow" (self: { x = 1; y = self.x * 2; });
    in
    (obj.grow (final: prev: { x = 5; })).y;
  toExtension = [
    (lib.fix (lib.extends (lib.toExtension { a = 5; }) base))
    (lib.fix (lib.extends (lib.toExtension (prev: { a = prev.a + 1; })) base))
    (lib.fix (lib.extends (lib.toExtension overlay) base))
  ];
  # nixpkgs: set → its attributes; function of prev → applied to prev; overlay → as is
}
