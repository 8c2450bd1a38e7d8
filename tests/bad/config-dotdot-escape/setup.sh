# [input] dir climbs out of the project folder with ../ (to a real copy of
# this year's folder): the message says where the path leads.
cp -r input/2021 "$OUTSIDE/2021"
sed -i 's|^dir      = input/2021$|dir      = ../../../../outside/2021|' config.ini
