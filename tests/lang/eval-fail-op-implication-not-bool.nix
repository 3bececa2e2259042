true -> "x"
