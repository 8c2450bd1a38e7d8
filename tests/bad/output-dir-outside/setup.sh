# [output] dir leads outside the project folder, to a folder that does not
# exist yet: build refuses at the line and creates nothing there.
sed -i 's|^dir     = output$|dir     = ../../../../outside/published|' config.ini
