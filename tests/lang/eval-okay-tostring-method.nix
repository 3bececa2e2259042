let s = { __toString = self: "custom:${self.v}"; v = "x"; }; in [ (toString s) "${s}" ("pre-" + s) ]
