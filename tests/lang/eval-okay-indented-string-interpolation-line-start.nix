let x = "XX"; y = "multi\n  line"; in ''
  ${x} at start
    indented ${x}
  ${y}
''
