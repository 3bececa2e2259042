# A writeShellApplication: a strict bash script with hello and greet on its PATH.
{ writeShellApplication, hello, greet }:
writeShellApplication {
  name = "greet-everyone";
  runtimeInputs = [ hello greet ];
  text = ''
    hello
    for who in "$@"; do
      greet "$who"
    done
  '';
}
