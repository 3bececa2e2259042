toString { outPath = { outPath = "deep"; }; }
