[ http://example.org/a/b?c=d&e=f https://x.org mailto:someone@example.com a:b ]
