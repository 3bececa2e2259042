# A path value must exist to be copied to the store.
(derivation { name = "a"; system = "x"; builder = "/b"; src = ./lib/drv/does-not-exist; }).outPath
