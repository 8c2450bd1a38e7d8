# input/2021 is a symbolic link to a folder outside the project folder: the
# config looks harmless, the link is followed and refused at [input] dir.
mv input/2021 "$OUTSIDE/2021"
ln -s "$OUTSIDE/2021" input/2021
