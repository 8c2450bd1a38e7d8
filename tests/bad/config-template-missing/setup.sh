# [document] template names a file that does not exist.  check does not read
# the template (docs/config.md), so this is a tree case: exit 2.
sed -i 's|^template   = .*|template   = ../../../templates/nosuch.tpl|' config.ini
