# A word list ([check] audit) with an unknown section: exit 2.
printf '# words\n[placeholder]\nXX\n' >audit-words.txt
printf '\n[check]\naudit = audit-words.txt\n' >>config.ini
