"abc$
