builtins.isInt (throw "isInt forces its argument")
