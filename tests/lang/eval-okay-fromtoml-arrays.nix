builtins.fromTOML ''
  ints = [ 1, 2, 3 ]
  mixed = [ 1, "two", 3.0, [ 4 ], { five = 5 } ]
  nested = [ [ 1, 2 ], [ "a" ] ]
  trailing = [ 1, 2, ]
  multiline = [
    1,
    2, # comment
  ]
  empty = []
''
