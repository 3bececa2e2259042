{ __toString = self: "n is ${toString self.n}"; n = 1; }
