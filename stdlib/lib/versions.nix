# lib.versions: parts of version strings.
{ lib }:
let
  inherit (builtins) splitVersion elemAt;
in
{
  inherit splitVersion;
  major = v: elemAt (splitVersion v) 0;
  minor = v: elemAt (splitVersion v) 1;
  patch = v: elemAt (splitVersion v) 2;
  majorMinor = v: builtins.concatStringsSep "." (lib.lists.take 2 (splitVersion v));
  # The numeric part (before the first "-") padded with ".0"s or cut to n components;
  # the rest kept: pad 3 "1.3-rc1" is "1.3.0-rc1".
  pad =
    n: version:
    let
      numeric = builtins.head (lib.strings.splitString "-" version);
      suffix = lib.strings.removePrefix numeric version;
      parts = splitVersion numeric;
      missing = n - builtins.length parts;
    in
    builtins.concatStringsSep "." (
      lib.lists.take n parts ++ lib.lists.replicate (lib.trivial.max 0 missing) "0"
    )
    + suffix;
}
