# The standard template with its own word above continued tables
# (tests/e2e_layout.sh): `continued` is a definition, as `footer`.
continued 续上表
include ../../../templates/standard.tpl
