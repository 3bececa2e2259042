abort "the message"
