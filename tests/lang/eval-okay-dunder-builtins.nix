[ (__add 1 2) (__length [ 1 2 ]) (__typeOf __add) ]
