# [input] dir names an absolute folder outside the project folder (/etc
# exists everywhere): refused at its line before anything is read.
sed -i 's|^dir      = input/2021$|dir      = /etc|' config.ini
