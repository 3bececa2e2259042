let f = x: x; in { inherit f; g = f; h = rec { i = y: y; }; }
