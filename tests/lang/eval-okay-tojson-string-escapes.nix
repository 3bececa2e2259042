builtins.toJSON [ "\"" "\\" "/" "\n" "\r" "\t" "\b" "é" "日本" "🎉" (builtins.fromJSON ''"\u0001\u001f\u007f"'') ]
