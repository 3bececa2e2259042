[ (/a == "/a") ("/a" == toString /a) (/a == /a) ]
