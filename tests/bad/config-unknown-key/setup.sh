# A typo in a key name: "departmnet" for "department".
sed -i 's/^department /departmnet /' config.ini
