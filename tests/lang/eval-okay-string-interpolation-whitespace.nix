let x = "v"; in [ "${ x }" "${
  x
}" "${/* comment */ x}" ]
