(throw "the set itself throws").a or 1
