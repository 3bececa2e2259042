# String helpers, with the names and meanings of nixpkgs' lib.strings.
{ lib }:
let
  inherit (builtins) concatStringsSep stringLength substring genList length elemAt;
in
rec {
  inherit concatStringsSep;

  concatStrings = concatStringsSep "";
  concatMapStrings = f: list: concatStrings (map f list);
  concatMapStringsSep = sep: f: list: concatStringsSep sep (map f list);
  concatImapStringsSep = sep: f: list:
    concatStringsSep sep (genList (i: f (i + 1) (elemAt list i)) (length list));

  # s if cond, else "".
  optionalString = cond: string: if cond then string else "";

  hasPrefix = pref: str: substring 0 (stringLength pref) str == pref;
  hasSuffix = suffix: content:
    let
      lenC = stringLength content;
      lenS = stringLength suffix;
    in lenC >= lenS && substring (lenC - lenS) lenS content == suffix;

  removePrefix = prefix: str:
    if hasPrefix prefix str
    then substring (stringLength prefix) (stringLength str - stringLength prefix) str
    else str;
  removeSuffix = suffix: str:
    if hasSuffix suffix str
    then substring 0 (stringLength str - stringLength suffix) str
    else str;

  # "a:b:c" from the given subdirectory of each package.
  makeSearchPath = subDir: paths:
    concatStringsSep ":" (map (path: "${path}/${subDir}") (builtins.filter (x: x != null) paths));
  makeBinPath = pkgs: makeSearchPath "bin" (map (lib.getOutput "bin") pkgs);

  # Splits a string at every occurrence of sep (a literal).
  splitString = sep: s:
    builtins.filter builtins.isString (builtins.split (lib.escapeRegex sep) s);
  escapeRegex = builtins.replaceStrings
    [ "\\" "[" "]" "{" "}" "(" ")" "^" "$" "*" "+" "?" "." "|" ]
    [ "\\\\" "\\[" "\\]" "\\{" "\\}" "\\(" "\\)" "\\^" "\\$" "\\*" "\\+" "\\?" "\\." "\\|" ];

  # Quotes a string for the POSIX shell.
  escapeShellArg = arg: "'${builtins.replaceStrings [ "'" ] [ "'\\''" ] (toString arg)}'";
  escapeShellArgs = concatMapStringsSep " " escapeShellArg;

  toUpper = builtins.replaceStrings lowerChars upperChars;
  toLower = builtins.replaceStrings upperChars lowerChars;
  lowerChars = lib.stringToCharacters "abcdefghijklmnopqrstuvwxyz";
  upperChars = lib.stringToCharacters "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  stringToCharacters = s: genList (p: substring p 1 s) (stringLength s);

  # "name-version" parts, as builtins.parseDrvName.
  getName = x: (builtins.parseDrvName (x.name or x)).name;
  getVersion = x: (builtins.parseDrvName (x.name or x)).version;

  versionAtLeast = v1: v2: builtins.compareVersions v1 v2 >= 0;
  versionOlder = v1: v2: builtins.compareVersions v2 v1 > 0;
}
