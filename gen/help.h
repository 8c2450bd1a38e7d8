/*
 * help — `budgetgen help [TOPIC]`: the input files and their columns
 * (input), every config key (config), the template language (template),
 * in the run's language (i18n.h).  Without a topic: the --help text.
 */
#ifndef GEN_HELP_H
#define GEN_HELP_H

#include <stdio.h>

/* argv[0] is "help"; usage prints the --help text.  Returns the exit
 * status (0, or 2 for an unknown topic). */
int help_main(int argc, char **argv, void (*usage)(FILE *out));

#endif
