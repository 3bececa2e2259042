builtins.fromTOML ''
  a.b.c = 1
  a.d = 2
  "quoted key" = 3
  site."google.com" = true
  'literal key' = 4
''
