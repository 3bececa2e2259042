{ buildMinipyPackage }:
buildMinipyPackage {
  pname = "six";
  version = "1.16.0";
}
