# The standard template with nothing above continued tables
# (tests/e2e_layout.sh): an empty `continued`.
continued
include ../../../templates/standard.tpl
