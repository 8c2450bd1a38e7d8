# [output] data is yes or no (docs/open-data.md): "maybe" is neither.
sed -i 's/^formats = pdf$/formats = pdf\ndata = maybe/' config.ini
