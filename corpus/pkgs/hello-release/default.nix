# hello built from its release tarball (unpacked by the unpack phase), which is
# fetched through the corpus's mirror.
{ hello, fetchurl }:
hello.overrideAttrs (old: {
  pname = "hello-release";
  src = fetchurl {
    url = "mirror://corpus/hello-2.12.tar.gz";
    hash = "sha256-CD06XbOMhYoRtqHBdfuyGPzMt5GF6jB5I9Mq27A/06E=";
  };
})
