# lib.asserts: the passing cases (failures are in tests/stdlib/errors/).
let
  lib = import ../../../stdlib/lib;
in
{
  assertMsg = lib.assertMsg true "not shown"; # nixpkgs: true
  assertMsgFails = builtins.tryEval (lib.assertMsg false "nope"); # nixpkgs: error: nope
  assertInAssert = assert lib.assertMsg (1 == 1) "one is one"; "ok";
  assertOneOf = lib.assertOneOf "sslLibrary" "openssl" [ "openssl" "bearssl" ]; # nixpkgs: true
  assertEachOneOf = lib.asserts.assertEachOneOf "libs" [ "a" "b" ] [ "a" "b" "c" ];
  toPretty = map (lib.generators.toPretty { }) [
    [ "openssl" "bearssl" ]
    "libressl"
    [ ]
    { a = 1; "b c" = [ true null ]; }
    "two\nlines"
    "ends\nwith newline\n"
    1.5
    ({ a, b ? 1 }: a)
  ];
  toPrettyOneLine = lib.generators.toPretty { multiline = false; } [ 1 { a = "x"; } ];
}
