# [document] template and [input] function_codes name folders where files
# are expected.
sed -i 's|^template   = .*|template   = ../../../templates|' config.ini
sed -i 's|^function_codes = .*|function_codes = ../../../templates/codes|' config.ini
