# builtins.path with recursive = false (the file's bytes are hashed; a symlink at the
# root is followed) and with sha256 in base16, nix32 (with a prefix) and SRI.
let
  file = ./lib/path/file.txt;
  flat = builtins.path { path = file; name = "flat"; recursive = false; };
in
{
  inherit flat;
  viaSymlink = builtins.path { path = ./lib/path/file-link; name = "flat"; recursive = false; } == flat;
  base16 = builtins.path { path = file; name = "flat"; recursive = false; sha256 = "31b35f77c200b602cb790dc7718b5bae0e282612b552b53ea602628139b3500a"; };
  sri = builtins.path { path = file; name = "flat"; recursive = false; sha256 = "sha256-MbNfd8IAtgLLeQ3HcYtbrg4oJhK1UrU+pgJigTmzUAo="; } == flat;
  recursive = builtins.path { path = file; name = "rec"; };
  recursiveSymlink = builtins.path { path = ./lib/path/file-link; };
  flatContext = builtins.getContext flat;
}
