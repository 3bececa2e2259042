builtins.hashFile "whirlpool" ./lib/data.json
