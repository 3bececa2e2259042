{ outPath = 1 + 1; }
