{ "a.b" = { c = "quoted attr path"; }; }
