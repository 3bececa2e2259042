[ (true || false && false) (false && true || true) (true || throw "short circuit") (false && throw "short circuit") ]
