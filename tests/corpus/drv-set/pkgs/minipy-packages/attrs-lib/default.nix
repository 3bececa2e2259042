{ buildMinipyPackage, six, libcompress }:
buildMinipyPackage {
  pname = "attrs";
  version = "23.2.0";
  deps = [ six libcompress ];
  passthru.usesSix = true;
}
