# Environments of the standard library's buildEnv, for tests/buildenv.rs.
with import <ferrix> { };
rec {
  # Packages to merge: tools and other both have bin/tool (with different contents);
  # twin's bin/tool is the same as tools'.
  tools = runCommand "tools" { } ''
    mkdir -p $out/bin $out/share/tools
    echo tools > $out/bin/tool
    echo tools > $out/bin/tools-only
    echo doc > $out/share/tools/doc
  '';
  other = runCommand "other" { } ''
    mkdir -p $out/bin $out/lib
    echo other > $out/bin/tool
    echo other > $out/bin/other-only
    echo lib > $out/lib/libother
  '';
  twin = runCommand "twin" { } "mkdir -p $out/bin; echo tools > $out/bin/tool";

  preferOther = buildEnv { name = "prefer-other"; paths = [ tools (lib.hiPrio other) ]; };
  preferOtherListedFirst = buildEnv { name = "prefer-other-first"; paths = [ (lib.hiPrio other) tools ]; };
  identical = buildEnv { name = "identical"; paths = [ tools twin ]; };
  colliding = buildEnv { name = "colliding"; paths = [ tools other ]; };
  ignoring = buildEnv { name = "ignoring"; paths = [ tools other ]; ignoreCollisions = true; };
  # bin, where they collide, is not linked.
  shareOnly = buildEnv { name = "share-only"; paths = [ tools other ]; pathsToLink = [ "/share" ]; };

  # A package with several outputs: fixup moves include to dev and share/man to man;
  # meta.outputsToInstall is [ "out" "man" ].
  multi = stdenv.mkDerivation {
    name = "multi-1.0";
    outputs = [ "out" "dev" "man" ];
    dontUnpack = true;
    installPhase = ''
      mkdir -p $out/lib $out/include $out/share/man/man1
      echo lib > $out/lib/libmulti
      echo header > $out/include/multi.h
      echo page > $out/share/man/man1/multi.1
    '';
  };
  # The dev output, which mkDerivation marks as chosen (outputSpecified), and the
  # same value without the mark.
  multiDev = multi.dev;
  multiDevUnspecified = builtins.removeAttrs multi.dev [ "outputSpecified" ];

  defaultOutputs = buildEnv { name = "default-outputs"; paths = [ multi ]; };
  extraOutputs = buildEnv { name = "extra-outputs"; paths = [ multi ]; extraOutputsToInstall = [ "dev" "doc" ]; };
  devOnly = buildEnv { name = "dev-only"; paths = [ multiDev ]; };
  devUnspecified = buildEnv { name = "dev-unspecified"; paths = [ multiDevUnspecified ]; };
  metaOutputs = buildEnv {
    name = "meta-outputs";
    paths = [ (multi // { meta = multi.meta // { outputsToInstall = [ "dev" ]; }; }) ];
  };

  # extraPrefix, postBuild, manifest, passthru and meta.
  decorated = buildEnv {
    name = "decorated";
    paths = [ tools ];
    extraPrefix = "/opt/env";
    postBuild = "echo \"built at $out\" > $out/marker";
    manifest = writeText "manifest.nix" "[ ]\n";
    passthru.greeting = "hello";
    meta.description = "a decorated environment";
  };

  # A package that asks for `other` to be installed with it.
  withUserEnv = runCommand "with-user-env" { } ''
    mkdir -p $out/bin $out/nix-support
    echo main > $out/bin/tool
    echo ${other} > $out/nix-support/propagated-user-env-packages
  '';
  propagating = buildEnv { name = "propagating"; paths = [ withUserEnv ]; };

  single = writeText "single" "just a file\n";
  singleFile = buildEnv { name = "single-file"; paths = [ single tools ]; };
  singleFileIgnored = buildEnv { name = "single-file-ignored"; paths = [ single tools ]; ignoreSingleFileOutputs = true; };
  # A package whose closure holds `other`: with includeClosures, other is merged too,
  # after it (its bin/tool loses).
  refersToOther = runCommand "refers-to-other" { } ''
    mkdir -p $out/bin
    echo ${other} > $out/bin/refers
    echo refers > $out/bin/tool
  '';
  closures = buildEnv { name = "closures"; paths = [ refersToOther ]; includeClosures = true; };
  noClosures = buildEnv { name = "no-closures"; paths = [ refersToOther ]; };
  # writeClosure: the union of closures, sorted, each path once; a path inside a store
  # path stands for it.
  closureOfOne = writeClosure [ "${refersToOther}/bin" ];
  closureOfMany = writeClosure [ tools refersToOther other ];
  closureOfNone = writeClosure [ ];
}
