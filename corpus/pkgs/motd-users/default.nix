# Two ways to take a file of another package: a symlink to it keeps that package in
# the runtime closure; a copy does not.
{ runCommand, motd, copy }:
runCommand (if copy then "motd-copied" else "motd-linked") { } ''
  mkdir -p $out/etc
  ${if copy then "cp ${motd} $out/etc/motd" else "ln -s ${motd} $out/etc/motd"}
''
