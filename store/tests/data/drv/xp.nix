# Derivations that need experimental features (see generate.sh): text-hashed fixed
# outputs, floating content-addressed outputs, a derivation deferred by one, an impure one.
let
  sys = "x86_64-linux";
  mk = attrs: derivation ({ system = sys; builder = "/bin/sh"; } // attrs);
in rec {
  fodText = mk { name = "fod-text"; args = [ "-c" "printf 'hello world\\n' > $out" ]; outputHashMode = "text";
    outputHash = "sha256-qUiQTy8PR5uPgZdpSzAYSw0u0cHNKh7A+4XSmaGSpEc="; };
  floating = mk { name = "floating"; __contentAddressed = true; outputs = [ "out" "dev" ]; args = [ "-c" "echo > $out; echo > $dev" ]; };
  impure = mk { name = "impure"; __impure = true; args = [ "-c" "date > $out" ]; };
  deferred = mk { name = "deferred"; args = [ "-c" "echo ${floating.dev} ${fodText} > $out" ]; };
}
