{ "1" = "one"; "01" = "zero-one"; "1.5" = "float-like"; "-1" = "neg"; }
