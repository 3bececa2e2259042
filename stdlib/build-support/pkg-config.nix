# pkg-config as a build input: `bin/pkg-config` runs the host's /usr/bin/pkg-config
# (an impurity, as /bin/bash is), and the setup hook adds each input's lib/pkgconfig
# and share/pkgconfig to PKG_CONFIG_PATH. The host's pkg-config still searches its own
# default directories after those. `hook` is setup-hooks/pkg-config.sh.
{ runCommand, hook }:
runCommand "pkg-config-host" {
  meta.description = "The host's pkg-config, finding the build inputs' .pc files";
} ''
  mkdir -p "$out/bin" "$out/nix-support"
  printf '#!/bin/bash\nexec /usr/bin/pkg-config "$@"\n' > "$out/bin/pkg-config"
  chmod +x "$out/bin/pkg-config"
  cp ${hook} "$out/nix-support/setup-hook"
''
