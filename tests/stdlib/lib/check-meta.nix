# check-meta allowed by the standard library's config, meta.available, and stdenv's
# platforms. Each `# nixpkgs:` comment is what nixpkgs gives for the case.
let
  strict = import ../../../stdlib { };
  allowing = import ../../../stdlib {
    config = {
      allowBroken = true;
      allowUnsupportedSystem = true;
      allowUnfreePredicate = pkg: builtins.elem (strict.lib.getName pkg) [ "nonfree" ];
    };
  };
  packages = pkgs: with pkgs; {
    broken = stdenvNoCC.mkDerivation { name = "broken"; meta.broken = true; };
    nonfree = stdenvNoCC.mkDerivation { pname = "nonfree"; version = "1"; meta.license = lib.licenses.unfree; };
    otherNonfree = stdenvNoCC.mkDerivation { pname = "other"; version = "1"; meta.license = lib.licenses.unfree; };
    elsewhere = stdenvNoCC.mkDerivation { name = "elsewhere"; meta.platforms = [ "riscv64-none" ]; };
    fine = stdenvNoCC.mkDerivation { name = "fine"; meta = { license = lib.licenses.mit; platforms = lib.platforms.all; }; };
    insecure = stdenvNoCC.mkDerivation { name = "insecure-1"; meta.knownVulnerabilities = [ "CVE-0" ]; };
    # Licenses given as lists: unfree when an element is.
    listed = stdenvNoCC.mkDerivation { name = "listed"; meta.license = [ "MIT" { fullName = "Custom"; } lib.licenses.mit ]; };
    listedUnfree = stdenvNoCC.mkDerivation { name = "listed-unfree"; meta.license = [ lib.licenses.mit lib.licenses.unfree ]; };
  };
  available = pkgs: builtins.mapAttrs (_: p: p.meta.available) (packages pkgs);
  a = packages allowing;
  isDrv = p: builtins.isString p.drvPath;
in
{
  # nixpkgs: only `fine` is available without config
  strict = available strict; # nixpkgs: { broken = false; elsewhere = false; fine = true; insecure = false; listed = true; listedUnfree = false; nonfree = false; otherNonfree = false; }
  # nixpkgs: the config allows broken, unsupported and the unfree package the predicate names
  allowing = available allowing; # nixpkgs: { broken = true; elsewhere = true; fine = true; insecure = false; listed = true; listedUnfree = false; nonfree = true; otherNonfree = false; }
  allowedDrvs = map isDrv [ a.broken a.nonfree a.elsewhere a.fine ]; # nixpkgs: [ true true true true ]
  flags = with (packages strict); [ nonfree.meta.unfree fine.meta.unfree elsewhere.meta.unsupported fine.meta.unsupported insecure.meta.insecure listed.meta.unfree listedUnfree.meta.unfree ]; # nixpkgs: [ true false true false true false true ]
  permitted = (packages (import ../../../stdlib { config.permittedInsecurePackages = [ "insecure-1" ]; })).insecure.meta.available; # nixpkgs: true

  # nixpkgs: stdenv's platforms are the elaborated current system, with shorthands
  stdenv = with strict.stdenv; [
    (hostPlatform.system == builtins.currentSystem)
    (system == builtins.currentSystem)
    (strict.stdenvNoCC.hostPlatform.system == builtins.currentSystem)
    (hostPlatform.canExecute hostPlatform)
    # The facts of the machines Ferrix runs on (any other passes trivially).
    (builtins.currentSystem != "x86_64-linux" || (hostPlatform.config == "x86_64-unknown-linux-gnu"
      && buildPlatform.config == "x86_64-unknown-linux-gnu" && targetPlatform.libc == "glibc"
      && isLinux && isx86_64 && is64bit && !isAarch64 && !isDarwin && hostPlatform.linuxArch == "x86_64"
      && hostPlatform.extensions.sharedLibrary == ".so"))
    (builtins.currentSystem != "aarch64-linux" || (hostPlatform.config == "aarch64-unknown-linux-gnu"
      && isLinux && isAarch64 && is64bit && !isx86_64 && hostPlatform.linuxArch == "arm64"))
  ]; # nixpkgs: all true
  shell = strict.stdenv.shell; # Ferrix: the host's "/bin/bash"
}
