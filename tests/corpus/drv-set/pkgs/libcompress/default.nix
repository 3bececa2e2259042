# A library with out and dev outputs, its source a fixed-output fetch; its environment
# holds attributes of every type `derivation` accepts (each turned into a string).
{ mkDerivation, fetchLocal, lib }:
mkDerivation (finalAttrs: {
  pname = "libcompress";
  version = "1.0";
  outputs = [ "out" "dev" ];
  src = fetchLocal {
    file = ../../sources/libcompress-1.0.txt;
    sha256 = "60b15af37666e668db171a70cbd0ecff336291be7e8b73e9e3ba8a73e227b838";
  };
  # env attributes of several types
  level = 9;                          # "9"
  negative = -3;                      # "-3"
  ratio = 0.25;                       # a float
  enableShared = true;                # "1"
  enableStatic = false;               # ""
  nothing = null;                     # ""
  flags = [ "-O2" "-fPIC" 42 true null [ "nested" ] ]; # space-separated
  quoted = "tab\there \"quotes\" back\\slash dollar$ newline\nend";
  unicode = "grüße, 世界 ✓";
  empty = "";
  buildCommand = ''
    mkdir -p $out/lib $dev/include
    cp $src $out/lib/libcompress.txt
    echo '#define COMPRESS_VERSION "${finalAttrs.version}"' > $dev/include/compress.h
  '';
  passthru.tests = { };
  meta.description = "A pretend compression library";
})
