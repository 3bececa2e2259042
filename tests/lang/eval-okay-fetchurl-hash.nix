# A sha256 in each encoding the reference accepts, and a name of one's own.
let
  url = "file://" + toString ./lib/fetch/hello.txt;
  fetch = sha256: builtins.fetchurl { inherit url sha256; };
in
[
  (fetch "0ix4jahrkll5zg01wandq78jw3ab30q4nscph67rniqg5x7r0j59")
  (fetch "a948904f2f0f479b8f8197694b30184b0d2ed1c1cd2a1ec0fb85d299a192a447")
  (fetch "sha256-qUiQTy8PR5uPgZdpSzAYSw0u0cHNKh7A+4XSmaGSpEc=")
  (fetch "sha256:0ix4jahrkll5zg01wandq78jw3ab30q4nscph67rniqg5x7r0j59")
  (builtins.fetchurl {
    inherit url;
    name = "greeting";
    sha256 = "0ix4jahrkll5zg01wandq78jw3ab30q4nscph67rniqg5x7r0j59";
  })
  (builtins.fetchurl { inherit url; name = "unhashed"; })
  (builtins.fetchurl (url + "?query=1"))
]
