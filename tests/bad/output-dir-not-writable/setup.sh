# The output folder (with the published keep.pdf) may not be written into:
# build says so at the [output] dir line before laying anything out.
# chmod does not stop root; the immutable attribute does (teardown.sh
# removes it).  Where it is not supported (tmpfs), the case is skipped.
chmod a-w output
if [ "$(id -u)" = 0 ]; then
    chattr +i output 2>/dev/null || { chmod u+w output; exit 77; }
fi
