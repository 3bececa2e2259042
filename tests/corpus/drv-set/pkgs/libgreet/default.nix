# A library with four outputs: bin (the first, hence the default), dev, out and doc.
# Its dev output is what `greet` gets through buildInputs. The source is a filtered copy
# of sources/hello-src made by builtins.path.
{ mkDerivation, libcompress, lib }:
mkDerivation rec {
  pname = "libgreet";
  version = "2.3.1";
  outputs = [ "bin" "dev" "out" "doc" ];
  src = builtins.path {
    name = "libgreet-source";
    path = ../../sources/hello-src;
    filter = path: type: baseNameOf path != "README";
  };
  buildInputs = [ libcompress ];
  buildCommand = ''
    mkdir -p $bin/bin $dev/include $out/lib $doc/share/doc/${pname}
    echo "int greet(void);" > $dev/include/greet.h
    echo "see ${libcompress.dev}/include" > $doc/share/doc/${pname}/README
    ln -s ${libcompress}/lib/libcompress.txt $out/lib/
    cp $src/hello.c $bin/bin/
  '';
  passthru = {
    inherit src;
    mainOutput = "bin";
  };
}
