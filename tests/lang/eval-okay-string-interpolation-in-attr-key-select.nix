let s = { "x-1" = "one"; }; n = 1; in s."x-${toString n}"
