let f = { a ? 10, b ? a + 1 }: [ a b ]; in [ (f {}) (f { a = 1; }) (f { b = 0; }) ]
