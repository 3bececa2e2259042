(import (toString ./lib/imported.nix)).n
