[ (map 1 [ ]) (map (throw "unused") [ ]) ]
