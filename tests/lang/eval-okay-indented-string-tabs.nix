''
	tab-indented is not stripped
	  second
''
