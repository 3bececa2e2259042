# pkg-config's setup hook: each input's lib/pkgconfig and share/pkgconfig (those that
# exist) on PKG_CONFIG_PATH, as nixpkgs' pkg-config wrapper's hook does natively.
pkgConfigWrapper_addPkgConfigPath() {
    addToSearchPath PKG_CONFIG_PATH "$1/lib/pkgconfig"
    addToSearchPath PKG_CONFIG_PATH "$1/share/pkgconfig"
}
addEnvHooks "$targetOffset" pkgConfigWrapper_addPkgConfigPath
