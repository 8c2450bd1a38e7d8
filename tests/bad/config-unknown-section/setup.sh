# A typo in a section header: [outptu] for [output] (line 19).
sed -i 's/^\[output\]$/[outptu]/' config.ini
