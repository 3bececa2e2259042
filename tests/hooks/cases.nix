# Derivations using the generic builder's shell functions (setup.sh), the hook
# packages (makeWrapper, installShellFiles, pkg-config, makeSetupHook) and the
# substitution builders (replaceVars, substituteAll), for tests/hooks.rs.
with import <ferrix> { };
rec {
  template = ./template.txt;

  # substitute, substituteInPlace and substituteStream with each flag; the results
  # and the warnings go to files.
  substitutions = runCommand "substitutions" { a = "A & B"; lowerCase = "lc & \\1"; } ''
    mkdir -p $out
    cp ${template} f1; cp ${template} f2
    substituteInPlace f1 f2 --replace-fail OLD "N&W" --subst-var a --subst-var-by b 'B&' \
      --replace-warn absent x 2> $out/warn
    cp f1 $out/inplace
    cmp f1 f2
    substitute ${template} $out/quiet --replace-quiet absent x --replace @keep@ kept 2> $out/deprecated
    substitute ${template} $out/twice --replace a b --replace-quiet b c 2>> $out/deprecated
    text='x@a@y'
    substituteStream text "a text" --subst-var a > $out/stream
    printf '@lowerCase@ @a@ @Upper@ @out@\n' > all
    export Upper=no
    substituteAll all $out/all
    cp all inplace-all; substituteAllInPlace inplace-all; cmp inplace-all $out/all
    if substitute ${template} x --subst-var unsetVariable 2> $out/unset; then exit 1; fi
  '';

  # --replace-fail with a pattern the file lacks fails the build.
  replaceFail = runCommand "replace-fail" { } ''
    cp ${template} f
    substituteInPlace f --replace-fail "not there" x
    touch $out
  '';

  # substituteInPlace without files (they must come before the options).
  replaceNoFiles = runCommand "replace-no-files" { } ''
    substituteInPlace --replace-fail a b
    touch $out
  '';

  # The small helpers.
  helpers = runCommand "helpers" { } ''
    mkdir -p $out dir1 dir2
    {
      stripHash /nix/store/0123456789abcdfghijklmnpqrsvwxyz-name-1.0
      stripHash name-without-hash
      addToSearchPath SP dir1; addToSearchPath SP missing; addToSearchPath SP dir2; addToSearchPath SP dir1
      echo "SP=$SP"
      list=(a "b c" d); concatStringsSep , list; echo
      words="x y"; concatStringsSep - words; echo
      blank=("" b); concatStringsSep , blank; echo
      printWords p q; echo
      echoCmd flags "a b" c
      printf '#!/bin/sh\n' > script; printf 'text' > plain
      isScript script && echo script-is-script
      isScript plain || echo plain-is-not-script
      isELF /bin/bash && echo bash-is-elf
      isELF script || echo script-is-not-elf
      isMachO /bin/bash || echo bash-is-not-macho
    } > $out/results
  '';

  # Archives to unpack: a .tar.gz, a .tgz, a .tar.bz2, a .zip and a plain tar.
  archives = runCommand "archives" { } ''
    mkdir -p $out src-tree/sub
    echo content > src-tree/sub/file
    tar czf $out/a.tar.gz src-tree
    cp $out/a.tar.gz $out/a.tgz
    tar cjf $out/a.tar.bz2 src-tree
    tar cf $out/a.tar src-tree
    zip -qr $out/a.zip src-tree
    echo custom > $out/a.custom
  '';
  treeSrc = runCommand "tree-src" { } ''
    mkdir -p $out/sub; echo from-dir > $out/sub/file
  '';
  unpacked = stdenv.mkDerivation {
    name = "unpacked";
    src = "${archives}/a.tar.gz";
    unpackCmd = ''
      case "$curSrc" in *.custom) mkdir custom-tree; cp "$curSrc" custom-tree/file ;; *) false ;; esac
    '';
    buildPhase = ''
      mkdir $NIX_BUILD_TOP/more; cd $NIX_BUILD_TOP/more
      for f in a.tgz a.tar.bz2 a.tar a.zip a.custom; do
        mkdir $f.d; (cd $f.d && unpackFile ${archives}/$f)
      done
      (unpackFile ${treeSrc})
      cd -
    '';
    installPhase = ''
      mkdir -p $out
      cat sub/file > $out/default
      for d in $NIX_BUILD_TOP/more/*.d; do
        echo "$(basename $d) $(cat $d/*/sub/file 2>/dev/null || cat $d/*/file)" >> $out/others
      done
      cat $NIX_BUILD_TOP/more/tree-src/sub/file > $out/dir
    '';
  };
  unknownArchive = runCommand "unknown-archive" { } ''
    unpackFile ${template}
    touch $out
  '';

  # makeWrapper and wrapProgram; the wrappers are run by a second build.
  wrapped = stdenv.mkDerivation {
    name = "wrapped";
    dontUnpack = true;
    nativeBuildInputs = [ makeWrapper ];
    installPhase = ''
      mkdir -p $out/bin $out/libexec
      cat > $out/libexec/show <<'SH'
    #!/bin/bash
    echo "args: $*"
    echo "GREETING=''${GREETING-unset} DEFAULTED=$DEFAULTED GONE=''${GONE-unset}"
    echo "LIST=$LIST"
    echo "pwd=$PWD"
    SH
      chmod +x $out/libexec/show
      makeWrapper $out/libexec/show $out/bin/show \
        --set GREETING "hello & bye" --set-default DEFAULTED def --unset GONE \
        --prefix LIST : /p1:/p2 --suffix LIST : /s1 --add-flags "--first 'two words'" \
        --append-flags --last --chdir / --run 'echo ran --run'
      cp $out/libexec/show $out/bin/prog
      wrapProgram $out/bin/prog --prefix-each LIST : "/e1 /e2" --add-flags -x
      # The caller's IFS does not join the flags.
      (IFS=:; makeWrapper $out/libexec/show $out/bin/colons --add-flags -a --add-flags -b)
    '';
  };
  wrappersRun = runCommand "wrappers-run" { } ''
    mkdir -p $out
    DEFAULTED=given GONE=set LIST=/old:/s1 ${wrapped}/bin/show a "b c" > $out/show
    ${wrapped}/bin/prog y > $out/prog
    ${wrapped}/bin/colons > $out/colons
    ls -A ${wrapped}/bin > $out/ls
  '';
  badWrapper = runCommand "bad-wrapper" { nativeBuildInputs = [ makeWrapper ]; } ''
    makeWrapper /nonexistent $out/w
  '';

  # installManPage and installShellCompletion, with a `man` output.
  shellFiles = stdenv.mkDerivation {
    name = "shell-files";
    dontUnpack = true;
    outputs = [ "out" "man" ];
    nativeBuildInputs = [ installShellFiles ];
    installPhase = ''
      mkdir -p $out
      echo page > foo.1; echo lib > foo.3; echo gz | gzip > foo.5.gz
      installManPage foo.1 foo.3 foo.5.gz
      echo c > foo.bash; echo c > foo.zsh; echo c > _bar; echo c > foo.fish; echo c > other
      installShellCompletion foo.bash foo.zsh foo.fish 2> warnings
      installShellCompletion --zsh _bar
      installShellCompletion --bash --name renamed.bash other
      installShellCompletion --cmd tool --bash other --zsh other --fish other
      if installShellCompletion unknown-kind 2>> warnings; then exit 1; fi
      if installManPage nosection 2>> warnings; then exit 1; fi
      cp warnings $out/warnings
    '';
  };

  # pkg-config through its hook: a tiny library's .pc in lib/pkgconfig and another in
  # share/pkgconfig, and the corpus's libgreet (its dev output).
  tinyLib = runCommand "tiny-lib" { } ''
    mkdir -p $out/lib/pkgconfig $out/share/pkgconfig
    printf 'Name: tiny\nDescription: t\nVersion: 1.2\nCflags: -I%s/include\nLibs: -ltiny\n' $out > $out/lib/pkgconfig/tiny.pc
    printf 'Name: shared\nDescription: s\nVersion: 3\nCflags: -DSHARED\n' > $out/share/pkgconfig/shared-data.pc
  '';
  corpus = import ../../corpus { };
  pkgConfigUser = stdenv.mkDerivation {
    name = "pkg-config-user";
    dontUnpack = true;
    nativeBuildInputs = [ pkg-config ];
    buildInputs = [ tinyLib corpus.libgreet.dev ];
    installPhase = ''
      mkdir -p $out
      echo "$PKG_CONFIG_PATH" > $out/path
      pkg-config --modversion tiny shared-data greet > $out/versions
      pkg-config --cflags tiny > $out/cflags
      pkg-config --libs greet > $out/greet-libs
    '';
  };

  # addEnvHooks: a hook package's env hook sees every input, in order.
  recorderHook = makeSetupHook { name = "recorder-hook"; } (writeText "recorder.sh" ''
    recordInput() { seenInputs+=("$1"); }
    addEnvHooks "$hostOffset" recordInput
  '');
  envHooked = stdenv.mkDerivation {
    name = "env-hooked";
    dontUnpack = true;
    nativeBuildInputs = [ recorderHook ];
    buildInputs = [ tinyLib treeSrc ];
    installPhase = ''
      printf '%s\n' "''${seenInputs[@]}" > $out
    '';
  };

  # replaceVars: success, a replacement that matches nothing, and an @identifier@
  # left unreplaced.
  replaced = replaceVars template { a = "x & y"; b = "2"; keep = null; };
  replacedInDir = replaceVarsWith {
    src = template;
    replacements = { a = "1"; b = "2"; keep = "3"; };
    dir = "bin";
    isExecutable = true;
  };
  replaceAbsent = replaceVars template { a = "1"; b = "2"; keep = null; missing = "m"; };
  replaceLeftOver = replaceVars template { a = "1"; b = "2"; };
  # The older substituteAll builder.
  substitutedAll = substituteAll { src = template; a = "one"; b = "&two"; keep = "k"; };
}
