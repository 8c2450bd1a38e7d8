# One file of this year's folder is a symbolic link to a file outside the
# project folder: refused where it is read, naming the file (exit 2: a
# setup error, not an error in the figures).
mv input/2021/revenue.csv "$OUTSIDE/revenue.csv"
ln -s "$OUTSIDE/revenue.csv" input/2021/revenue.csv
