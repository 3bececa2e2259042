# The corpus package set: a fixed point of `base` extended by the overlays, with
# callPackage, makeScope and `extend`, in the shape of nixpkgs (but all written afresh
# and tiny). Every package is a plain `derivation` underneath (build-support/).
{ overlays ? [ ], system ? "x86_64-linux" }:
let
  lib = import ./lib;

  base = self: {
    inherit lib system;
    pkgs = self;

    callPackage = lib.callPackageWith self;
    newScope = extra: lib.callPackageWith (self // extra);

    mkDerivation = import ./build-support/mk-derivation.nix { inherit lib system; };
    fetchLocal = import ./build-support/fetch-local.nix { inherit lib system; };
    inherit (import ./build-support/trivial-builders.nix {
      inherit lib;
      inherit (self) mkDerivation;
    }) runCommand writeText writeTextFile writeShellScriptBin symlinkJoin;

    libcompress = self.callPackage ./pkgs/libcompress { };
    libcompress-src = self.libcompress.src;
    libgreet = self.callPackage ./pkgs/libgreet { };
    make-tool = self.callPackage ./pkgs/make-tool { };
    greet = self.callPackage ./pkgs/greet { };
    greet-static = self.greet.override { static = true; };
    motd = self.callPackage ./pkgs/motd { };
    greeting-config = self.callPackage ./pkgs/greeting-config { };
    greet-wrapper = self.callPackage ./pkgs/greet-wrapper { };
    structured = self.callPackage ./pkgs/structured { };
    hello-sources = self.callPackage ./pkgs/hello-sources { };
    tools = self.callPackage ./pkgs/tools { };
    manifest = self.callPackage ./pkgs/manifest { };
    minipy = self.callPackage ./pkgs/minipy { };
    minipyPackages = self.callPackage ./pkgs/minipy-packages { };
    minipy-env = self.minipy.withPackages (ps: [ ps.six ps.attrs-lib ]);
  };
in
lib.makeExtensible (lib.extends (lib.composeManyExtensions overlays) base)
