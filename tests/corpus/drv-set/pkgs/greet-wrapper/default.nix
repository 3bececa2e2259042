# A wrapper script made by writeShellScriptBin, with a PATH from lib.makeBinPath.
{ writeShellScriptBin, lib, greet, libgreet, make-tool, greeting-config }:
writeShellScriptBin "greet-wrapper" ''
  export PATH=${lib.makeBinPath [ greet libgreet make-tool ]}:$PATH
  exec hello --config ${greeting-config} "$@"
''
