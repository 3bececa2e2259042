[ (1 == 1) (1 == 2) ("a" == "a") (null == null) (true == true) (true == false) (1 == 1.0) (1.5 == 1.5) (1 == "1") (null == false) ([ ] == [ ]) ({ } == { }) ]
