[ 1 (throw "forced by ==") ] == [ 1 2 ]
