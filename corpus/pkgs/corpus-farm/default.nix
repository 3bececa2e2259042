# A linkFarm: chosen files of other packages under names of our choosing.
{ linkFarm, hello, libgreet, motd }:
linkFarm "corpus-farm" [
  { name = "bin/hello"; path = "${hello}/bin/hello"; }
  { name = "include/greet.h"; path = "${libgreet.dev}/include/greet.h"; }
  { name = "etc/motd"; path = motd; }
]
