# The standard library's build support beyond the trivial builders: setup-hook
# packages used as `nativeBuildInputs` (makeWrapper, installShellFiles, pkg-config),
# makeSetupHook that makes them, and the substitution builders replaceVars,
# replaceVarsWith and substituteAll (nixpkgs' pkgs/build-support in shape).
{ lib, stdenvNoCC, runCommand }:
let
  makeSetupHook = import ./make-setup-hook.nix { inherit lib runCommand; };
  replaceVarsWith = import ./replace-vars.nix { inherit lib stdenvNoCC; };
in
rec {
  inherit makeSetupHook replaceVarsWith;

  # replaceVars SRC { NAME = VALUE; }: @NAME@ replaced by VALUE (null: kept).
  replaceVars = src: replacements: replaceVarsWith { inherit src replacements; };

  # substituteAll { src, name ? baseNameOf src, dir ? "", isExecutable ? false, ... }:
  # src with @VAR@ replaced by each other (lowercase) attribute's value.
  substituteAll = import ./substitute-all.nix { inherit stdenvNoCC; };

  # makeWrapper / wrapProgram, writing bash wrappers run by the host's /bin/bash.
  makeShellWrapper = makeSetupHook {
    name = "make-shell-wrapper-hook";
    substitutions.shell = "/bin/bash";
    meta.description = "makeWrapper and wrapProgram: wrapper scripts that set the environment and flags";
  } ./setup-hooks/make-wrapper.sh;
  makeWrapper = makeShellWrapper;

  # installManPage and installShellCompletion.
  installShellFiles = makeSetupHook {
    name = "install-shell-files";
    meta.description = "installManPage and installShellCompletion";
  } ./setup-hooks/install-shell-files.sh;

  # The host's pkg-config, with the hook that puts each input's pkgconfig
  # directories on PKG_CONFIG_PATH.
  pkg-config = import ./pkg-config.nix { inherit runCommand; hook = ./setup-hooks/pkg-config.sh; };
  pkgconf = pkg-config;
}
