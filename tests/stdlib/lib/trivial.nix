# lib.trivial. Each `# nixpkgs:` comment is the result nixpkgs' documentation gives.
let
  lib = import ../../../stdlib/lib;
  inherit (lib) trivial;
in
{
  id = lib.id 1;
  const = lib.const 1 2; # nixpkgs: 1
  pipe = [
    (lib.pipe 2 [ (x: x + 2) (x: x * 2) ]) # nixpkgs: 8
    (lib.pipe 2 [ ])
  ];
  concat = lib.concat [ 1 2 ] [ 3 4 ]; # nixpkgs: [ 1 2 3 4 ]
  boolOps = [
    (lib.or true false)
    (lib.and true false)
    (lib.xor true false)
    (lib.xor true true)
    (trivial.or false false)
  ];
  bits = [
    (lib.bitAnd 12 10)
    (lib.bitOr 12 10)
    (lib.bitXor 12 10)
    (lib.bitNot 0)
  ];
  boolToString = [
    (lib.boolToString true)
    (lib.boolToString false)
  ];
  mergeAttrs = lib.mergeAttrs { a = 1; b = 2; } { b = 3; c = 4; }; # nixpkgs: { a = 1; b = 3; c = 4; }
  flip = lib.flip lib.concat [ 1 ] [ 2 ]; # nixpkgs: [ 2 1 ]
  mapNullable = [
    (lib.mapNullable (x: x + 1) null) # nixpkgs: null
    (lib.mapNullable (x: x + 1) 22) # nixpkgs: 23
  ];
  defaultTo = [
    (lib.defaultTo 1 null)
    (lib.defaultTo 1 2)
  ];
  minMax = [
    (lib.min 1 2)
    (lib.max 1 2)
    (lib.min "b" "a")
  ];
  mod = [
    (lib.mod 11 10) # nixpkgs: 1
    (lib.mod 1 10) # nixpkgs: 1
    (lib.mod (-7) 3)
  ];
  compare = [
    (lib.compare 1 2)
    (lib.compare 2 2)
    (lib.compare "b" "a")
  ];
  splitByAndCompare =
    let
      cmp = lib.splitByAndCompare (lib.hasPrefix "foo") lib.compare lib.compare;
    in
    [
      (cmp "a" "z") # nixpkgs: -1
      (cmp "fooa" "fooz") # nixpkgs: -1
      (cmp "f" "a") # nixpkgs: 1
      (cmp "fooa" "a")
      (cmp "a" "fooa")
    ];
  importJSON = lib.importJSON ./data/data.json;
  importTOML = lib.importTOML ./data/data.toml;
  warnIfNot = lib.warnIfNot true "not shown" 5;
  throwIf = [
    (lib.throwIf false "not thrown" 5)
    (builtins.tryEval (lib.throwIf true "thrown" 5))
  ];
  throwIfNot = [
    (lib.throwIfNot true "not thrown" 5)
    (builtins.tryEval (lib.throwIfNot false "thrown" 5))
  ];
  setFunctionArgs =
    let
      f = lib.setFunctionArgs (args: args.a + 1) { a = false; };
    in
    [
      (f { a = 1; })
      (lib.functionArgs f)
      (lib.isFunction f)
    ];
  functionArgs = [
    (lib.functionArgs ({ a, b ? 1 }: a))
    (lib.functionArgs (x: x))
    (lib.functionArgs { __functor = self: { c }: c; })
  ];
  isFunction = [
    (lib.isFunction (x: x))
    (lib.isFunction { __functor = self: x: x; })
    (lib.isFunction { })
    (lib.isFunction 1)
  ];
  mirrorFunctionArgs = lib.functionArgs (lib.mirrorFunctionArgs ({ a, b ? 1 }: a) (args: args));
  toFunction = [
    (lib.toFunction 1 2) # nixpkgs: 1
    (lib.toFunction (x: x + 1) 2) # nixpkgs: 3
  ];
  toHexString = [
    (lib.toHexString 250) # nixpkgs: "FA"
    (lib.toHexString 0)
    (lib.toHexString 4095)
  ];
  toBaseDigits = [
    (lib.toBaseDigits 2 6) # nixpkgs: [ 1 1 0 ]
    (lib.toBaseDigits 10 0)
    (lib.toBaseDigits 16 255)
  ];
  fromHexString = [
    (lib.fromHexString "FF") # nixpkgs: 255
    (lib.fromHexString "0x7fffffffffffffff") # nixpkgs: 9223372036854775807
    (lib.fromHexString "a")
  ];
  inNixShell = lib.inNixShell;
  seq = lib.seq 1 2;
  deepSeq = lib.deepSeq [ 1 ] 2;
  typeOf = trivial.typeOf 1;
  info = trivial.info "an informative trace" 5;
  showWarnings = trivial.showWarnings [ ] 7;
  isInOldestRelease = trivial.isInOldestRelease 2411;
}
