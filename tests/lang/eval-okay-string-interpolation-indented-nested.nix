let inner = ''
  a
  b
''; in ''
  outer:
    ${inner}
  end
''
