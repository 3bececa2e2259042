[ "a\"b" "back\\slash" "nl\nx" "tab\tx" "cr\rx" "dollar\${x}" "\$" "$" "$$" "\q\z\0" "a$b" "\\\\" ]
