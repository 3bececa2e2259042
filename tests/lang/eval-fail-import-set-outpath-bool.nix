import { outPath = true; }
