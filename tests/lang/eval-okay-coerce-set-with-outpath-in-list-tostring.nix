toString [ { outPath = "o"; } { __toString = s: "t"; } ]
