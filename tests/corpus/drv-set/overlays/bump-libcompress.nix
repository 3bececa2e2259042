# An overlay: libcompress goes to 1.1 (version and source, through overrideAttrs, so
# that everything depending on it changes too), greet gets an extra make flag through
# override + overrideAttrs, and a new package is added with the final set's callPackage.
final: prev: {
  libcompress = prev.libcompress.overrideAttrs (old: {
    version = "1.1";
    src = final.fetchLocal {
      file = ../sources/libcompress-1.1.txt;
      sha256 = "1kcdbl3mmljwwkf7rsd33zqisarsxcaz79n0sq5f89kc9w85idlk";
    };
  });

  greet = (prev.greet.override { static = false; }).overrideAttrs (old: {
    makeFlags = old.makeFlags ++ [ "CFLAGS=-O3" ];
  });

  greet-extra = final.callPackage ({ runCommand, greet, libcompress }:
    runCommand "greet-extra-${libcompress.version}" { inherit greet; } ''
      ln -s $greet $out
    '') { };
}
