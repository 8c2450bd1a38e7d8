# Years before last year without last year itself.
sed -i 's|^previous = input/2020$|earlier = input/2020|' config.ini
