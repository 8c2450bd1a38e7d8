# notes.txt is a FIFO (named pipe) that nobody writes: it hung the whole
# batch forever.  Refused before reading, exit 2 (bad-input runs are under
# timeout, so a hang fails the case instead of the suite).
rm input/2021/notes.txt
mkfifo input/2021/notes.txt
