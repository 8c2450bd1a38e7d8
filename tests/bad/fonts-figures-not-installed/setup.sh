# [fonts] figures names only faces that are not installed: like every
# [fonts] key, an error at its line (no other face is used silently), and
# nothing is written.
printf '\n[fonts]\nfigures = No Such Figures Face, Nor This One\n' >>config.ini
