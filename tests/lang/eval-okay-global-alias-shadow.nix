let map = "shadowed map"; in map
