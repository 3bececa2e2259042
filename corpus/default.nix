# The corpus: a package set in the shape of nixpkgs, on Ferrix's standard library
# (<ferrix>), whose packages build here, in the sandbox. A fixed point of `base`
# extended by this set's own overlays and then the caller's, with `callPackage`.
#
#   ferrix build -f corpus -A greet        nix-build corpus -A libgreet.dev
{ overlays ? [ ] }:
let
  ferrix = import <ferrix> {
    # `mirror://corpus/NAME` is a file of sources/, fetched through file://.
    mirrors.corpus = [ "file://${toString ./sources}/" ];
  };
  inherit (ferrix) lib;

  base = self: ferrix // {
    pkgs = self;
    callPackage = lib.callPackageWith self;

    hello = self.callPackage ./pkgs/hello { };
    hello-tarball = self.callPackage ./pkgs/hello-tarball { };
    hello-release = self.callPackage ./pkgs/hello-release { };
    libgreet = self.callPackage ./pkgs/libgreet { };
    greet = self.callPackage ./pkgs/greet { };
    greeters = self.callPackage ./pkgs/greeters { };
    corpus-farm = self.callPackage ./pkgs/corpus-farm { };
    motd = self.callPackage ./pkgs/motd { };
    motd-linked = self.callPackage ./pkgs/motd-users { copy = false; };
    motd-copied = self.callPackage ./pkgs/motd-users { copy = true; };
    greet-everyone = self.callPackage ./pkgs/greet-everyone { };
    corpus-env = self.callPackage ./pkgs/corpus-env { };
  };
in
lib.makeExtensible (lib.extends (lib.composeManyExtensions ([ (import ./overlays/greeting.nix) ] ++ overlays)) base)
