builtins.length (builtins.concatLists [ [ (throw "a") ] [ (throw "b") (throw "c") ] ])
