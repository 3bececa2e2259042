a: b: { inherit "a" ${"b"}; }
