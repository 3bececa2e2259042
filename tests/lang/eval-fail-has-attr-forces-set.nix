(throw "forced by ?") ? a
