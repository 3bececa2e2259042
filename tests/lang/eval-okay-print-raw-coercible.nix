{ outPath = "coerced via outPath"; }
