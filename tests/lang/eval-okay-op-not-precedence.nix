[ (!true) (!false) (!true || true) (!(true || true)) (! false && false) (!true == false) ]
