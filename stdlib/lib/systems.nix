# lib.systems: platforms as nixpkgs describes them. `elaborate` takes a system
# double ("x86_64-linux"), a GNU triple ("aarch64-unknown-linux-musl") or a set with
# `system` or `config`, and gives the platform set stdenv's hostPlatform is:
# `system`, `config`, `parsed` (`cpu`, `vendor`, `kernel`, `abi`), `libc`, `uname`,
# `linuxArch`, `extensions`, `rust`, `canExecute`, `emulatorAvailable`/`emulator`
# and the `is*` predicates. `doubles` (also lib.platforms) are lists of system
# doubles, as nixpkgs' lib/systems/doubles.nix. The CPU, kernel and ABI tables hold
# the common systems, not every one nixpkgs knows.
{ lib }:
let
  inherit (builtins) elem filter length elemAt match;

  littleEndian = { name = "littleEndian"; };
  bigEndian = { name = "bigEndian"; };

  cpu = name: bits: significantByte: family: extra:
    { inherit name bits significantByte family; } // extra;

  cpuTypes = {
    i386 = cpu "i386" 32 littleEndian "x86" { arch = "i386"; };
    i486 = cpu "i486" 32 littleEndian "x86" { arch = "i486"; };
    i586 = cpu "i586" 32 littleEndian "x86" { arch = "i586"; };
    i686 = cpu "i686" 32 littleEndian "x86" { arch = "i686"; };
    x86_64 = cpu "x86_64" 64 littleEndian "x86" { arch = "x86-64"; };
    arm = cpu "arm" 32 littleEndian "arm" { };
    armv5tel = cpu "armv5tel" 32 littleEndian "arm" { version = "5"; arch = "armv5t"; };
    armv6l = cpu "armv6l" 32 littleEndian "arm" { version = "6"; arch = "armv6"; };
    armv7a = cpu "armv7a" 32 littleEndian "arm" { version = "7"; arch = "armv7-a"; };
    armv7l = cpu "armv7l" 32 littleEndian "arm" { version = "7"; arch = "armv7-a"; };
    aarch64 = cpu "aarch64" 64 littleEndian "arm" { version = "8"; arch = "armv8-a"; };
    riscv32 = cpu "riscv32" 32 littleEndian "riscv" { };
    riscv64 = cpu "riscv64" 64 littleEndian "riscv" { };
    powerpc = cpu "powerpc" 32 bigEndian "power" { };
    powerpc64 = cpu "powerpc64" 64 bigEndian "power" { };
    powerpc64le = cpu "powerpc64le" 64 littleEndian "power" { };
    mips = cpu "mips" 32 bigEndian "mips" { };
    mipsel = cpu "mipsel" 32 littleEndian "mips" { };
    mips64 = cpu "mips64" 64 bigEndian "mips" { };
    mips64el = cpu "mips64el" 64 littleEndian "mips" { };
    s390 = cpu "s390" 32 bigEndian "s390" { };
    s390x = cpu "s390x" 64 bigEndian "s390" { };
    loongarch64 = cpu "loongarch64" 64 littleEndian "loongarch" { };
    m68k = cpu "m68k" 32 bigEndian "m68k" { };
    wasm32 = cpu "wasm32" 32 littleEndian "wasm" { };
    wasm64 = cpu "wasm64" 64 littleEndian "wasm" { };
    avr = cpu "avr" 8 littleEndian "avr" { };
    msp430 = cpu "msp430" 16 littleEndian "msp430" { };
    javascript = cpu "javascript" 32 littleEndian "javascript" { };
  };
  # Names GNU triples use for the CPUs above.
  cpuAliases = {
    amd64 = "x86_64";
    arm64 = "aarch64";
    ppc64le = "powerpc64le";
    ppc64 = "powerpc64";
    ppc = "powerpc";
  };

  kernel = name: execFormat: families: { inherit name families; execFormat = { name = execFormat; }; };
  bsd = { bsd = { name = "bsd"; }; };
  darwinFamily = { darwin = { name = "darwin"; }; };
  kernels = {
    linux = kernel "linux" "elf" { };
    darwin = kernel "darwin" "macho" darwinFamily;
    macos = kernel "darwin" "macho" darwinFamily;
    ios = kernel "ios" "macho" darwinFamily;
    freebsd = kernel "freebsd" "elf" bsd;
    netbsd = kernel "netbsd" "elf" bsd;
    openbsd = kernel "openbsd" "elf" bsd;
    solaris = kernel "solaris" "elf" { };
    windows = kernel "windows" "pe" { };
    wasi = kernel "wasi" "wasm" { };
    redox = kernel "redox" "elf" { };
    genode = kernel "genode" "elf" { };
    ghcjs = kernel "ghcjs" "unknown" { };
    none = kernel "none" "unknown" { };
  };

  abis = lib.genAttrs [
    "gnu"
    "gnueabi"
    "gnueabihf"
    "gnuabi64"
    "musl"
    "musleabi"
    "musleabihf"
    "muslabi64"
    "android"
    "androideabi"
    "msvc"
    "cygnus"
    "eabi"
    "eabihf"
    "elf"
    "unknown"
  ] (name: { inherit name; });

  vendors = lib.genAttrs [ "unknown" "apple" "pc" "w64" "none" ] (name: { inherit name; });

  # A CPU's entry, its alias's, or an error naming the unknown CPU.
  cpuNamed =
    name:
    cpuTypes.${cpuAliases.${name} or name}
      or (throw "Unknown CPU type: ${name}");

  kernelNamed =
    name:
    if name == "mingw32" || name == "cygwin" then kernels.windows
    else if match "darwin[0-9.]*" name != null then kernels.darwin
    else if match "freebsd[0-9.]*" name != null then kernels.freebsd
    else kernels.${name} or (throw "Unknown kernel: ${name}");

  # The ABI a system has when its name does not give one, as nixpkgs' parse.nix.
  defaultAbi =
    cpu: kernelName:
    if kernelName == "linux" then
      if cpu.family == "arm" && cpu.bits == 32 then
        (if lib.versionAtLeast (cpu.version or "0") "6" then abis.gnueabihf else abis.gnueabi)
      else if cpu.family == "mips" && cpu.bits == 64 then abis.gnuabi64
      else abis.gnu
    else if kernelName == "windows" then abis.gnu
    else abis.unknown;

  defaultVendor =
    kernelName:
    if kernelName == "darwin" || kernelName == "ios" then vendors.apple
    else if kernelName == "windows" then vendors.w64
    else vendors.unknown;

  mkSystem =
    {
      cpu,
      vendor ? null,
      kernel,
      abi ? null,
    }:
    let
      c = cpuNamed cpu;
      k = kernelNamed kernel;
    in
    {
      cpu = c;
      kernel = k;
      vendor = if vendor == null then defaultVendor k.name else vendors.${vendor} or { name = vendor; };
      abi =
        if kernel == "cygwin" then abis.cygnus
        else if abi == null then defaultAbi c k.name
        else abis.${abi} or (throw "Unknown ABI: ${abi}");
    };

  # "cpu-kernel", "cpu-kernel-abi", "cpu-vendor-kernel" or "cpu-vendor-kernel-abi".
  mkSystemFromString =
    s:
    let
      parts = lib.splitString "-" s;
      n = length parts;
      at = elemAt parts;
    in
    if n == 1 then
      throw "Target specification with 1 components is ambiguous"
    else if n == 2 then
      mkSystem { cpu = at 0; kernel = at 1; }
    else if n == 3 then
      if vendors ? ${at 1} && !(kernels ? ${at 1}) then
        mkSystem { cpu = at 0; vendor = at 1; kernel = at 2; }
      else
        mkSystem { cpu = at 0; kernel = at 1; abi = at 2; }
    else if n == 4 then
      mkSystem { cpu = at 0; vendor = at 1; kernel = at 2; abi = at 3; }
    else
      throw "Target specification with ${toString n} components is ambiguous";

  doubleFromSystem =
    { cpu, kernel, abi, ... }:
    if abi.name == "cygnus" then "${cpu.name}-cygwin"
    else "${cpu.name}-${kernel.name}";

  tripleFromSystem =
    { cpu, vendor, kernel, abi, ... }:
    let
      kernelPart = if kernel.name == "windows" && abi.name == "gnu" then "mingw32" else kernel.name;
      abiPart = if abi.name == "unknown" || kernelPart == "mingw32" then "" else "-${abi.name}";
    in
    "${cpu.name}-${vendor.name}-${kernelPart}${abiPart}";

  # Predicates of a parsed system, as nixpkgs' lib/systems/inspect.nix.
  predicates =
    let
      abiIn = names: p: elem p.abi.name names;
      kernelIs = name: p: p.kernel.name == name;
      familyIs = family: p: p.cpu.family == family;
    in
    rec {
      isi686 = p: p.cpu.name == "i686";
      isx86_32 = p: familyIs "x86" p && p.cpu.bits == 32;
      isx86_64 = p: p.cpu.name == "x86_64";
      isx86 = familyIs "x86";
      isAarch32 = p: familyIs "arm" p && p.cpu.bits == 32;
      isAarch64 = p: familyIs "arm" p && p.cpu.bits == 64;
      isAarch = familyIs "arm";
      isArmv7 = p: isAarch32 p && (p.cpu.version or "") == "7";
      isRiscV = familyIs "riscv";
      isRiscV32 = p: isRiscV p && p.cpu.bits == 32;
      isRiscV64 = p: isRiscV p && p.cpu.bits == 64;
      isPower = familyIs "power";
      isPower64 = p: isPower p && p.cpu.bits == 64;
      isMips = familyIs "mips";
      isMips32 = p: isMips p && p.cpu.bits == 32;
      isMips64 = p: isMips p && p.cpu.bits == 64;
      isS390 = familyIs "s390";
      isLoongArch64 = p: familyIs "loongarch" p && p.cpu.bits == 64;
      isM68k = familyIs "m68k";
      isWasm = familyIs "wasm";
      isJavaScript = familyIs "javascript";
      isAvr = familyIs "avr";
      is8bit = p: p.cpu.bits == 8;
      is16bit = p: p.cpu.bits == 16;
      is32bit = p: p.cpu.bits == 32;
      is64bit = p: p.cpu.bits == 64;
      isLittleEndian = p: p.cpu.significantByte.name == "littleEndian";
      isBigEndian = p: p.cpu.significantByte.name == "bigEndian";

      isLinux = kernelIs "linux";
      isDarwin = p: p.kernel.families ? darwin;
      isMacOS = kernelIs "darwin";
      isiOS = kernelIs "ios";
      isBSD = p: p.kernel.families ? bsd;
      isFreeBSD = kernelIs "freebsd";
      isNetBSD = kernelIs "netbsd";
      isOpenBSD = kernelIs "openbsd";
      isSunOS = kernelIs "solaris";
      isWindows = kernelIs "windows";
      isCygwin = p: isWindows p && p.abi.name == "cygnus";
      isMinGW = p: isWindows p && p.abi.name == "gnu";
      isWasi = kernelIs "wasi";
      isRedox = kernelIs "redox";
      isGenode = kernelIs "genode";
      isGhcjs = kernelIs "ghcjs";
      isNone = kernelIs "none";
      isUnix = p: isBSD p || isDarwin p || isLinux p || isSunOS p || isCygwin p || isRedox p;

      isElf = p: p.kernel.execFormat.name == "elf";
      isMacho = p: p.kernel.execFormat.name == "macho";
      isPE = p: p.kernel.execFormat.name == "pe";

      isAndroid = abiIn [ "android" "androideabi" ];
      isGnu = abiIn [ "gnu" "gnueabi" "gnueabihf" "gnuabi64" ];
      isMusl = abiIn [ "musl" "musleabi" "musleabihf" "muslabi64" ];
      isEabi = abiIn [ "eabi" "eabihf" "gnueabi" "gnueabihf" "musleabi" "musleabihf" "androideabi" ];
    };

  # Patterns for meta.platforms (nixpkgs' inspect.patterns), matched with
  # lib.meta.platformMatch against the platform's `parsed`.
  patterns = {
    isLinux = { kernel = kernels.linux; };
    isDarwin = { kernel = { families = darwinFamily; }; };
    isFreeBSD = { kernel = kernels.freebsd; };
    isWindows = { kernel = kernels.windows; };
    isx86_64 = { cpu = cpuTypes.x86_64; };
    isAarch64 = { cpu = { family = "arm"; bits = 64; }; };
    isx86 = { cpu = { family = "x86"; }; };
    is64bit = { cpu = { bits = 64; }; };
    is32bit = { cpu = { bits = 32; }; };
  };

  # The doubles nixpkgs lists (lib/systems/doubles.nix), for the CPUs and kernels above.
  allDoubles = [
    # Linux
    "aarch64-linux" "armv5tel-linux" "armv6l-linux" "armv7a-linux" "armv7l-linux" "i686-linux"
    "loongarch64-linux" "m68k-linux" "mips-linux" "mips64-linux" "mips64el-linux" "mipsel-linux"
    "powerpc-linux" "powerpc64-linux" "powerpc64le-linux" "riscv32-linux" "riscv64-linux"
    "s390-linux" "s390x-linux" "x86_64-linux"
    # Darwin
    "x86_64-darwin" "aarch64-darwin"
    # FreeBSD, NetBSD, OpenBSD
    "aarch64-freebsd" "i686-freebsd" "x86_64-freebsd"
    "aarch64-netbsd" "armv6l-netbsd" "armv7a-netbsd" "armv7l-netbsd" "i686-netbsd" "m68k-netbsd"
    "mipsel-netbsd" "powerpc-netbsd" "riscv32-netbsd" "riscv64-netbsd" "x86_64-netbsd"
    "i686-openbsd" "x86_64-openbsd"
    # Cygwin, Windows
    "i686-cygwin" "x86_64-cygwin"
    "aarch64-windows" "i686-windows" "x86_64-windows"
    # Others
    "wasm32-wasi" "wasm64-wasi"
    "x86_64-solaris"
    "x86_64-redox"
    "aarch64-genode" "i686-genode" "x86_64-genode"
    "javascript-ghcjs"
    # Bare metal
    "aarch64-none" "arm-none" "armv6l-none" "avr-none" "i686-none" "m68k-none" "mips-none"
    "mips64-none" "msp430-none" "powerpc-none" "riscv32-none" "riscv64-none" "s390-none"
    "s390x-none" "x86_64-none"
  ];
  allParsed = map (d: { double = d; parsed = mkSystemFromString d; }) allDoubles;
  doublesWhere = pred: map (x: x.double) (filter (x: pred x.parsed) allParsed);

  doubles = with predicates; {
    all = allDoubles;
    none = [ ];

    arm = doublesWhere isAarch32;
    armv7 = doublesWhere isArmv7;
    aarch = doublesWhere isAarch;
    aarch64 = doublesWhere isAarch64;
    x86 = doublesWhere isx86;
    i686 = doublesWhere isi686;
    x86_64 = doublesWhere isx86_64;
    mips = doublesWhere isMips;
    mips64 = doublesWhere isMips64;
    power = doublesWhere isPower;
    riscv = doublesWhere isRiscV;
    riscv32 = doublesWhere isRiscV32;
    riscv64 = doublesWhere isRiscV64;
    s390 = doublesWhere isS390;
    loongarch64 = doublesWhere isLoongArch64;
    m68k = doublesWhere isM68k;
    js = doublesWhere isJavaScript;
    littleEndian = doublesWhere isLittleEndian;
    bigEndian = doublesWhere isBigEndian;

    cygwin = doublesWhere isCygwin;
    darwin = doublesWhere isDarwin;
    freebsd = doublesWhere isFreeBSD;
    genode = doublesWhere isGenode;
    ghcjs = doublesWhere isGhcjs;
    linux = doublesWhere isLinux;
    netbsd = doublesWhere isNetBSD;
    openbsd = doublesWhere isOpenBSD;
    redox = doublesWhere isRedox;
    illumos = doublesWhere isSunOS;
    unix = doublesWhere isUnix;
    wasi = doublesWhere isWasi;
    windows = doublesWhere isWindows;
    embedded = doublesWhere isNone;
    gnu = doublesWhere (p: isLinux p && isGnu p);
  };

  unameSystem =
    p:
    if predicates.isLinux p then "Linux"
    else if predicates.isDarwin p then "Darwin"
    else if predicates.isFreeBSD p then "FreeBSD"
    else if predicates.isNetBSD p then "NetBSD"
    else if predicates.isOpenBSD p then "OpenBSD"
    else if predicates.isSunOS p then "SunOS"
    else if predicates.isWindows p then "Windows"
    else if predicates.isRedox p then "Redox"
    else if predicates.isWasi p then "Wasi"
    else null;

  elaborate =
    systemOrArgs:
    let
      args = if builtins.isString systemOrArgs then { system = systemOrArgs; } else systemOrArgs;
      parsed = mkSystemFromString (args.config or args.system);
      p = builtins.mapAttrs (_: pred: pred parsed) predicates;
      final =
        {
          system = doubleFromSystem parsed;
          config = tripleFromSystem parsed;
          inherit parsed;
          isStatic = p.isWasi || p.isRedox;
          libc =
            if p.isDarwin then "libSystem"
            else if p.isMinGW then "msvcrt"
            else if p.isWasi then "wasilibc"
            else if p.isRedox then "relibc"
            else if p.isMusl then "musl"
            else if p.isAndroid then "bionic"
            else if p.isLinux then "glibc"
            else if p.isFreeBSD then "fblibc"
            else if p.isOpenBSD then "oblibc"
            else if p.isNetBSD then "nblibc"
            else if p.isNone then "newlib"
            else "native/impure";
          uname = {
            system = unameSystem parsed;
            processor =
              if p.isPower64 then "ppc64${lib.optionalString p.isLittleEndian "le"}"
              else if p.isDarwin && p.isAarch64 then "arm64"
              else parsed.cpu.name;
            release = null;
          };
          linuxArch =
            if p.isAarch32 then "arm"
            else if p.isAarch64 then "arm64"
            else if p.isx86_32 then "i386"
            else if p.isx86_64 then "x86_64"
            else if p.isPower then "powerpc"
            else if p.isRiscV then "riscv"
            else if p.isS390 then "s390"
            else if p.isLoongArch64 then "loongarch"
            else if p.isMips then "mips"
            else parsed.cpu.name;
          extensions = {
            sharedLibrary =
              if p.isDarwin then ".dylib" else if p.isWindows then ".dll" else ".so";
            staticLibrary = ".a";
            executable = if p.isWindows then ".exe" else "";
          } // {
            library = if final.isStatic then final.extensions.staticLibrary else final.extensions.sharedLibrary;
          };
          hasSharedLibraries = !final.isStatic && !p.isWasm && !p.isNone;
          rust =
            let
              target = if p.isDarwin && p.isAarch64 then "aarch64-apple-darwin" else final.config;
            in
            {
              rustcTarget = target;
              rustcTargetSpec = target;
              cargoShortTarget = target;
              cargoEnvVarTarget = lib.toUpper (builtins.replaceStrings [ "-" ] [ "_" ] target);
              platform = {
                arch = if p.isAarch32 then "arm" else parsed.cpu.name;
                os = if p.isDarwin then "macos" else parsed.kernel.name;
              };
            };
          # Whether this platform's programs run on `platform`: the same kernel and ABI
          # family, and the same CPU or one it is compatible with (an x86_64 runs i686
          # programs, an aarch64 32-bit ARM ones are not assumed).
          canExecute =
            platform:
            parsed.kernel.name == platform.parsed.kernel.name
            && p.isAndroid == (platform.isAndroid or false)
            && (
              parsed.cpu.name == platform.parsed.cpu.name
              || (p.isx86_64 && platform.parsed.cpu.family == "x86")
              || (p.isx86 && p.is32bit && platform.parsed.cpu.family == "x86" && platform.parsed.cpu.bits == 32)
            );
          # A program that runs this platform's programs on `pkgs`' host: only the
          # platforms it can execute itself (no qemu or wine).
          emulatorAvailable = pkgs: pkgs.stdenv.hostPlatform.canExecute final;
          emulator =
            pkgs:
            if final.emulatorAvailable pkgs then
              lib.getExe' (pkgs.writeShellScriptBin "exec" ''exec "$@"'') "exec"
            else
              throw "Don't know how to run ${final.config} executables.";
        }
        // p
        // removeAttrs args [ "system" "config" ];
    in
    final;

  examples = builtins.mapAttrs (_: config: { inherit config; }) {
    gnu64 = "x86_64-unknown-linux-gnu";
    gnu32 = "i686-unknown-linux-gnu";
    musl64 = "x86_64-unknown-linux-musl";
    musl32 = "i686-unknown-linux-musl";
    aarch64-multiplatform = "aarch64-unknown-linux-gnu";
    aarch64-multiplatform-musl = "aarch64-unknown-linux-musl";
    armv7l-hf-multiplatform = "armv7l-unknown-linux-gnueabihf";
    raspberryPi = "armv6l-unknown-linux-gnueabihf";
    riscv64 = "riscv64-unknown-linux-gnu";
    riscv32 = "riscv32-unknown-linux-gnu";
    ppc64le = "powerpc64le-unknown-linux-gnu";
    s390x = "s390x-unknown-linux-gnu";
    loongarch64-linux = "loongarch64-unknown-linux-gnu";
    x86_64-darwin = "x86_64-apple-darwin";
    aarch64-darwin = "aarch64-apple-darwin";
    mingwW64 = "x86_64-w64-mingw32";
    mingw32 = "i686-w64-mingw32";
    x86_64-freebsd = "x86_64-unknown-freebsd";
    x86_64-netbsd = "x86_64-unknown-netbsd";
    x86_64-openbsd = "x86_64-unknown-openbsd";
    wasi32 = "wasm32-unknown-wasi";
  };
in
{
  inherit elaborate examples doubles;
  parse = {
    inherit mkSystemFromString doubleFromSystem tripleFromSystem kernels abis;
    cpuTypes = cpuTypes;
  };
  inspect = {
    inherit predicates patterns;
  };
  # nixpkgs' flakeExposed: the systems flakes export outputs for.
  flakeExposed = [
    "x86_64-linux"
    "aarch64-linux"
    "x86_64-darwin"
    "armv6l-linux"
    "armv7l-linux"
    "i686-linux"
    "aarch64-darwin"
    "powerpc64le-linux"
    "riscv64-linux"
    "x86_64-freebsd"
  ];
  # Compare a platform with another: the same `system` and `config`.
  equals = a: b: a.system == b.system && a.config == b.config;
}
