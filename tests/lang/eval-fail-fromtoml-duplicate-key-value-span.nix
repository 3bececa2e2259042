builtins.fromTOML ''
  x = 1
  key = "long value"  # comment
  key = 22
''
