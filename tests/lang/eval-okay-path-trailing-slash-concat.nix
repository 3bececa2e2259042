[ (/foo + "/") (/foo + "bar") (/foo + "/bar/") (/foo + "//x") ]
