# hello's release tarball, kept in the repository and fetched through a file:// URL
# (a fixed-output derivation: its hash is known in advance).
{ fetchurl }:
fetchurl {
  url = "file://${toString ../../sources/hello-2.12.tar.gz}";
  hash = "sha256-CD06XbOMhYoRtqHBdfuyGPzMt5GF6jB5I9Mq27A/06E=";
}
