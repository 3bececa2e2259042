# A user environment (buildEnv): the installed outputs of the corpus's programs and
# library in one tree (each package's meta.outputsToInstall, plus its dev output),
# as a profile would hold them.
{ buildEnv, hello, libgreet, greet }:
buildEnv {
  name = "corpus-env";
  paths = [ hello libgreet greet ];
  extraOutputsToInstall = [ "dev" ];
  pathsToLink = [ "/bin" "/include" "/share/man" ];
}
