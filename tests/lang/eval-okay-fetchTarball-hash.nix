# sha256 (of the unpacked tree's NAR) in several encodings, a name, and an archive with
# several top-level entries (nothing stripped).
let
  url = "file://" + toString ./lib/fetch/hello.tar.gz;
  fetch = sha256: builtins.fetchTarball { inherit url sha256; };
  multi = builtins.fetchTarball { url = "file://" + toString ./lib/fetch/multi.tar; name = "multi"; };
in
[
  (fetch "1v66yghlv6l5k7a0xcc4h70gg616c0djw6fbvn8xxsf6wdvn4nml")
  (fetch "sha256-tFpid+PG6d6R3csZLhtgJpj3wIGEsQ7UmYWaTeHzxuw=")
  (builtins.fetchTarball {
    inherit url;
    name = "hello";
    sha256 = "1v66yghlv6l5k7a0xcc4h70gg616c0djw6fbvn8xxsf6wdvn4nml";
  })
  multi
  (builtins.readDir multi)
]
