"line one
line two
	tabbed"
