''
  ''\  not stripped?
    a
''
