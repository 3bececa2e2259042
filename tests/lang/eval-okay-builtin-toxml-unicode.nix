builtins.toXML "é 日本 🎉"
