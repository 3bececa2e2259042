builtins.fromTOML ''
  # full line comment
  a = 1 # trailing comment
  b = "# not a comment"
''
