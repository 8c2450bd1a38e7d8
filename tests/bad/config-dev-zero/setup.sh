# The config path leads to /dev/zero (a config may lie anywhere, but must
# be a regular file): it was read forever.
rm config.ini
ln -s /dev/zero config.ini
