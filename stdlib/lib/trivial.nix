# lib.trivial: small combinators, arithmetic and Boolean helpers, warnings.
{ lib }:
let
  hexDigits = [ "0" "1" "2" "3" "4" "5" "6" "7" "8" "9" "A" "B" "C" "D" "E" "F" ];
in
rec {
  inherit (builtins)
    bitAnd
    bitOr
    bitXor
    seq
    deepSeq
    typeOf
    isString
    isList
    isAttrs
    isInt
    isFloat
    isBool
    isPath
    pathExists
    ;

  id = x: x;
  const = x: _: x;
  # Applies the functions left to right: pipe x [ f g ] is g (f x).
  pipe = value: functions: builtins.foldl' (acc: fn: fn acc) value functions;
  concat = xs: ys: xs ++ ys;
  or = a: b: a || b;
  and = a: b: a && b;
  xor = a: b: (!a) != (!b);
  bitNot = builtins.sub (-1);
  boolToString = b: if b then "true" else "false";
  mergeAttrs = a: b: a // b;
  flip = f: a: b: f b a;
  defaultTo = fallback: value: if value == null then fallback else value;
  mapNullable = f: value: if value == null then null else f value;

  min = a: b: if a < b then a else b;
  max = a: b: if a > b then a else b;
  # The remainder of a truncating division: mod (-7) 3 is -1.
  mod = dividend: divisor: dividend - divisor * builtins.div dividend divisor;
  compare = a: b: if a < b then -1 else if a > b then 1 else 0;
  # Orders values accepted by p before the others; `yes` orders two accepted values,
  # `no` two rejected ones.
  splitByAndCompare =
    p: yes: no: a: b:
    let
      pa = p a;
      pb = p b;
    in
    if pa && pb then
      yes a b
    else if pa then
      -1
    else if pb then
      1
    else
      no a b;

  importJSON = file: builtins.fromJSON (builtins.readFile file);
  importTOML = file: builtins.fromTOML (builtins.readFile file);

  warn = builtins.warn;
  warnIf = cond: msg: if cond then warn msg else id;
  warnIfNot = cond: msg: if cond then id else warn msg;
  throwIf = cond: msg: if cond then throw msg else id;
  throwIfNot = cond: msg: if cond then id else throw msg;
  info = msg: builtins.trace "INFO: ${msg}";
  showWarnings = warnings: result: lib.lists.foldr warn result warnings;

  setFunctionArgs = f: args: {
    __functor = _: f;
    __functionArgs = args;
  };
  functionArgs =
    f:
    if f ? __functor then f.__functionArgs or (functionArgs (f.__functor f)) else builtins.functionArgs f;
  isFunction = f: builtins.isFunction f || (f ? __functor && isFunction (f.__functor f));
  mirrorFunctionArgs = f: g: setFunctionArgs g (functionArgs f);
  toFunction = v: if isFunction v then v else _: v;

  # Digits of a non-negative integer in a base, most significant first.
  toBaseDigits =
    base: n:
    assert base >= 2;
    assert n >= 0;
    let
      digits = acc: m: if m < base then [ m ] ++ acc else digits ([ (mod m base) ] ++ acc) (m / base);
    in
    digits [ ] n;
  toHexString = n: lib.strings.concatMapStrings (builtins.elemAt hexDigits) (toBaseDigits 16 n);
  fromHexString =
    s:
    let
      m = builtins.match "(0x)?([0-9A-Fa-f]+)" s;
    in
    if m == null then
      throw "lib.trivial.fromHexString: ${builtins.toJSON s} is not a hexadecimal number"
    else
      (builtins.fromTOML "v = 0x${builtins.elemAt m 1}").v;

  inNixShell = builtins.getEnv "IN_NIX_SHELL" != "";
  # Pure evaluation has no builtins.currentSystem.
  inPureEvalMode = !builtins ? currentSystem;

  release = "25.11";
  oldestSupportedRelease = 2411;
  isInOldestRelease = release: release <= oldestSupportedRelease;
  version = release + "pre-ferrix";
  versionSuffix = "pre-ferrix";
  codeName = "Ferrix";
}
