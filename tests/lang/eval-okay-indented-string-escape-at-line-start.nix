''
    ''${"not interpolated"}
  x
''
