# lib.versions. Each `# nixpkgs:` comment is the result nixpkgs' documentation gives.
let
  lib = import ../../../stdlib/lib;
  inherit (lib) versions;
in
{
  splitVersion = versions.splitVersion "1.2.3"; # nixpkgs: [ "1" "2" "3" ]
  major = versions.major "1.2.3"; # nixpkgs: "1"
  minor = versions.minor "1.2.3"; # nixpkgs: "2"
  patch = versions.patch "1.2.3"; # nixpkgs: "3"
  majorMinor = [
    (versions.majorMinor "1.2.3") # nixpkgs: "1.2"
    (versions.majorMinor "1")
  ];
  pad = [
    (versions.pad 3 "1.2") # nixpkgs: "1.2.0"
    (versions.pad 3 "1.3-rc1") # nixpkgs: "1.3.0-rc1"
    (versions.pad 3 "1.2.3.4") # nixpkgs: "1.2.3"
  ];
  others = [
    (versions.major "2024-01-01")
    (versions.minor "1.2a3")
  ];
  notFlat = lib ? major || lib ? pad; # as in nixpkgs, only lib.versions.major
}
