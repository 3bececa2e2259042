# substituteAll { src, name ? baseNameOf src, dir ? "", isExecutable ? false, ... }:
# the file `src` with @VAR@ replaced by the value of each attribute VAR whose name
# starts with a lowercase letter (the shell's substituteAll), at $out, or at
# $out/DIR/NAME when `dir` is given. nixpkgs' older substitution builder.
{ stdenvNoCC }:
args:
stdenvNoCC.mkDerivation ({
  name = args.name or (baseNameOf (toString args.src));
  preferLocalBuild = true;
  allowSubstitutes = false;
  buildCommand = ''
    eval "''${preInstall:-}"
    target=$out
    if [ -n "''${dir:-}" ]; then
      target=$out/$dir/$name
      mkdir -p "$out/$dir"
    fi
    substituteAll "$src" "$target"
    if [ -n "''${isExecutable:-}" ]; then chmod +x "$target"; fi
    eval "''${postInstall:-}"
  '';
} // args)
