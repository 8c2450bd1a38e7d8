# 千元 is not a supported unit (万元 or 元).
sed -i 's/^unit             = 万元$/unit             = 千元/' config.ini
