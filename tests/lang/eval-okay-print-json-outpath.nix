{ a = { outPath = "/o"; x = 1; }; b = { __toString = _: "ts"; }; }
