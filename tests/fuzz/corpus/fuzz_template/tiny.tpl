# A one-line document for the glyph tests: every character is listed in
# make_font.py, which builds a font subset with one glyph deliberately blank.
footer 第{页}页 共{总页}页
title {部门}
para {地区}{年度}年
