let k = "key"; in { ${k} = 1; "${k}2" = 2; ${"lit"} = 3; "quoted" = 4; "with space" = 5; }
