# A fixed-output "fetcher" for files kept in corpus/sources: the builder copies the file
# (passed as a path, so it is added to the store as a source) to $out; the output path
# depends only on the hash, the mode and the name.
#
#   fetchLocal { file = ./x.tar; sha256 = "<base16 or nix32 or SRI>"; }
#   fetchLocal { file = ./dir; hash = "sha256-..."; recursive = true; }
{ lib, system }:
{ file
, name ? baseNameOf (toString file)
, sha256 ? null
, hash ? null
, recursive ? false
}:
derivation ({
  inherit name system;
  builder = "/bin/sh";
  args = [ "-c" (if recursive then "cp -r $src $out" else "cp $src $out") ];
  src = file;
  outputHashMode = if recursive then "recursive" else "flat";
  preferLocalBuild = true;
  impureEnvVars = [ "http_proxy" "https_proxy" ];
} // (if hash != null then { outputHash = hash; outputHashAlgo = null; }
     else { outputHash = sha256; outputHashAlgo = "sha256"; }))
