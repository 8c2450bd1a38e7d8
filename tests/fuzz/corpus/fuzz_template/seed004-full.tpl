# Seed 004's disclosure (seed004.tpl) followed by the national standard
# table set (tables.tpl) as its 附表.  Syntax: docs/templates.md.

include seed004.tpl

pagebreak
title 附表：{部门}{年度}年部门预算公开表
include tables.tpl
