# The standard disclosure (standard.tpl) with its tables and charts in 元 and
# its text in 万元, as several regions publish: 附表 to the 元 and 分, the
# sentences in 万元.  A table's unit line ({单位} in the block) says 元; the
# text's {单位} says 万元.  Syntax: docs/templates.md, "units".

units tables 元
units text   万元

include standard.tpl
