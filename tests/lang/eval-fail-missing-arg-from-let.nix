let mkThing = { name, version }: name; in mkThing { name = "x"; }
