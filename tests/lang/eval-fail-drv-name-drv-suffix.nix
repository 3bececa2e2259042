# A name ending in .drv is only allowed when the derivation produces a single .drv file
# (i.e. is text-hashed), never for a plain input-addressed derivation.
(derivation { name = "thing.drv"; system = "x"; builder = "/b"; outputs = [ "out" "dev" ]; }).outPath
