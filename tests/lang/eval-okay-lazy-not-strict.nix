{ a = 1; b = throw "not forced without --strict"; }
