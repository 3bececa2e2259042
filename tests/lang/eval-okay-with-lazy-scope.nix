with (throw "never evaluated"); 1
