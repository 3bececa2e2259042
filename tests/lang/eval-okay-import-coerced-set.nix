[ (import { outPath = ./lib/imported.nix; }) (import { __toString = self: toString ./lib/imported.nix; }) ]
