toString { __toString = self: { __toString = _: "inner"; }; }
