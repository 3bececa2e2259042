[ http://example.org/path?q=1 mailto:x@y.z ]
