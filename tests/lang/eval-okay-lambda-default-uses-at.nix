let f = args@{ a ? args.b, b }: a; in f { b = "from b"; }
