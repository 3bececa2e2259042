[ (x: x) ({ a }: a) builtins.map ]
