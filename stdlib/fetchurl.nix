# fetchurl, in the shape of nixpkgs' (its arguments and result), over the builtin
# builder builtin:fetchurl: a fixed-output derivation whose file is read from a
# `file://` URL on this machine (Ferrix has no network fetcher). `mirror://SITE/PATH`
# URLs become one URL per entry of `mirrors.SITE` (a list of URL prefixes, given to
# the standard library as `import <ferrix> { mirrors = { SITE = [ "file:///srv/m/" ]; }; }`),
# tried in order.
{ lib, mirrors }:
{ url ? null
, urls ? [ ]
, name ? null
, pname ? null
, version ? null
, hash ? ""
, sha1 ? ""
, sha256 ? ""
, sha512 ? ""
, md5 ? ""
, outputHash ? ""
, outputHashAlgo ? ""
, executable ? false
, recursiveHash ? false
, postFetch ? ""
, downloadToTemp ? false
, meta ? { }
, passthru ? { }
, preferLocalBuild ? true
}:
let
  given = (lib.optional (url != null) url) ++ urls;

  # A mirror:// URL stands for one URL per mirror of its site.
  expand = u:
    let m = builtins.match "mirror://([a-z0-9_-]+)/(.*)" u;
    in
    if m == null then [ u ]
    else
      let site = builtins.elemAt m 0; rest = builtins.elemAt m 1;
      in map (prefix: prefix + rest)
        (mirrors.${site} or (throw "fetchurl: no mirrors are known for 'mirror://${site}' (give them as `import <ferrix> { mirrors.${site} = [ ... ]; }`)"));
  resolved = lib.concatMap expand given;

  # The hash and its algorithm, as nixpkgs takes them (an SRI `hash` carries its own).
  fixed =
    if hash != "" then { outputHash = hash; outputHashAlgo = ""; }
    else if outputHash != "" then { inherit outputHash outputHashAlgo; }
    else if sha512 != "" then { outputHash = sha512; outputHashAlgo = "sha512"; }
    else if sha256 != "" then { outputHash = sha256; outputHashAlgo = "sha256"; }
    else if sha1 != "" then { outputHash = sha1; outputHashAlgo = "sha1"; }
    else if md5 != "" then { outputHash = md5; outputHashAlgo = "md5"; }
    else throw "fetchurl requires a hash for fixed-output derivation: ${lib.concatStringsSep ", " given}";

  finalName =
    if name != null then name
    else if pname != null && version != null then "${pname}-${version}"
    else baseNameOf (toString (builtins.head resolved));

  drv = derivation ({
    name = finalName;
    builder = "builtin:fetchurl";
    system = "builtin";
    url = builtins.head resolved;
    urls = resolved;
    inherit executable preferLocalBuild;
    unpack = false;
    outputHashMode = if recursiveHash || executable then "recursive" else "flat";
  } // fixed);
in
assert lib.assertMsg ((url == null) != (urls == [ ])) "fetchurl requires either `url` or `urls` to be set";
assert lib.assertMsg (resolved != [ ]) "fetchurl: the mirrors of ${lib.concatStringsSep ", " given} list no URL";
assert lib.assertMsg (postFetch == "" && !downloadToTemp)
  "fetchurl: `postFetch` and `downloadToTemp` are not supported by Ferrix's builtin fetcher";
drv // passthru // {
  urls = resolved;
  meta = meta;
}
