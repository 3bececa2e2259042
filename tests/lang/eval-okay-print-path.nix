[ /a/b /x ]
