
  __curPos
