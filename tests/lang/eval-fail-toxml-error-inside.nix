builtins.toXML { a = throw "inside toXML"; }
