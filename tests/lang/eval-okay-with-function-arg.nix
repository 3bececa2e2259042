let f = { x }: with { x = "with"; y = "y"; }; [ x y ]; in f { x = "arg"; }
