[ (./lib == ./lib/.) (./lib/dir == ./lib + "/dir") ("/a" == /a) (/a < /b) (/a/b < /a/c) (./a < ./b) (/a == /a) ]
