"tab\tnl\ncr\rquote\"dollar\${}backslash\\"
