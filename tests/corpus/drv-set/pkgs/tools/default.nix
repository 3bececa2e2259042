# symlinkJoin of several packages (a list of derivations in the environment).
{ symlinkJoin, greet, greet-wrapper, make-tool, motd, libgreet }:
symlinkJoin {
  name = "tools";
  paths = [ greet greet-wrapper make-tool motd libgreet.bin libgreet.doc ];
  passthru.count = 6;
}
