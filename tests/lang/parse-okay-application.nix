f: a: b: g: c: d: f a b (g c) d.e
