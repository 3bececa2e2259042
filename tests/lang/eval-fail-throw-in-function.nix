let f = x: throw "bad ${toString x}"; in f 3
