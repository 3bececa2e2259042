# <nix/fetchurl.nix>: a file fetched by the builtin builder builtin:fetchurl, as the
# reference's own file of that name makes it (the same attributes, so the same
# derivation). `hash` is an SRI hash; else the first of sha512, sha1, md5 and sha256
# that is given, with its algorithm. `unpack` takes the file as a NAR to restore;
# `unpack` or `executable` hash the output recursively.
{ system ? "" # no longer used
, url
, hash ? ""
, md5 ? ""
, sha1 ? ""
, sha256 ? ""
, sha512 ? ""
, outputHash ? (if hash != "" then hash
    else if sha512 != "" then sha512
    else if sha1 != "" then sha1
    else if md5 != "" then md5
    else sha256)
, outputHashAlgo ? (if hash != "" then ""
    else if sha512 != "" then "sha512"
    else if sha1 != "" then "sha1"
    else if md5 != "" then "md5"
    else "sha256")
, executable ? false
, unpack ? false
, name ? baseNameOf (toString url)
, impure ? false
}:
let
  fixed = if impure then { __impure = true; } else { inherit outputHashAlgo outputHash; };
in
derivation ({
  inherit name url executable unpack;
  builder = "builtin:fetchurl";
  system = "builtin";
  outputHashMode = if unpack || executable then "recursive" else "flat";
  preferLocalBuild = true;
  # Kept only so that the derivation is the reference's.
  impureEnvVars = [ "http_proxy" "https_proxy" "ftp_proxy" "all_proxy" "no_proxy" ];
  urls = [ url ];
} // fixed)
