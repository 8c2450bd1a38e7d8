# End-to-end tests of the 决算's own words and of the 决算 profile (issue 18:
# docs/juesuan.md, js_text.csv; docs/profiles.md), sourced by tests/run.sh
# (pass, fail, BIN, ROOT).  Every expected sentence is written by hand from
# the input files, never taken from budgetgen's output:
#   1. the sample (config/jianshe-juesuan-2021.ini): the 名词解释's “主要是：…等。”
#      of 事业收入, 经营收入 and 其他收入 (js_text.csv), part 十 whole, its
#      figures from js_other.csv (28 projects with targets, 21,560.40万元; 28
#      tracked; 26 self-evaluated, 20,840.10万元, 91.35分; grades 18 + 6 + 2 +
#      0 = 26; problems 9 = 7 fixed + 2 being fixed);
#   2. the zero cases on the small 决算 of tests/data/js_minimal.sh: no
#      js_text.csv (no 主要是 at all), a 主要是 for 其他收入 only (and a warning
#      when js_text.csv is silent on its 5.00), only the
#      机制 / only the 制度 / neither, no project self-evaluated (绩效自评无:
#      no money, score or grades);
#   3. the profile: profile = national with kind = 决算 is the national 决算
#      template (the same PDF, byte for byte); a profile's own juesuan.tpl is
#      read (its heading, its sentence: 收入总计 = 190.00 + 其他收入 5.00 of
#      2b + 年初结转和结余 10.00 = 205.00);
#   4. js_text.csv is audited as typed text (a placeholder "XX" left in).
JT=$(mktemp -d)
jt_flatten() { # the PDF's text without page footers and whitespace
    pdftotext -layout "$1" - 2>/dev/null | sed 's/^ *第[0-9]* *页 *共[0-9]* *页 *$//' | tr -d ' \n\f' >"$JT/flat"
}
jt_has() {
    if grep -qF -- "$2" "$JT/flat"; then pass; else fail "e2e_jstext: $1: no text \"$2\""; fi
}
jt_lacks() {
    if grep -qF -- "$2" "$JT/flat"; then fail "e2e_jstext: $1: unexpected \"$2\""; else pass; fi
}

# 1. The sample.
if SOURCE_DATE_EPOCH=1700000000 "$BIN" build -q -o "$JT/s" config/jianshe-juesuan-2021.ini 2>"$JT/s.err"; then
    pass
else
    fail "e2e_jstext: the sample does not build: $(head -3 "$JT/s.err")"
fi
jt_flatten "$JT/s/示例市住房和城乡建设局-2021-决算.pdf"
jt_has sample "二、事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。主要是：城建档案查询服务收入、建设工程质量检测服务收入等。三、经营收入：指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。主要是：房屋出租收入等。四、其他收入：指单位取得的除“财政拨款收入”、“事业收入”、“经营收入”等以外的收入。主要是：银行存款利息收入、城建培训收入等。五、年初结转和结余："
jt_has sample "十、预算绩效管理情况示例市住房和城乡建设局2021年度预算绩效管理工作开展情况如下：本部门建立了如下预算绩效管理制度：《示例市住房和城乡建设局预算绩效管理办法》、《示例市住房和城乡建设局项目支出绩效自评工作规程》，建立了“事前绩效评估、事中绩效监控、事后绩效评价、评价结果应用”全过程的预算绩效管理工作机制；全过程绩效管理实施情况：编报绩效目标的2021年度项目28个，涉及预算金额21,560.40万元；绩效跟踪评价的2021年度项目28个，涉及预算金额21,560.40万元；绩效自评的2021年度项目26个，涉及预算金额20,840.10万元，平均得分91.35分（其中，绩效评级为“优”的项目18个；绩效评级为“良”的项目6个；绩效评级为“合格”的项目2个；绩效评级为“不合格”的项目0个。绩效自评中共发现问题9个，已经完成整改的7个，正在整改的2个）。十一、其他重要事项的情况说明"
# the national definition of the “三公” whole, with what each of them covers
jt_has sample "和公务接待费。其中：因公出国（境）费反映单位参加国际合作交流、重大项目洽谈、境外培训研修等的国际旅费"

