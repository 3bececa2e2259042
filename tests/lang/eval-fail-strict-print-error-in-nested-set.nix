{ a.b.c = 1; a.b.d = throw "nested failure"; }
