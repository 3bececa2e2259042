# lib.strings: concatenation, prefixes and suffixes, escaping, configure/meson/cmake
# flags, names and versions of packages.
{ lib }:
let
  # (the set below inherits more builtins, which its own functions use)
  inherit (builtins)
    genList
    length
    elemAt
    head
    isList
    ;
  inherit (lib.lists) imap1 last;
  inherit (lib.trivial) boolToString;
  # --yes-feature or --no-feature, and the same with "=value" when flag is true.
  autoconfFlag =
    yes: no: flag: feature:
    assert builtins.isString feature;
    "--${if flag then yes else no}-${feature}";
  autoconfFlagAs =
    plain: flag: feature: value:
    plain flag feature + lib.strings.optionalString flag "=${value}";
  # A -Dfeature=... option of a Boolean, shown by `render`.
  mesonFlag =
    render: feature: flag:
    assert builtins.isString feature;
    assert builtins.isBool flag;
    lib.strings.mesonOption feature (render flag);
in
rec {
  inherit (builtins)
    stringLength
    substring
    concatStringsSep
    replaceStrings
    match
    split
    splitVersion
    compareVersions
    parseDrvName
    isString
    unsafeDiscardStringContext
    ;

  concatStrings = concatStringsSep "";
  concatMapStrings = f: list: concatStrings (map f list);
  concatImapStrings = f: list: concatStrings (imap1 f list);
  concatMapStringsSep =
    sep: f: list:
    concatStringsSep sep (map f list);
  concatImapStringsSep =
    sep: f: list:
    concatStringsSep sep (imap1 f list);
  concatLines = concatMapStrings (line: line + "\n");
  intersperse =
    sep: list: if length list < 2 then list else builtins.tail (builtins.concatMap (x: [ sep x ]) list);

  # "a/sub:b/sub" from [ "a" "b" ], nulls left out.
  makeSearchPath =
    subDir: paths:
    concatStringsSep ":" (map (p: p + "/" + subDir) (builtins.filter (p: p != null) paths));
  makeSearchPathOutput =
    output: subDir: pkgs:
    makeSearchPath subDir (map (lib.attrsets.getOutput output) pkgs);
  makeLibraryPath = makeSearchPathOutput "lib" "lib";
  makeIncludePath = makeSearchPathOutput "dev" "include";
  makeBinPath = makeSearchPathOutput "bin" "bin";

  optionalString = cond: s: if cond then s else "";

  hasPrefix = prefix: s: substring 0 (stringLength prefix) s == prefix;
  hasSuffix =
    suffix: s:
    let
      n = stringLength s;
      k = stringLength suffix;
    in
    n >= k && substring (n - k) k s == suffix;
  hasInfix = infix: s: length (builtins.split (escapeRegex infix) "${s}") > 1;
  removePrefix =
    prefix: s:
    let
      k = stringLength prefix;
    in
    if hasPrefix prefix s then substring k (stringLength s - k) s else s;
  removeSuffix =
    suffix: s:
    let
      k = stringLength suffix;
    in
    if hasSuffix suffix s then substring 0 (stringLength s - k) s else s;
  commonPrefixLength =
    a: b:
    let
      m = lib.trivial.min (stringLength a) (stringLength b);
      from = i: if i < m && substring i 1 a == substring i 1 b then from (i + 1) else i;
    in
    from 0;

  stringToCharacters = s: genList (i: substring i 1 s) (stringLength s);
  stringAsChars = f: s: concatMapStrings f (stringToCharacters s);
  lowerChars = stringToCharacters "abcdefghijklmnopqrstuvwxyz";
  upperChars = stringToCharacters "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  toLower = replaceStrings upperChars lowerChars;
  toUpper = replaceStrings lowerChars upperChars;

  escape = chars: replaceStrings chars (map (c: "\\" + c) chars);
  escapeRegex = escape (stringToCharacters "\\[{()^$?*+|.");
  escapeNixString = s: escape [ "$" ] (builtins.toJSON s);
  escapeNixIdentifier =
    s: if match "[a-zA-Z_][a-zA-Z0-9_'-]*" s != null then s else escapeNixString s;
  escapeShellArg =
    arg:
    let
      s = toString arg;
    in
    if match "[[:alnum:],._+:@%/-]+" s != null then
      s
    else
      "'" + replaceStrings [ "'" ] [ "'\\''" ] s + "'";
  escapeShellArgs = concatMapStringsSep " " escapeShellArg;
  # The XML entities of `"`, `'`, `<`, `>` and `&`.
  escapeXML = replaceStrings [ "\"" "'" "<" ">" "&" ] [ "&quot;" "&apos;" "&lt;" "&gt;" "&amp;" ];
  # What `toString` takes: string-like values, null, integers, floats, Booleans and
  # lists of these.
  isConvertibleWithToString =
    x:
    isStringLike x
    || builtins.elem (builtins.typeOf x) [ "null" "int" "float" "bool" ]
    || (builtins.isList x && builtins.all isConvertibleWithToString x);
  isValidPosixName = name: match "[a-zA-Z_][a-zA-Z0-9_]*" name != null;
  toShellVar =
    name: value:
    lib.trivial.throwIfNot (isValidPosixName name) "toShellVar: ${name} is not a valid shell variable name" (
      if builtins.isAttrs value && !isStringLike value then
        "declare -A ${name}=(${
          concatStringsSep " " (
            lib.attrsets.mapAttrsToList (k: v: "[${escapeShellArg k}]=${escapeShellArg v}") value
          )
        })"
      else if isList value then
        "declare -a ${name}=(${escapeShellArgs value})"
      else
        "${name}=${escapeShellArg value}"
    );
  toShellVars = vars: concatStringsSep "\n" (lib.attrsets.mapAttrsToList toShellVar vars);

  # The string's context added to another string.
  addContextFrom = src: target: substring 0 0 src + target;
  splitString =
    sep: s:
    map (addContextFrom s) (builtins.filter isString (builtins.split (escapeRegex (toString sep)) (toString s)));

  versionOlder = a: b: builtins.compareVersions b a == 1;
  versionAtLeast = a: b: !versionOlder a b;
  getName = x: if isString x then (parseDrvName x).name else x.pname or (parseDrvName x.name).name;
  getVersion =
    x: if isString x then (parseDrvName x).version else x.version or (parseDrvName x.name).version;
  nameFromURL =
    url: sep:
    let
      file = last (splitString "/" url);
      name = head (splitString sep file);
    in
    assert name != file;
    name;

  enableFeature = autoconfFlag "enable" "disable";
  enableFeatureAs = autoconfFlagAs enableFeature;
  withFeature = autoconfFlag "with" "without";
  withFeatureAs = autoconfFlagAs withFeature;
  mesonOption =
    feature: value:
    assert isString feature;
    assert isString value;
    "-D${feature}=${value}";
  mesonBool = mesonFlag boolToString;
  mesonEnable = mesonFlag (flag: if flag then "enabled" else "disabled");
  cmakeOptionType =
    type: feature: value:
    assert builtins.elem (toUpper type) [
      "BOOL"
      "FILEPATH"
      "PATH"
      "STRING"
      "INTERNAL"
    ];
    assert isString feature;
    assert isString value;
    "-D${feature}:${toUpper type}=${value}";
  cmakeBool =
    condition: flag:
    assert builtins.isBool flag;
    cmakeOptionType "bool" condition (toUpper (boolToString flag));
  cmakeFeature =
    feature: value:
    assert isString feature;
    assert isString value;
    cmakeOptionType "string" feature value;

  fixedWidthString =
    width: filler: s:
    let
      n = stringLength s;
    in
    assert lib.asserts.assertMsg (n <= width)
      "fixedWidthString: requested string length (${toString width}) must not be shorter than actual length (${toString n})";
    if n == width then s else filler + fixedWidthString (width - stringLength filler) filler s;
  fixedWidthNumber = width: n: fixedWidthString width "0" (toString n);

  # Decimal integers, optionally negative and surrounded by white space.
  toInt =
    s:
    let
      digits = match "[[:space:]]*(-?[[:digit:]]+)[[:space:]]*" s;
      n = builtins.fromJSON (head digits);
    in
    if digits == null then
      throw "toInt: Could not convert ${escapeNixString s} to int."
    else if match "0[[:digit:]]+" (head digits) != null then
      throw "toInt: Ambiguity in interpretation of ${escapeNixString s} between octal and zero padded integer."
    else
      n;
  # As toInt, leading zeros allowed.
  toIntBase10 =
    s:
    let
      parts = match "[[:space:]]*(-?)0*([[:digit:]]+)[[:space:]]*" s;
      n = builtins.fromJSON (elemAt parts 1);
    in
    if parts == null then
      throw "toIntBase10: Could not convert ${escapeNixString s} to int."
    else if head parts == "-" then
      0 - n
    else
      n;

  isStringLike = x: isString x || builtins.isPath x || x ? outPath || x ? __toString;
  isStorePath =
    x:
    if isStringLike x then
      let
        s = toString x;
      in
      substring 0 1 s == "/" && dirOf s == builtins.storeDir
    else
      false;

  # Without the white space (" \t\r\n") at the chosen ends.
  trimWith =
    {
      start ? false,
      end ? false,
    }:
    s:
    let
      chars = stringToCharacters s;
      n = length chars;
      blank = c: c == " " || c == "\t" || c == "\r" || c == "\n";
      from = if start then lib.lists.findFirstIndex (c: !blank c) n chars else 0;
      to =
        if end then
          n - lib.lists.findFirstIndex (c: !blank c) n (lib.lists.reverseList chars)
        else
          n;
    in
    if to <= from then "" else substring from (to - from) s;
  trim = trimWith {
    start = true;
    end = true;
  };

  fileContents = file: removeSuffix "\n" (builtins.readFile file);

  # A valid store path name made of any string: leading dots dropped, each run of
  # other characters than [[:alnum:]+._?=-] made a "-", the last 207 characters kept,
  # "unknown" for nothing.
  sanitizeDerivationName =
    s:
    let
      plain = unsafeDiscardStringContext s;
      noDots = head (match "[.]*(.*)" plain);
      runs = builtins.split "[^[:alnum:]+._?=-]+" noDots;
      joined = concatMapStrings (p: if isList p then "-" else p) runs;
      n = stringLength joined;
      tail207 = if n > 207 then substring (n - 207) 207 joined else joined;
    in
    if stringLength s <= 207 && match "[[:alnum:]+_?=-][[:alnum:]+._?=-]*" s != null then
      plain
    else if tail207 == "" then
      "unknown"
    else
      tail207;

  # Runs of "/" made one.
  normalizePath =
    s:
    builtins.foldl' (acc: c: if c == "/" && hasSuffix "/" acc then acc else acc + c) "" (
      stringToCharacters s
    );

  # The edit distance between two strings.
  levenshtein =
    a: b:
    let
      as = stringToCharacters a;
      bs = stringToCharacters b;
      firstRow = genList (j: j) (length bs + 1);
      nextRow =
        prev: ca:
        builtins.foldl' (
          row: j:
          let
            sub = elemAt prev j + (if ca == elemAt bs j then 0 else 1);
            del = elemAt prev (j + 1) + 1;
            ins = last row + 1;
          in
          row ++ [ (lib.trivial.min sub (lib.trivial.min del ins)) ]
        ) [ (head prev + 1) ] (genList (j: j) (length bs));
    in
    last (builtins.foldl' nextRow firstRow as);
  levenshteinAtMost =
    k: a: b:
    let
      d = stringLength a - stringLength b;
    in
    (if d < 0 then -d else d) <= k && levenshtein a b <= k;
}
