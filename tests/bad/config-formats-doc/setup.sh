# "doc" is not an output format.
sed -i 's/^formats = pdf$/formats = pdf,doc/' config.ini
