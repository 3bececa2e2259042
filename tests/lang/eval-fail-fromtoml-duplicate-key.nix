builtins.fromTOML ''
  a = 1
  a = 2
''
