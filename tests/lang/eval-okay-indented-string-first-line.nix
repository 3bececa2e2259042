[ ''first line content
  second'' ''   leading spaces on first line
  second'' '' x'' ]
