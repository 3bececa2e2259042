# lib.strings. Each `# nixpkgs:` comment is the result nixpkgs' documentation gives.
let
  lib = import ../../../stdlib/lib;
  inherit (lib) strings;
  pkg = name: outputs: {
    type = "derivation";
    inherit name;
    outPath = "/nix/store/${name}";
  }
  // lib.genAttrs outputs (o: {
    type = "derivation";
    outPath = "/nix/store/${name}-${o}";
  });
in
{
  concatStrings = lib.concatStrings [ "foo" "bar" ]; # nixpkgs: "foobar"
  concatMapStrings = lib.concatMapStrings (x: "a" + x) [ "foo" "bar" ]; # nixpkgs: "afooabar"
  concatImapStrings = lib.concatImapStrings (pos: x: "${toString pos}-${x}") [ "foo" "bar" ]; # nixpkgs: "1-foo2-bar"
  intersperse = [
    (lib.intersperse "/" [ "usr" "local" "bin" ]) # nixpkgs: ["usr" "/" "local" "/" "bin"]
    (lib.intersperse "/" [ ])
    (lib.intersperse "/" [ "a" ])
  ];
  concatStringsSep = lib.concatStringsSep "/" [ "usr" "local" "bin" ]; # nixpkgs: "usr/local/bin"
  concatMapStringsSep = lib.concatMapStringsSep "-" (x: lib.toUpper x) [ "foo" "bar" "baz" ]; # nixpkgs: "FOO-BAR-BAZ"
  concatImapStringsSep = lib.concatImapStringsSep "-" (pos: x: toString (x / pos)) [ 6 6 6 ]; # nixpkgs: "6-3-2"
  concatLines = lib.concatLines [ "foo" "bar" ]; # nixpkgs: "foo\nbar\n"
  makeSearchPath = [
    (lib.makeSearchPath "bin" [ "/root" "/usr" "/usr/local" ]) # nixpkgs: "/root/bin:/usr/bin:/usr/local/bin"
    (lib.makeSearchPath "bin" [ "" ]) # nixpkgs: "/bin"
    (lib.makeSearchPath "bin" [ "/a" null ])
  ];
  makeSearchPathOutput = lib.makeSearchPathOutput "dev" "bin" [ (pkg "bash" [ "dev" ]) (pkg "zlib" [ ]) ];
  # nixpkgs (same shape): "/nix/store/<bash dev>/bin:/nix/store/<zlib>/bin"
  makeLibraryPath = lib.makeLibraryPath [ (pkg "zlib" [ "lib" ]) (pkg "glib" [ ]) ];
  makeIncludePath = lib.makeIncludePath [ (pkg "zlib" [ "dev" ]) ];
  makeBinPath = lib.makeBinPath [ (pkg "bash" [ "bin" ]) "/usr" ]; # a string has no outputs: itself
  optionalString = [
    (lib.optionalString true "some-string") # nixpkgs: "some-string"
    (lib.optionalString false "some-string") # nixpkgs: ""
  ];
  hasPrefix = [
    (lib.hasPrefix "foo" "foobar") # nixpkgs: true
    (lib.hasPrefix "foo" "barfoo") # nixpkgs: false
    (lib.hasPrefix "" "x")
  ];
  hasSuffix = [
    (lib.hasSuffix "foo" "foobar") # nixpkgs: false
    (lib.hasSuffix "foo" "barfoo") # nixpkgs: true
    (lib.hasSuffix "long suffix" "x")
  ];
  hasInfix = [
    (lib.hasInfix "bc" "abcd") # nixpkgs: true
    (lib.hasInfix "ab" "bcd") # nixpkgs: false
    (lib.hasInfix "a.c" "abc") # not a regular expression
    (lib.hasInfix "" "")
    (lib.hasInfix "b\nc" "ab\ncd")
  ];
  stringToCharacters = [
    (lib.stringToCharacters "") # nixpkgs: [ ]
    (lib.stringToCharacters "abc") # nixpkgs: [ "a" "b" "c" ]
  ];
  stringAsChars = lib.stringAsChars (x: if x == "a" then "i" else x) "nax"; # nixpkgs: "nix"
  escape = lib.escape [ "(" ")" ] "(foo)"; # nixpkgs: "\\(foo\\)"
  escapeShellArg = [
    (lib.escapeShellArg "esc'ape\nme") # nixpkgs: "'esc'\\''ape\nme'"
    (lib.escapeShellArg "simple-arg_1.0,+:@%/")
    (lib.escapeShellArg "")
    (lib.escapeShellArg 3)
  ];
  escapeShellArgs = lib.escapeShellArgs [ "one" "two three" "four'five" ]; # nixpkgs: "one 'two three' 'four'\\''five'"
  escapeNixString = lib.escapeNixString "hello\${}\n"; # nixpkgs: "\"hello\\\${}\\n\""
  escapeRegex = lib.escapeRegex "[^a-z]*"; # nixpkgs: "\\[\\^a-z]\\*"
  escapeNixIdentifier = [
    (lib.escapeNixIdentifier "hello") # nixpkgs: "hello"
    (lib.escapeNixIdentifier "0abc") # nixpkgs: "\"0abc\""
  ];
  replaceStrings = lib.replaceStrings [ "a" ] [ "b" ] "banana";
  toLower = lib.toLower "HOME"; # nixpkgs: "home"
  toUpper = lib.toUpper "home"; # nixpkgs: "HOME"
  chars = [
    (lib.concatStrings lib.lowerChars)
    (lib.concatStrings lib.upperChars)
  ];
  addContextFrom = lib.addContextFrom "x" "y";
  splitString = [
    (lib.splitString "." "foo.bar.baz") # nixpkgs: [ "foo" "bar" "baz" ]
    (lib.splitString "/" "/usr/local/bin") # nixpkgs: [ "" "usr" "local" "bin" ]
    (lib.splitString "." "")
    (lib.splitString "*" "a*b")
  ];
  removePrefix = [
    (lib.removePrefix "foo." "foo.bar.baz") # nixpkgs: "bar.baz"
    (lib.removePrefix "xxx" "foo.bar.baz") # nixpkgs: "foo.bar.baz"
  ];
  removeSuffix = [
    (lib.removeSuffix "front" "homefront") # nixpkgs: "home"
    (lib.removeSuffix "xxx" "homefront") # nixpkgs: "homefront"
  ];
  versionOlder = [
    (lib.versionOlder "1.1" "1.2") # nixpkgs: true
    (lib.versionOlder "1.1" "1.1") # nixpkgs: false
  ];
  versionAtLeast = [
    (lib.versionAtLeast "1.1" "1.0") # nixpkgs: true
    (lib.versionAtLeast "1.1" "1.1") # nixpkgs: true
    (lib.versionAtLeast "1.1" "1.2") # nixpkgs: false
  ];
  getName = [
    (lib.getName "youtube-dl-2016.01.01") # nixpkgs: "youtube-dl"
    (lib.getName { name = "hello-2.10"; })
    (lib.getName { pname = "hello"; name = "ignored-1"; })
  ];
  getVersion = [
    (lib.getVersion "youtube-dl-2016.01.01") # nixpkgs: "2016.01.01"
    (lib.getVersion { name = "hello-2.10"; })
    (lib.getVersion { version = "3"; name = "ignored-1"; })
  ];
  nameFromURL = [
    (lib.nameFromURL "https://nixos.org/releases/nix/nix-1.7/nix-1.7-x86_64-linux.tar.bz2" "-") # nixpkgs: "nix"
    (lib.nameFromURL "https://nixos.org/releases/nix/nix-1.7/nix-1.7-x86_64-linux.tar.bz2" "_") # nixpkgs: "nix-1.7-x86"
  ];
  features = [
    (lib.enableFeature true "shared") # nixpkgs: "--enable-shared"
    (lib.enableFeature false "shared") # nixpkgs: "--disable-shared"
    (lib.enableFeatureAs true "shared" "foo") # nixpkgs: "--enable-shared=foo"
    (lib.enableFeatureAs false "shared" (throw "ignored")) # nixpkgs: "--disable-shared"
    (lib.withFeature true "shared") # nixpkgs: "--with-shared"
    (lib.withFeature false "shared") # nixpkgs: "--without-shared"
    (lib.withFeatureAs true "shared" "foo") # nixpkgs: "--with-shared=foo"
    (lib.withFeatureAs false "shared" (throw "ignored")) # nixpkgs: "--without-shared"
  ];
  meson = [
    (lib.mesonOption "engine" "opengl") # nixpkgs: "-Dengine=opengl"
    (lib.mesonBool "hardened" true) # nixpkgs: "-Dhardened=true"
    (lib.mesonBool "static" false) # nixpkgs: "-Dstatic=false"
    (lib.mesonEnable "docs" true) # nixpkgs: "-Ddocs=enabled"
    (lib.mesonEnable "savage" false) # nixpkgs: "-Dsavage=disabled"
    (builtins.tryEval (lib.mesonBool "x" "yes")).success
    (builtins.tryEval (lib.cmakeBool "x" 1)).success
  ];
  cmake = [
    (lib.cmakeOptionType "string" "ENGINE" "sdl2") # nixpkgs: "-DENGINE:STRING=sdl2"
    (lib.cmakeBool "ENABLE_FOO" true) # nixpkgs: "-DENABLE_FOO:BOOL=TRUE"
    (lib.cmakeBool "ENABLE_FOO" false)
    (lib.cmakeFeature "MODULES" "badblock") # nixpkgs: "-DMODULES:STRING=badblock"
  ];
  cmakeBadType = builtins.tryEval (lib.cmakeOptionType "number" "X" "1");
  fixedWidthString = [
    (lib.fixedWidthString 5 "0" (toString 15)) # nixpkgs: "00015"
    (lib.fixedWidthString 3 "ab" "x")
  ];
  fixedWidthStringTooLong = builtins.tryEval (lib.fixedWidthString 1 "0" "123");
  fixedWidthNumber = lib.fixedWidthNumber 5 15; # nixpkgs: "00015"
  toInt = [
    (lib.toInt "1337") # nixpkgs: 1337
    (lib.toInt "-4") # nixpkgs: -4
    (lib.toInt " 123 ") # nixpkgs: 123
    (lib.toInt "0")
  ];
  toIntFails = map (s: (builtins.tryEval (lib.toInt s)).success) [ "00024" "3.14" "" "a" ]; # nixpkgs: errors
  toIntBase10 = [
    (lib.toIntBase10 "1337") # nixpkgs: 1337
    (lib.toIntBase10 "-4") # nixpkgs: -4
    (lib.toIntBase10 " 123 ") # nixpkgs: 123
    (lib.toIntBase10 "00024") # nixpkgs: 24
    (lib.toIntBase10 "0")
  ];
  toIntBase10Fails = map (s: (builtins.tryEval (lib.toIntBase10 s)).success) [ "3.14" "" ]; # nixpkgs: errors
  isStorePath = [
    (lib.isStorePath "/nix/store/d945ibfx9x185xf04b890y4f9g3cbb63-python-2.7.11/bin/python") # nixpkgs: false
    (lib.isStorePath "/nix/store/d945ibfx9x185xf04b890y4f9g3cbb63-python-2.7.11") # nixpkgs: true
    (lib.isStorePath { outPath = "/nix/store/d945ibfx9x185xf04b890y4f9g3cbb63-python-2.7.11"; })
    (lib.isStorePath [ ] || lib.isStorePath 42 || lib.isStorePath { } || lib.isStorePath "x") # nixpkgs: false
  ];
  isStringLike = [
    (lib.isStringLike "a")
    (lib.isStringLike ./strings.nix)
    (lib.isStringLike { outPath = "x"; })
    (lib.isStringLike { __toString = self: "x"; })
    (lib.isStringLike 1)
  ];
  trim = [
    (lib.trim "   fo\no   ") # nixpkgs: "fo\no"
    (lib.trim "   ")
    (lib.trim "")
    (lib.trim "\t\r\nx\n")
  ];
  trimWith = [
    (lib.trimWith { start = true; } "   foo   ") # nixpkgs: "foo   "
    (lib.trimWith { end = true; } "   foo   ") # nixpkgs: "   foo"
    (lib.trimWith { } "   foo   ")
  ];
  match = strings.match "a(.)c" "abc";
  fileContents = lib.fileContents ./data/text.txt;
  sanitizeDerivationName = [
    (lib.sanitizeDerivationName "../hello.bar # foo") # nixpkgs: "-hello.bar-foo"
    (lib.sanitizeDerivationName "") # nixpkgs: "unknown"
    (lib.sanitizeDerivationName "/nix/store/2g75chlbpxlrqn15zlby2dfh8hr9qwbk-hello-2.10") # nixpkgs: "-nix-store-2g75chlbpxlrqn15zlby2dfh8hr9qwbk-hello-2.10"
    (lib.sanitizeDerivationName "ok-name_1.0")
    (lib.stringLength (lib.sanitizeDerivationName (lib.concatStrings (lib.replicate 300 "ab"))))
    (lib.sanitizeDerivationName "...")
  ];
  toShellVar = [
    (lib.toShellVar "foo" "some string") # nixpkgs: "foo='some string'"
    (lib.toShellVar "foo" [ "a" "b c" ])
    (lib.toShellVar "foo" { a = "1"; "b c" = "x'y"; })
    (lib.toShellVar "foo" { outPath = "/x"; })
  ];
  toShellVarBadName = builtins.tryEval (lib.toShellVar "1foo" "x");
  toShellVars = lib.toShellVars {
    foo = "some string";
    bar = [ "a" ];
  };
  splitVersion = lib.splitVersion "1.2.3"; # nixpkgs: [ "1" "2" "3" ]
  substring = lib.substring 1 2 "abcd";
  stringLength = lib.stringLength "abc";
  normalizePath = [
    (lib.normalizePath "/a//b///c/") # nixpkgs: "/a/b/c/"
    (lib.normalizePath "a") # nixpkgs: "a"
  ];
  commonPrefixLength = [
    (strings.commonPrefixLength "foobar" "fooqux") # nixpkgs: 3
    (strings.commonPrefixLength "" "foo")
  ];
  levenshtein = [
    (lib.levenshtein "foo" "foo") # nixpkgs: 0
    (lib.levenshtein "book" "hook") # nixpkgs: 1
    (lib.levenshtein "hello" "Heyo") # nixpkgs: 3
    (lib.levenshtein "" "abc")
  ];
  levenshteinAtMost = [
    (lib.levenshteinAtMost 0 "foo" "foo") # nixpkgs: true
    (lib.levenshteinAtMost 1 "foo" "boa") # nixpkgs: false
    (lib.levenshteinAtMost 2 "foo" "boa") # nixpkgs: true
    (lib.levenshteinAtMost 2 "This is a sentence" "this is a sentense.") # nixpkgs: false
    (lib.levenshteinAtMost 3 "This is a sentence" "this is a sentense.") # nixpkgs: true
  ];
}
