builtins.fromTOML ''
  [tab.sub]
  x = 1
  [other]
  [tab.sub]
''
