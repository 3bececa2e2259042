{ a = 1; b = "ok"; z = abort "last attribute aborts"; }
