# The "end" of "table performance" (line 105) is deleted (line 122): the
# directives after it are read as table directives until the file ends.
cp ../../../templates/seed004.tpl bad.tpl
sed -i 's|^template   = .*|template   = bad.tpl|' config.ini
sed -i '122{/^end$/d}' bad.tpl
