# A message of the day, its text handed to the builder as a file (passAsFile) rather
# than in the environment.
{ runCommand }:
runCommand "motd" {
  message = ''
    Welcome to the corpus.
    Everything here was built by Ferrix.
  '';
  passAsFile = [ "message" ];
} ''
  cp "$messagePath" $out
''
