[ (false -> false -> false) ((false -> false) -> false) (true || false -> false) ]
