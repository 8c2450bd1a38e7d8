# Undoes setup.sh, so that the runner can remove the folder.
if [ "$(id -u)" = 0 ]; then chattr -i output 2>/dev/null; fi
chmod u+w output
