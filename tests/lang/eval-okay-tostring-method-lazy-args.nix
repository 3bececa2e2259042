toString { __toString = self: "ok"; bad = throw "unused"; }
