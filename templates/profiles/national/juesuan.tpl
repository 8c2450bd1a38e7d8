# Profile "national", kind = 决算 — the final accounts as the national 决算
# template names them: templates/juesuan/document.tpl (the 情况说明's eleven
# parts, the nine 决算 tables of templates/juesuan/tables.tpl, 名词解释).
# A config with [document] kind = 决算 and profile = national reads this
# file; without profile (and template) a 决算 reads that same template.
# See docs/profiles.md and docs/juesuan.md.

include ../../juesuan/document.tpl
