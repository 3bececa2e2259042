let x = "  indented value"; in ''
    ${x}
  after
''
