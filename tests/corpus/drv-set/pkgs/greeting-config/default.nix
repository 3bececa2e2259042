# A configuration file made by writeText (the text is passed with passAsFile).
{ writeText, greet, lib }:
writeText "greeting.conf" ''
  # generated
  program = ${greet}/bin/hello
  languages = ${lib.concatMapStringsSep ", " lib.escapeShellArg [ "en" "fr" "it's" ]}
''
