builtins.fromTOML ''
  [x]
  a = 1
  [y]
  a = 2
  [x]
  b = 1
  "a" = 3
''
