{ a = throw "not forced without --strict"; b = [ (abort "nor this") ]; }
