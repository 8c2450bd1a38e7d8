# Profile "national" — the disclosure as the national rules (财预〔2016〕143号)
# name it: templates/standard.tpl (the seven sections, then the nine tables
# of templates/tables.tpl as 附表, all in the config's units).  The default
# profile: a config without [document] profile or template gets it.
# See docs/profiles.md.

include ../../standard.tpl
