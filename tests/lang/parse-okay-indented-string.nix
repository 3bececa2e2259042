''
  line one
    ${ "interp" } two
  three
''
