let k = "k"; in { inherit k; ${k} = 2; }
