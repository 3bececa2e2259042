a@{ b }@c: b
