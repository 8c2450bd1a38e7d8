# Point 2 of issue 13: [input] unit names a unit budgetgen does not know
# (千元): refused at its line, before any file is read.
sed -i 's|^dir      = input/2021$|unit     = 千元\ndir      = input/2021|' config.ini
