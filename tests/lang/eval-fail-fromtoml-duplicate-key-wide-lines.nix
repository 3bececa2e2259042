builtins.fromTOML ''
  x = 1



  abc = [1, 2]




  abc = 3
''
