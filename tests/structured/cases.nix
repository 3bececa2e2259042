# Derivations with structured attributes (__structuredAttrs), mkDerivation's `env`, and
# closureInfo, for tests/structured.rs.
with import <ferrix> { };
let
  stdenvCases = import ../stdenv/cases.nix;
in
rec {
  # The configure/make package of tests/stdenv, structured: flags with spaces stay one
  # argument, outputs are exported from the `outputs` array, fixup sorts files into
  # them, the library comes through the compiler wrapper, `env` is exported.
  hello = stdenv.mkDerivation {
    pname = "hello";
    version = "1.0";
    __structuredAttrs = true;
    src = ../stdenv/hello-src;
    outputs = [ "out" "dev" "doc" ];
    configureFlags = [ "--with-greeting=howdy partner" ];
    makeFlags = [ "NOTE=made with spaces" ];
    buildInputs = [ stdenvCases.libgreet ];
    doCheck = true;
    env.FOO = "from env";
    preConfigure = ''
      export FROM_HOOK="set in preConfigure"
    '';
    postInstall = ''
      echo "$FROM_HOOK" > $out/hook
      printenv FOO > $out/foo
      if [ -n "$dev" ] && [ "$(printenv dev)" = "''${outputs[dev]}" ]; then echo yes > $out/dev-exported; fi
      printf '%s\n' '#include <stdio.h>' '#include <greet.h>' 'int main(void) { puts(greeting()); return 0; }' > main.c
      $CC main.c -lgreet -o $out/bin/greeter
      mkdir -p $out/include $out/share/doc/hello
      echo "int hello;" > $out/include/hello.h
      echo "read me" > $out/share/doc/hello/README
    '';
  };
  # The same flags without structured attributes are split into words.
  plainFlags = stdenv.mkDerivation {
    name = "plain-flags";
    dontUnpack = true;
    makeFlags = [ "--a=b c" ];
    env.FOO = "plain env";
    installPhase = ''
      mkdir -p $out
      printf '%s\n' $makeFlags > $out/flags
      printenv FOO > $out/foo
    '';
  };
  # Lists, sets and booleans as bash sees them, and a buildCommand.
  command = runCommand "structured-command" {
    __structuredAttrs = true;
    list = [ "a b" "c" ];
    set = { key = "value"; };
    yes = true;
  } ''
    mkdir -p "$out"
    printf '%s\n' "''${list[@]}" "''${set[key]}" "$yes" > "$out/values"
    printenv out > "$out/exported"
  '';

  # closureInfo of texts (the same paths in every store, so tests/structured/expected
  # holds what the reference's exportReferencesGraph gives for them: see
  # reference-export.nix) and of an empty list.
  a = builtins.toFile "a.txt" "alpha\n";
  b = builtins.toFile "b.txt" "beta refers to ${a}\n";
  c = builtins.toFile "c.txt" "gamma\n";
  texts = closureInfo { rootPaths = [ b c ]; };
  empty = closureInfo { rootPaths = [ ]; };
  # ... and of a built package: its closure as the store knows it.
  package = closureInfo { rootPaths = [ hello ]; };

  # mkDerivation's env: the errors nixpkgs gives.
  envErrors = {
    clash = stdenv.mkDerivation { name = "clash"; FOO = "a"; env.FOO = "b"; };
    float = stdenv.mkDerivation { name = "float"; env.X = 1.5; };
    notSet = stdenv.mkDerivation { name = "not-set"; env = "x"; };
  };
}
