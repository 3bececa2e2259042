[
  ''a''$b''
  ''dollar: ''${x}''
  ''quotes: ''' ''
  ''nl:''\n|''
  ''tab:''\t|''
  ''cr:''\r|''
  ''bs:''\\|''
  ''other:''\q|''
  ''plain backslash \n stays''
  ''$ and $$ and $$$''
]
