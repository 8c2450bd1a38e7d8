# [document] profile names a folder that is not a profile: the message lists
# the profiles there are (folders of templates/profiles with a document.tpl).
mkdir -p templates/profiles/quxian-2025 templates/profiles/notes
printf 'title x\n' >templates/profiles/quxian-2025/document.tpl
printf 'x\n' >templates/profiles/notes/README.md
sed -i 's|^template   = .*|profile    = shi-2026|' config.ini
