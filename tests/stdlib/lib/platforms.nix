# lib.licenses, lib.platforms, lib.systems, lib.meta.availableOn/platformMatch,
# lib.maintainers. Each `# nixpkgs:` comment is what nixpkgs gives for the case.
let
  lib = import ../../../stdlib/lib;
  linux = lib.systems.elaborate "x86_64-linux";
  darwin = lib.systems.elaborate "aarch64-darwin";
  arm = lib.systems.elaborate "armv7l-linux";
  musl = lib.systems.elaborate { config = "aarch64-unknown-linux-musl"; };
  pick = p: {
    inherit (p) system config libc isLinux isDarwin isx86_64 isx86_32 isx86 isAarch64 isAarch32 isAarch
      isRiscV is64bit is32bit isUnix isWindows isMusl isGnu isStatic linuxArch;
    inherit (p.parsed.cpu) name bits;
    byte = p.parsed.cpu.significantByte.name;
    kernel = p.parsed.kernel.name;
    inherit (p) uname;
    so = p.extensions.sharedLibrary;
  };
in
{
  # nixpkgs: { deprecated = false; free = true; fullName = "MIT License"; redistributable = true; shortName = "mit"; spdxId = "MIT"; url = "https://spdx.org/licenses/MIT.html"; }
  mit = lib.licenses.mit;
  # nixpkgs: spdxId "GPL-3.0-or-later", free
  gpl3Plus = [ lib.licenses.gpl3Plus.spdxId lib.licenses.gpl3Plus.free ];
  # nixpkgs: unfree is not free nor redistributable; unfreeRedistributable is redistributable
  unfree = [ lib.licenses.unfree.free lib.licenses.unfree.redistributable lib.licenses.unfreeRedistributable.redistributable ];
  # nixpkgs: publicDomain has no spdxId or url
  publicDomain = lib.licenses.publicDomain;
  # nixpkgs: gpl2 is deprecated
  deprecated = lib.licenses.gpl2.deprecated;
  spdx = (lib.getLicenseFromSpdxId "apache-2.0").shortName; # nixpkgs: "asl20"
  spdxOr = lib.getLicenseFromSpdxIdOr "NOPE" null; # nixpkgs: null

  # nixpkgs: platforms are lists of doubles
  linuxHas = [ (builtins.elem "x86_64-linux" lib.platforms.linux) (builtins.elem "x86_64-darwin" lib.platforms.linux) ];
  darwin = lib.platforms.darwin; # nixpkgs: [ "x86_64-darwin" "aarch64-darwin" ]
  x86_64 = builtins.filter (d: lib.hasSuffix "linux" d || lib.hasSuffix "darwin" d) lib.platforms.x86_64; # nixpkgs: [ "x86_64-linux" "x86_64-darwin" ]
  i686 = builtins.elem "i686-linux" lib.platforms.i686;
  x86 = builtins.all (d: builtins.elem d lib.platforms.x86) [ "i686-linux" "x86_64-linux" ];
  aarch64 = builtins.elem "aarch64-darwin" lib.platforms.aarch64;
  arm = builtins.elem "armv7l-linux" lib.platforms.arm;
  riscv = builtins.elem "riscv64-linux" lib.platforms.riscv;
  unix = [ (builtins.elem "x86_64-freebsd" lib.platforms.unix) (builtins.elem "x86_64-windows" lib.platforms.unix) ];
  windows = builtins.elem "x86_64-windows" lib.platforms.windows;
  freebsd = builtins.elem "x86_64-freebsd" lib.platforms.freebsd;
  none = lib.platforms.none; # nixpkgs: [ ]
  allHasAll = builtins.all (d: builtins.elem d lib.platforms.all) (lib.platforms.linux ++ lib.platforms.darwin);
  doubles = [ (builtins.elem "aarch64-linux" lib.systems.doubles.linux) (builtins.elem "x86_64-darwin" lib.systems.doubles.linux) ]; # nixpkgs: [ true false ]

  # nixpkgs: config "x86_64-unknown-linux-gnu", libc "glibc", cpu x86_64 64 littleEndian, kernel linux, uname Linux/x86_64, ".so"
  linux = pick linux;
  # nixpkgs: config "aarch64-apple-darwin", libc "libSystem", uname Darwin/arm64, ".dylib"
  darwinPlatform = pick darwin;
  # nixpkgs: config "armv7l-unknown-linux-gnueabihf", 32 bits, linuxArch "arm"
  armPlatform = pick arm;
  # nixpkgs: system "aarch64-linux", isMusl, libc "musl"
  muslPlatform = pick musl;
  canExecute = [ (linux.canExecute linux) (linux.canExecute darwin) (linux.canExecute (lib.systems.elaborate "i686-linux")) ];
  example = (lib.systems.elaborate lib.systems.examples.aarch64-multiplatform).system; # nixpkgs: "aarch64-linux"

  availableOn = [
    (lib.meta.availableOn linux { meta.platforms = lib.platforms.linux; }) # nixpkgs: true
    (lib.meta.availableOn darwin { meta.platforms = lib.platforms.linux; }) # nixpkgs: false
    (lib.meta.availableOn linux { }) # nixpkgs: true
    (lib.meta.availableOn linux { meta.badPlatforms = [ "x86_64-linux" ]; }) # nixpkgs: false
    (lib.meta.availableOn linux { meta.platforms = [ lib.systems.inspect.patterns.isLinux ]; }) # nixpkgs: true
  ];
  platformMatch = [
    (lib.meta.platformMatch linux "x86_64-linux") # nixpkgs: true
    (lib.meta.platformMatch linux { kernel.name = "darwin"; }) # nixpkgs: false
  ];

  maintainer = builtins.attrNames lib.maintainers.ferrix; # nixpkgs: [ "email" "github" "githubId" "name" ]
  team = builtins.length lib.teams.ferrix.members > 0;
}
