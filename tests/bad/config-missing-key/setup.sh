# The required region line is deleted.
sed -i '/^region /d' config.ini
