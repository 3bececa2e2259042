{ outPath = 1; }
