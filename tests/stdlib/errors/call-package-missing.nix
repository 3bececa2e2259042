# nixpkgs aborts: lib.customisation.callPackageWith: Function called without required
# argument "fetchFromGithub" at FILE:LINE, did you mean "fetchFromGitHub" or "fetchFromGitLab"?
let
  lib = import ../../../stdlib/lib;
  pkgs = {
    fetchFromGitHub = null;
    fetchFromGitLab = null;
    stdenv = null;
  };
in
lib.callPackageWith pkgs (
  {
    stdenv,
    fetchFromGithub,
  }:
  null
) { }
