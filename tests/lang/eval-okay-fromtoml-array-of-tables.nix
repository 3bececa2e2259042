builtins.fromTOML ''
  [[products]]
  name = "Hammer"
  sku = 738594937
  [[products]]
  [[products]]
  name = "Nail"
  color = "gray"
''
