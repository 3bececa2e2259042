assert (throw "error inside the assert condition"); 1
