builtins.fromTOML ''
  title = "TOML test"
  int = 42
  neg = -17
  plus = +99
  float = 3.14
  bool_t = true
  bool_f = false
  under = 1_000_000
''
