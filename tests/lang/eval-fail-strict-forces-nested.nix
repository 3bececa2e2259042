{ a = [ 1 { b = throw "deep error"; } ]; }
