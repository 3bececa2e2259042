builtins.trace "traced before failing" (throw "after trace")
