throw "even lazy printing forces the top level"
