# The template includes a file that is a FIFO: refused at the include line
# (it hung).  tree reads the template; check does not.
printf 'include ../../../templates/seed004-full.tpl\ninclude extra.tpl\n' >main.tpl
mkfifo extra.tpl
sed -i 's|^template   = .*|template   = main.tpl|' config.ini
