{ __toString = self: "via ${self.name}"; name = "__toString"; }
