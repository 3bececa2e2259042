''
  two spaces
  	space then tab
''
