builtins.addErrorContext (throw "the message failed") (throw "original")
