# [input] dir names a folder that does not exist (exit 1, as docs/config.md
# documents: "input/none: error: input folder does not exist").
sed -i 's|^dir      = input/2021$|dir      = input/2022|' config.ini
