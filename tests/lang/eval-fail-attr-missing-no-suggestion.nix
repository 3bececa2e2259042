{ alpha = 1; }.zzzzzzzz
