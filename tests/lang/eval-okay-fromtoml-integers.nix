builtins.fromTOML ''
  hex = 0xDEADBEEF
  hex2 = 0xdead_beef
  oct = 0o755
  bin = 0b11010110
  zero = 0
  pzero = +0
  nzero = -0
  max = 9223372036854775807
  min = -9223372036854775808
''
