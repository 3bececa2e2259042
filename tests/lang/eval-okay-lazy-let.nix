let unused = throw "never"; x = 5; in x
