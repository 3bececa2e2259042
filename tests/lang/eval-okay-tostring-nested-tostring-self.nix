let s = { __toString = self: "n=${toString self.n}"; n = 5; }; in "${s}/${toString s}"
