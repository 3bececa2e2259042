# Packages for tests/outputs.rs: each installs a file into every place nixpkgs'
# multiple-outputs hook moves from, all under $out, and records the configure flags it
# was given (output paths written @name@); fixup sorts the files into the outputs.
with import <ferrix> { };
let
  # A configure script that only records its arguments (one per line).
  configure = tarname: ''
    {
      echo '#!/bin/bash'
      ${lib.optionalString (tarname != null) "echo \"PACKAGE_TARNAME='${tarname}'\""}
      echo 'printf "%s\n" "$@" > "$NIX_BUILD_TOP/flags"'
    } > configure
    chmod +x configure
  '';
  files = [
    "share/info/x.info"
    "share/doc/x/README"
    "share/gtk-doc/html/x/index.html"
    "share/devhelp/books/x/x.devhelp2"
    "share/man/man1/x.1"
    "share/man/man3/x.3"
    "include/x.h"
    "lib/pkgconfig/x.pc"
    "share/pkgconfig/y.pc"
    "lib/cmake/x/x-config.cmake"
    "share/aclocal/x.m4"
    "lib/libx.la"
    "bin/x"
  ];
  package = { name ? "xpkg-1.0", outputs, tarname ? null, extra ? { } }: stdenv.mkDerivation ({
    inherit name outputs;
    dontUnpack = true;
    preConfigure = configure tarname;
    installPhase = ''
      runHook preInstall
      for f in ${lib.concatStringsSep " " files}; do
        mkdir -p "$out/$(dirname "$f")"
        echo "$f" > "$out/$f"
      done
      printf '%s\n' "prefix=$out" 'includedir=''${prefix}/include' > $out/lib/pkgconfig/x.pc
      # The flags with output paths as @name@ (out must not refer to dev, which
      # refers to out).
      names=()
      for o in $outputs; do names+=(-e "s|''${!o}|@$o@|g"); done
      sed "''${names[@]}" "$NIX_BUILD_TOP/flags" > $out/flags
      runHook postInstall
    '';
    # Every output exists, even one that got nothing.
    postFixup = ''for o in $outputs; do mkdir -p "''${!o}"; done'';
  } // extra);
in
{
  inherit files;
  single = package { outputs = [ "out" ]; tarname = "tarname"; };
  dev = package { outputs = [ "out" "dev" ]; };
  binDev = package { outputs = [ "bin" "dev" "out" ]; tarname = "bad name!"; };
  all = package { outputs = [ "out" "dev" "doc" "man" "devdoc" "devman" "info" ]; };
  libDev = package { outputs = [ "lib" "dev" "out" ]; };
  man = package { outputs = [ "out" "man" ]; };
  # The user chooses outputs: docs stay in out, developer docs go to doc, headers
  # stay in out; no output flags for configure.
  chosen = package {
    outputs = [ "out" "dev" "doc" ];
    extra = { outputDoc = "out"; outputDevdoc = "doc"; outputInclude = "out"; setOutputFlags = false; };
  };
  # moveToOutput from a user hook (globs in any component; REMOVE deletes), and
  # propagatedBuildOutputs chosen by the user.
  hooked = package {
    outputs = [ "out" "dev" "bin" ];
    extra = {
      propagatedBuildOutputs = [ "out" ];
      postInstall = ''
        mkdir -p $out/share/locale/de $out/share/extra/de
        echo mo > $out/share/locale/de/x.mo
        echo gone > $out/share/extra/de/x.mo
        moveToOutput "lib/*.la" "$dev"
        moveToOutput "share/extra/*/x.mo" REMOVE
        moveToOutput "share/loc*" "''${!outputBin}"
      '';
    };
  };
  # propagatedBuildInputs are recorded in the dev output, before dev's own outputs.
  propagating = package {
    outputs = [ "out" "dev" ];
    extra.propagatedBuildInputs = [ (writeText "propagated" "p") ];
  };
}
