# expenditure.csv removed: the standard tables cannot be computed.
rm input/2021/expenditure.csv
sed -i "s|^template   = .*|template   = ../../../templates/seed004-full.tpl|" config.ini
