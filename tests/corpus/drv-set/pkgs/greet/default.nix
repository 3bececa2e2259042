# The hello-world program: src is a plain path (the whole sources/hello-src directory is
# added to the store); it builds against libgreet's dev output; `static` is an argument
# that `override` changes (see greet-static).
{ mkDerivation, lib, libgreet, make-tool, static ? false }:
mkDerivation (finalAttrs: {
  pname = "greet" + lib.optionalString static "-static";
  version = "1.0";
  src = ../../sources/hello-src;
  buildInputs = [ libgreet ];
  nativeBuildInputs = [ make-tool ];
  makeFlags = [ "PREFIX=$(out)" ] ++ lib.optional static "LDFLAGS=-static";
  buildCommand = ''
    cp -r $src/* .
    make ${lib.concatStringsSep " " finalAttrs.makeFlags} install
    echo ${libgreet.dev}/include > $out/include-dir
  '';
  passthru.static = static;
})
