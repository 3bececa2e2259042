{ inherit () a; }
