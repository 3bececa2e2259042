with { }; [ x y.z ]
