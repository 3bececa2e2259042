let a = "outer"; f = { a ? "default" }: a; in [ (f { }) (f { a = "passed"; }) a ]
