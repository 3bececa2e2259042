/* libgreet: greetings for whoever asks. */
#ifndef GREET_H
#define GREET_H

/* Writes "Greetings, WHO!" and a newline to standard output. */
void greet(const char *who);

#endif
