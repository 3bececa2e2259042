let x = abort "unused"; in 1
