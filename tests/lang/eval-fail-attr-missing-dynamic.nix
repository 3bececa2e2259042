let k = "ky"; in { key = 1; }.${k}
