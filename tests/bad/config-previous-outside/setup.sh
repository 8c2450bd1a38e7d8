# [input] previous names a real copy of last year's folder, made outside the
# project folder: refused at its line although every file in it is good.
cp -r input/2020 "$OUTSIDE/2020"
sed -i "s|^previous = input/2020\$|previous = $OUTSIDE/2020|" config.ini
