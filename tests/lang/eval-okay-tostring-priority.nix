toString { __toString = self: "tostring wins"; outPath = "outpath"; }