# 2. The zero cases, on the small 决算 (its own project folder, as e2e_juesuan).
mkdir -p "$JT/root/tests/bad/js" "$JT/root/templates"
cp -r templates/. "$JT/root/templates/"
JD=$JT/root/tests/bad/js
(cd "$JD" && bash "$ROOT/tests/data/js_minimal.sh")
jt_build() { # $1: a name; builds the small 决算 into $JT/$1, flattens it
    if (cd "$JD" && SOURCE_DATE_EPOCH=1700000000 "$BIN" --root "$JT/root" build -q -o "$JT/$1" config.ini 2>"$JT/$1.err"); then
        pass
    else
        fail "e2e_jstext: $1 does not build: $(head -3 "$JT/$1.err")"
    fi
    jt_flatten "$JT/$1/测试市示例局-2021.pdf"
}
# 2a. No js_text.csv, no js_other.csv: the definitions stand alone.
jt_build none
jt_lacks none "主要是"
jt_has none "二、事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。三、经营收入：指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。四、其他收入：指单位取得的除“财政拨款收入”、“事业收入”、“经营收入”等以外的收入。五、年初结转和结余："
# 2b. 其他收入 5.00 (so 收入总计 190.00 + 5.00 + 10.00 = 205.00 = 190.00 + 年末结转和结余
# 15.00), what it mainly was; only the 机制; 3 projects with targets (60.00),
# none tracked (0.00万元: decimals = 2, no text_trim), none self-evaluated.
printf '科目编码,科目名称,财政拨款收入,其他收入\n2010101,行政运行,100.00,\n2010102,一般行政管理事务,60.00,\n2010103,机关服务,30.00,5.00\n' >"$JD/input/js/js_income.csv"
sed -i 's/^年末结转和结余,10.00$/年末结转和结余,15.00/' "$JD/input/js/js_balance.csv"
printf '项目,内容\n其他收入,存款利息收入\n绩效管理工作机制,“项目事前评估、事后评价”\n' >"$JD/input/js/js_text.csv"
printf '项目,数值\n机关运行经费,20.00\n绩效目标项目数,3\n绩效目标金额,60.00\n绩效跟踪项目数,0\n绩效跟踪金额,0\n绩效自评项目数,0\n' >"$JD/input/js/js_other.csv"
jt_build mech
jt_has mech "二、事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。三、经营收入：指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。四、其他收入：指单位取得的除“财政拨款收入”、“事业收入”、“经营收入”等以外的收入。主要是：存款利息收入等。五、"
jt_has mech "测试市示例局2021年度预算绩效管理工作开展情况如下：本部门建立了“项目事前评估、事后评价”的预算绩效管理工作机制；全过程绩效管理实施情况：编报绩效目标的2021年度项目3个，涉及预算金额60.00万元；绩效跟踪评价的2021年度项目0个，涉及预算金额0.00万元；2021年度未开展项目绩效自评。"
jt_lacks mech "平均得分"
jt_lacks mech "预算绩效管理制度："
# 2c. Only the 制度.
printf '项目,内容\n绩效管理制度,《测试市示例局预算绩效管理暂行办法》\n' >"$JD/input/js/js_text.csv"
jt_build rules
jt_has rules "开展情况如下：本部门建立了如下预算绩效管理制度：《测试市示例局预算绩效管理暂行办法》；全过程绩效管理实施情况：编报绩效目标的2021年度项目3个"
jt_lacks rules "工作机制"
jt_lacks rules "主要是"
# 其他收入 is 5.00 and the file is silent on it: a warning, the definition alone.
if grep -qxF 'input/js/js_text.csv: warning: 其他收入 is 5.00 but js_text.csv does not say what it mainly was: the 名词解释 gives its definition alone (add a line 其他收入,… “主要是：…等。”)' "$JT/rules.err"; then
    pass
else
    fail "e2e_jstext: no warning for 其他收入 without its 主要是: $(head -3 "$JT/rules.err")"
fi
# 2d. Neither.
rm "$JD/input/js/js_text.csv"
jt_build neither
jt_has neither "测试市示例局2021年度预算绩效管理工作开展情况如下：全过程绩效管理实施情况：编报绩效目标的2021年度项目3个"
jt_lacks neither "本部门建立了"

# 3. The profile.  3a: national's juesuan.tpl is the national 决算 template.
sed 's|^kind       = 决算$|kind       = 决算\nprofile    = national|' config/jianshe-juesuan-2021.ini >"$JT/n.ini"
if grep -q '^profile    = national$' "$JT/n.ini" &&
    SOURCE_DATE_EPOCH=1700000000 "$BIN" build -q -o "$JT/n" "$JT/n.ini" 2>"$JT/n.err" &&
    cmp -s "$JT/n/示例市住房和城乡建设局-2021-决算.pdf" "$JT/s/示例市住房和城乡建设局-2021-决算.pdf"; then
    pass
else
    fail "e2e_jstext: profile = national with kind = 决算 is not the national 决算 template: $(head -3 "$JT/n.err")"
fi
# 3b. A profile of the department's own, in its project folder: its juesuan.tpl
# is the 决算's template (its document.tpl, a 预算's, is not read).
mkdir -p "$JD/templates/profiles/shi-2027"
printf 'heading 本市决算说明\npara {部门}{年度}年度收入、支出总计均为{决算:收入总计}{单位}。\n' >"$JD/templates/profiles/shi-2027/juesuan.tpl"
printf 'heading 本市预算说明\n' >"$JD/templates/profiles/shi-2027/document.tpl"
sed -i 's|^template   = .*|profile    = shi-2027|' "$JD/config.ini"
jt_build shi
jt_has shi "本市决算说明测试市示例局2021年度收入、支出总计均为205.00万元。"
jt_lacks shi "本市预算说明"

# 4. The words of js_text.csv are typed text: the self-audit reads them.
printf '项目,内容\n绩效管理制度,《XX办法》\n' >"$JD/input/js/js_text.csv"
(cd "$JD" && "$BIN" --root "$JT/root" check config.ini 2>"$JT/aud.err")
if grep -qxF 'input/js/js_text.csv:2:2: warning: placeholder "XX" left in: write the text it stands for' "$JT/aud.err"; then
    pass
else
    fail "e2e_jstext: js_text.csv is not audited: $(head -3 "$JT/aud.err")"
fi
rm -rf "$JT"
