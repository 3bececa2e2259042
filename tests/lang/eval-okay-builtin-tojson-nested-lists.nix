builtins.toJSON [ [ ] [ [ ] ] { a = [ { } ]; } ]
