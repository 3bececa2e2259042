f x.
