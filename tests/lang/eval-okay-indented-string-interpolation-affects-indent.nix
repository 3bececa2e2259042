let x = "v"; in ''
      six
  ${x}
''
