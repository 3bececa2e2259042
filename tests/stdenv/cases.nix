# Derivations of the standard library's stdenv and trivial builders, for tests/stdenv.rs.
with import <ferrix> { };
rec {
  text = writeText "hello.txt" "hello world\n";
  textDir = writeTextDir "share/doc/readme" "read me\n";
  script = writeShellScriptBin "greet" "echo greetings";
  command = runCommand "command" { value = "from env"; } ''
    mkdir -p $out
    echo "$value" > $out/value
  '';
  # A configure/make package from a source tree, with flags and hooks.
  hello = stdenv.mkDerivation {
    pname = "hello";
    version = "1.0";
    src = ./hello-src;
    configureFlags = [ "--with-greeting=howdy" ];
    doCheck = true;
    preConfigure = ''
      export FROM_HOOK="set in preConfigure"
    '';
    postInstall = ''
      echo "$FROM_HOOK" > $out/hook
    '';
  };
  # Phases chosen and overridden by the user; finalAttrs and overrideAttrs.
  phased = stdenv.mkDerivation (finalAttrs: {
    name = "phased";
    dontUnpack = true;
    message = "version ${finalAttrs.version}";
    version = "2";
    buildPhase = ''
      runHook preBuild
      echo "$message" > built
      runHook postBuild
    '';
    preBuild = "echo pre > order";
    postBuild = "echo post >> order";
    installPhase = ''
      mkdir -p $out
      cp built order $out/
    '';
  });
  phasedOverridden = phased.overrideAttrs (old: { version = "3"; });
  # The user's phase lists, each before the default phase nixpkgs puts it before.
  phaseLists =
    let log = name: "echo ${name} >> $NIX_BUILD_TOP/order";
    in stdenv.mkDerivation {
      name = "phase-lists";
      dontUnpack = true;
      doDist = true;
      prePhases = [ "firstPhase" ];
      preConfigurePhases = [ "beforeConfigurePhase" ];
      preBuildPhases = [ "beforeBuildPhase" ];
      preInstallPhases = [ "beforeInstallPhase" ];
      preFixupPhases = [ "beforeFixupPhase" ];
      preDistPhases = [ "beforeDistPhase" ];
      postPhases = [ "lastPhase" ];
      firstPhase = log "first";
      beforeConfigurePhase = log "before-configure";
      configurePhase = log "configure";
      beforeBuildPhase = log "before-build";
      buildPhase = log "build";
      beforeInstallPhase = log "before-install";
      installPhase = log "install";
      beforeFixupPhase = log "before-fixup";
      fixupPhase = log "fixup";
      beforeDistPhase = log "before-dist";
      distPhase = log "dist";
      lastPhase = "mkdir -p $out; cp $NIX_BUILD_TOP/order $out/order";
    };
  # Two packages with a colliding file, joined.
  left = runCommand "left" { } "mkdir -p $out/share/pkg $out/bin; echo left > $out/share/pkg/common; echo l > $out/bin/left";
  right = runCommand "right" { } "mkdir -p $out/share/pkg $out/bin; echo right > $out/share/pkg/common; echo r > $out/bin/right";
  joined = symlinkJoin {
    name = "joined";
    paths = [ left right ];
    postBuild = "echo extra > $out/added";
  };
  stripped = symlinkJoin {
    pname = "stripped";
    version = "1";
    paths = [ left right ];
    stripPrefix = "/share";
  };
  # With stripPrefix, a path without it is skipped, unless failOnMissing; without
  # stripPrefix, a path that is not a directory fails the build.
  missing = symlinkJoin { name = "missing"; paths = [ left text ]; stripPrefix = "/bin"; };
  missingStrict = symlinkJoin { name = "missing-strict"; paths = [ left text ]; stripPrefix = "/bin"; failOnMissing = true; };
  joinFile = symlinkJoin { name = "join-file"; paths = [ left text ]; };
  joinLenient = symlinkJoin { name = "join-lenient"; paths = [ left text ]; failOnMissing = false; };
  # Nested lists are flattened and nulls skipped.
  joinNested = symlinkJoin { name = "join-nested"; paths = [ [ left ] null [ [ right ] ] ]; };
  # A tree holding a symlink to a directory: the link is linked, not mirrored.
  linkedDir = runCommand "linked-dir" { } "mkdir -p $out/real; echo x > $out/real/file; ln -s real $out/alias";
  joinLinkedDir = symlinkJoin { name = "join-linked-dir"; paths = [ linkedDir ]; };
  farm = linkFarm "farm" [ { name = "a/left"; path = left; } { name = "right"; path = right; } ];
  farmSet = linkFarm "farm-set" { "l" = left; };
  farmRepeated = linkFarm "farm-repeated" [ { name = "x"; path = left; } { name = "x"; path = right; } ];
  farmDrvs = linkFarmFromDrvs "farm-drvs" [ left right ];
  # The C compiler: in runCommandCC's builds, not in runCommand's.
  compilerProbe = ''
    mkdir -p $out
    printf '%s' "''${CC-unset}" > $out/cc
    printf '%s' "''${NIX_CFLAGS_COMPILE-unset}" > $out/cflags
    type -P cc > $out/which || true
  '';
  withCC = runCommandCC "with-cc" { } (compilerProbe + "$CC -x c -o $out/prog - <<< 'int main(void) { return 0; }'");
  withoutCC = runCommand "without-cc" { } compilerProbe;
  badShellScript = writeShellScript "bad-script" "if then fi";
  # A library, and a program that finds it through buildInputs alone.
  libgreet = stdenv.mkDerivation {
    name = "libgreet";
    dontUnpack = true;
    buildPhase = ''
      printf '%s\n' 'const char *greeting(void);' > greet.h
      printf '%s\n' 'const char *greeting(void) { return "hello from libgreet"; }' > greet.c
      $CC -shared -fPIC -o libgreet.so greet.c
    '';
    installPhase = ''
      mkdir -p $out/lib $out/include
      cp libgreet.so $out/lib/
      cp greet.h $out/include/
    '';
  };
  greeter = stdenv.mkDerivation {
    name = "greeter";
    dontUnpack = true;
    buildInputs = [ libgreet ];
    buildPhase = ''
      printf '%s\n' '#include <stdio.h>' '#include <greet.h>' 'int main(void) { puts(greeting()); return 0; }' > main.c
      $CC -g main.c -lgreet -o greeter
    '';
    installPhase = "mkdir -p $out/bin; cp greeter $out/bin/";
  };
  # A multiple-output library installing everything into $out; fixup sorts it.
  libmulti = stdenv.mkDerivation {
    name = "libmulti-1.0";
    outputs = [ "out" "dev" "doc" "man" ];
    dontUnpack = true;
    buildPhase = ''
      printf '%s\n' 'const char *multi(void);' > multi.h
      printf '%s\n' 'const char *multi(void) { return "hello from libmulti"; }' > multi.c
      $CC -shared -fPIC -o libmulti.so multi.c
    '';
    installPhase = ''
      mkdir -p $out/lib/pkgconfig $out/include $out/share/doc/multi $out/share/man/man1 $out/share/man/man3
      cp libmulti.so $out/lib/
      cp multi.h $out/include/
      printf '%s\n' "prefix=$out" 'includedir=''${prefix}/include' 'Name: multi' > $out/lib/pkgconfig/multi.pc
      echo "read me" > $out/share/doc/multi/README
      echo ".TH MULTI 1" > $out/share/man/man1/multi.1
      echo ".TH MULTI 3" > $out/share/man/man3/multi.3
    '';
  };
  multiUser = stdenv.mkDerivation {
    name = "multi-user";
    dontUnpack = true;
    buildInputs = [ libmulti ];
    buildPhase = ''
      printf '%s\n' '#include <stdio.h>' '#include <multi.h>' 'int main(void) { puts(multi()); return 0; }' > main.c
      $CC main.c -lmulti -o multi-user
    '';
    installPhase = "mkdir -p $out/bin; cp multi-user $out/bin/";
  };
  # An interpreter in the store, and scripts whose interpreters fixup patches.
  interp = runCommand "interp" { } "mkdir -p $out/bin; printf '#!/bin/sh\\nexec /bin/sh \"$@\"\\n' > $out/bin/myinterp; chmod +x $out/bin/myinterp";
  scripts = stdenv.mkDerivation {
    name = "scripts";
    dontUnpack = true;
    nativeBuildInputs = [ interp ];
    installPhase = ''
      mkdir -p $out/bin $out/share
      printf '#!/usr/bin/env myinterp\necho via env\n' > $out/bin/a
      printf '#!/bin/myinterp -e\necho direct\n' > $out/bin/b
      printf '#!/usr/bin/env myinterp\n' > $out/share/not-executable
      chmod +x $out/bin/a $out/bin/b
    '';
  };
  app = writeShellApplication {
    name = "app";
    runtimeInputs = [ interp ];
    runtimeEnv = { GREETING = "hi there"; };
    text = "echo \"$GREETING\"; command -v myinterp";
  };
  badApp = writeShellApplication { name = "bad-app"; text = "if then fi"; };
  failing = stdenv.mkDerivation {
    name = "failing";
    dontUnpack = true;
    buildPhase = "echo about to fail; false; echo not reached";
  };

  # A package recording what it propagates and its setup hook; a user of it.
  nativeTool = writeShellScriptBin "native-tool" "echo native tool";
  hostTool = writeShellScriptBin "host-tool" "echo host tool";
  hooked = stdenv.mkDerivation {
    name = "hooked";
    dontUnpack = true;
    toolName = "native-tool";
    # (an `&` is not bash's "matched text" in the replacement)
    hookNote = "this & that";
    setupHook = ./hooks/setup-hook.sh;
    propagatedNativeBuildInputs = [ nativeTool ];
    depsHostHostPropagated = [ hostTool ];
    propagatedUserEnvPkgs = [ text ];
    installPhase = "mkdir -p $out";
  };
  hookedUser = runCommand "hooked-user" { depsBuildBuild = [ hooked ]; } ''
    mkdir -p $out
    echo "$HOOKED_FROM $HOOKED_TOOL" > $out/hook
    native-tool > $out/tools
    host-tool >> $out/tools
  '';

  # Evaluation-only facts about mkDerivation and the trivial builders, which
  # tests/stdenv.rs reads as JSON.
  evaluated =
    let
      pkg = outputs: stdenv.mkDerivation { name = "pkg"; inherit outputs; passthru.extra = "passed"; meta.description = "d"; };
      split = pkg [ "lib" "dev" "out" ];
      fails = v: !(builtins.tryEval v).success;
      drvAttr = drv: name: drv.drvAttrs.${name} or null;
      local = runCommandLocal "local" { passAsFile = [ "more" ]; more = "m"; } "touch $out";
      written = writeTextFile { name = "w"; text = "t"; executable = true; destination = "/bin/tool"; passthru.p = 1; };
    in
    {
      outputSpecified = [ (split ? outputSpecified) split.dev.outputSpecified split.out.outputSpecified ];
      outputNames = map (o: o.outputName) ([ split ] ++ split.all);
      devCarries = [ split.dev.extra split.dev.meta.description split.dev.passthru.extra split.lib.meta.name ];
      devPaths = [ (lib.hasSuffix "-pkg-dev" split.dev.outPath) (split.dev.drvPath == split.drvPath) ];
      topIsFirst = split.outPath == split.lib.outPath;
      getDevOfLib = (lib.getDev split.lib).outputName;
      getDevOfPkg = (lib.getDev split).outputName;
      overriddenDev = let o = split.dev.overrideAttrs (_: { name = "renamed"; }); in [ o.name o.outputName ];
      outputsToInstall = map (outputs: (pkg outputs).meta.outputsToInstall) [
        [ "out" ]
        [ "bin" "out" "man" ]
        [ "out" "dev" "man" ]
        [ "lib" "dev" ]
        [ "dev" "out" ]
        [ "man" "bin" ]
      ];
      ccs = [ (stdenv.cc != null) (stdenvNoCC.cc == null) stdenv.cc.isGNU stdenv.cc.targetPrefix ];
      runCommand = map (d: [ (drvAttr d "enableParallelBuilding") (drvAttr d "preferLocalBuild") (drvAttr d "allowSubstitutes") (drvAttr d "passAsFile") ]) [ command local ];
      writeTextFile = [ written.meta.mainProgram written.p (drvAttr written "allowSubstitutes") (drvAttr written "preferLocalBuild") ];
      scriptMainProgram = (writeScriptBin "s" "x").meta.mainProgram;
      notProgram = (writeTextFile { name = "n"; text = ""; destination = "/bin/n"; }).meta ? mainProgram;
      badDestinations = map (d: fails (writeTextFile { name = "b"; text = ""; destination = d; }).drvPath) [ "bin/x" "/" "/ok" ];
      badPrefixes = map (p: fails (symlinkJoin { name = "b"; paths = [ ]; stripPrefix = p; }).drvPath) [ "share" "/" "/share" ];
      noName = fails (symlinkJoin { paths = [ ]; }).drvPath;
      joinAttrs = [ (drvAttr joined "preferLocalBuild") (drvAttr joined "allowSubstitutes") (map (p: if p == null then null else builtins.length p) (drvAttr joinNested "paths")) ];
      farm = [ (builtins.attrNames farmRepeated.entries) (farmRepeated.entries.x == right) (drvAttr farm "allowSubstitutes") ];
    };
}
