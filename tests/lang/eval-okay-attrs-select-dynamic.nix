let s = { ab = 1; "a b" = 2; }; k = "a"; in [ s.${k + "b"} s."a b" s.${"a b"} s."${k}b" ]
