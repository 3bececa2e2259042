[ map secret (let secret = "inner"; in secret) ]
