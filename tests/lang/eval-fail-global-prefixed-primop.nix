__map (x: x) [ ]
