#!/usr/bin/env python3
"""Synthetic finance bureau: N departments' budget-disclosure inputs for budgetgen.

Writes, under --out DIR:
  DIR/config/dNNNN.ini             one config per department (template standard.tpl)
  DIR/input/dNNNN-YEAR/            this year's folder: every input file
  DIR/input/dNNNN-PREV/            last year's: summary, revenue, expenditure,
                                   basic_economic, three_public

Sizes are those of real departmental disclosures: a performance table of 50-300
rows (--perf-rows N fixes it, for the scaling benchmark), 1,000-3,000 characters
of narrative, 20-40 expenditure leaves with codes from templates/codes/function.csv,
basic expenditure by economic code from templates/codes/economic.csv, the “三公”
table.  Every figure agrees to the cent (万元 with two decimals): revenue by
source = the expenditure lines each source funds, 收入总计 = 支出总计 = 基本支出 +
项目支出, basic_economic.csv = the 一般公共预算 basic expenditure, 公用经费 =
机关运行经费, the 三公 items = their economic lines (30212, 30217, 30231).  So every
department passes `budgetgen check` with no error and no warning.

Deterministic: the same --seed and options give byte-identical files.
Paths in the configs are relative to the current directory: run budgetgen from
the directory you ran this script in (normally the project folder).  budgetgen
reads and writes only under its project folder (the current folder, or --root
DIR): with --out under it (build/synth) nothing more is needed; with --out
elsewhere (/tmp/…), run budgetgen with --root set to a folder holding both.
Python 3 standard library only.

  tools/synth.py --out build/synth --departments 200 --seed 1
  build/release/budgetgen build -j 2 --all build/synth/config
"""

import argparse
import os
import random
import sys

# ---- names ---------------------------------------------------------------------

REGIONS = [
    "示例市", "东城区", "西城区", "南湖区", "北山区", "江口县", "青石县", "白水县", "临河区",
    "新港区", "长宁区", "松山区", "云溪县", "桃源县", "金沙县", "平安区", "永和县", "清河区",
    "安泰县", "明德区", "高新区", "经济开发区", "湖滨区", "柳林县", "石门县", "龙泉区",
    "凤鸣县", "双桥区", "丰收县", "广安区", "德化县", "宁远县", "嘉禾区", "望江县", "沙河区",
    "兴隆县", "光明区", "太平县", "和平区", "建设区",
]

# (department, funded 款 prefixes, field of work)
THEMES = [
    ("教育局", ["20501", "20502", "20503"], "教育"),
    ("公安局", ["20402"], "公安"),
    ("司法局", ["20406"], "司法行政"),
    ("民政局", ["20802"], "民政"),
    ("人力资源和社会保障局", ["20801"], "人力资源和社会保障"),
    ("卫生健康委员会", ["21001"], "卫生健康"),
    ("生态环境局", ["21101", "21103"], "生态环境"),
    ("住房和城乡建设局", ["21201", "21206", "22101"], "住房和城乡建设"),
    ("城市管理局", ["21201", "21205"], "城市管理"),
    ("农业农村局", ["21301"], "农业农村"),
    ("林业局", ["21302"], "林业"),
    ("水利局", ["21303"], "水利"),
    ("交通运输局", ["21401"], "交通运输"),
    ("工业和信息化局", ["21505", "21508"], "工业和信息化"),
    ("商务局", ["20113", "21602"], "商务"),
    ("科学技术局", ["20601"], "科技"),
    ("文化广电和旅游局", ["20701"], "文化旅游"),
    ("发展和改革委员会", ["20104"], "发展改革"),
    ("统计局", ["20105"], "统计"),
    ("财政局", ["20106"], "财政"),
    ("审计局", ["20108"], "审计"),
    ("市场监督管理局", ["20138"], "市场监管"),
    ("档案馆", ["20126"], "档案"),
    ("退役军人事务局", ["20808"], "退役军人服务"),
    ("应急管理局", ["22401"], "应急管理"),
    ("自然资源和规划局", ["22001"], "自然资源"),
    ("机关事务管理局", ["20103"], "机关事务"),
    ("人民政府办公室", ["20103"], "政务服务"),
    ("信访局", ["20103"], "信访"),
    ("住房保障中心", ["22101"], "住房保障"),
    ("政务服务管理局", ["20103", "20199"], "政务服务"),
    ("人民防空办公室", ["20103"], "人民防空"),
    ("地方金融监督管理局", ["20103"], "金融监管"),
]

# Fragments of the narrative.  Common characters only (GB2312), as the
# fonts of the sample cover.
VERBS = ["贯彻执行", "组织实施", "统筹推进", "监督管理", "指导协调", "研究拟订", "组织开展",
         "牵头负责", "承担", "参与制定"]
OBJECTS = ["{f}发展规划和年度计划", "{f}领域政策措施", "行业标准和技术规范", "安全生产工作",
           "信息化建设和数据共享", "专项资金的分配和管理", "人才队伍建设", "宣传教育和培训工作",
           "重点项目的组织实施", "统计分析和监测预警", "执法检查和督促整改", "公共服务体系建设",
           "应急处置和风险防范", "对外交流与合作", "基层工作的业务指导", "政务公开和信息发布",
           "绩效评价和内部审计", "国有资产管理", "法治宣传和依法行政", "群众来信来访的办理"]
GOAL_PARTS = ["全面完成年度目标任务", "服务质量和效率稳步提升", "群众满意度进一步提高",
              "资金使用规范高效", "重点工作按期完成", "管理制度更加健全", "基础保障能力明显增强",
              "安全形势总体平稳", "信息化水平持续提升", "各项政策落实到位"]
UNIT_KINDS = [("行政", "正处级", "财政全额保障"), ("参照公务员法管理事业单位", "正科级", "财政全额保障"),
              ("公益一类事业单位", "正科级", "财政全额保障"), ("公益二类事业单位", "副科级", "财政差额补助")]
UNIT_NAMES = ["服务中心", "监测站", "信息中心", "执法大队", "培训中心", "事务中心", "管理所",
              "技术推广站", "综合保障中心", "发展研究中心"]
ACTIVITIES = ["综合事务管理", "业务培训", "监督检查", "宣传教育", "项目管理", "信息系统运行维护",
              "调查研究", "政策落实", "公共服务", "应急保障", "档案管理", "专项整治", "考核评价",
              "标准化建设", "数据统计", "设施维护", "技术服务", "咨询服务", "资金监管", "队伍建设"]
INDICATORS = [
    ("{a}任务完成率", "年度内完成{a}任务占计划任务的比例", ("100%", "≥95%", "≥90%", "＜90%")),
    ("{a}按期完成率", "按期完成的{a}事项占全部事项的比例", ("100%", "≥95%", "≥90%", "＜90%")),
    ("{a}覆盖率", "{a}覆盖的对象占应覆盖对象的比例", ("≥98%", "≥95%", "≥90%", "＜90%")),
    ("{a}次数", "全年组织开展{a}的次数", ("≥12次", "≥10次", "≥8次", "＜8次")),
    ("{a}参与人次", "全年参加{a}的人次", ("≥1500人次", "≥1200人次", "≥1000人次", "＜1000人次")),
    ("{a}服务对象满意度", "服务对象对{a}工作的满意程度", ("≥95%", "≥90%", "≥85%", "＜85%")),
    ("{a}问题整改率", "{a}中发现问题已整改的比例", ("100%", "≥95%", "≥90%", "＜90%")),
    ("{a}资金支付及时率", "{a}资金按进度支付的比例", ("100%", "≥95%", "≥90%", "＜90%")),
    ("{a}差错率", "{a}工作中出现差错的比例", ("0%", "≤1%", "≤2%", "＞2%")),
    ("{a}信息公开率", "{a}信息按规定公开的比例", ("100%", "≥98%", "≥95%", "＜95%")),
]
GLOSSARY = [
    ("一般公共预算拨款收入", "指本级财政当年拨付的一般公共预算资金。"),
    ("政府性基金预算拨款收入", "指本级财政当年从政府性基金预算拨付的资金。"),
    ("事业收入", "指事业单位开展专业业务活动及辅助活动所取得的收入。"),
    ("上年结转", "指以前年度尚未完成、结转到本年按有关规定继续使用的资金。"),
    ("基本支出", "指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。"),
    ("项目支出", "指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"),
    ("机关运行经费", "指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。"),
    ("“三公”经费", "指用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。"),
]

# ---- money: integer hundredths of 万元 (the documents show 万元 with 2 decimals) --


def fmt(c):
    return "%d.%02d" % (c // 100, c % 100)


def split(total, k, rng, skew=1.0):
    """k positive integers summing exactly to total (total >= k)."""
    assert total >= k > 0
    w = [rng.random() ** skew + 0.05 for _ in range(k)]
    s = sum(w)
    parts = [max(1, int(total * x / s)) for x in w]
    diff = total - sum(parts)
    i = 0
    while diff != 0:
        j = i % k
        if diff > 0:
            parts[j] += 1
            diff -= 1
        elif parts[j] > 1:
            parts[j] -= 1
            diff += 1
        i += 1
    return parts


def cents(rng, lo, hi):
    """A random amount between lo and hi 万元, in hundredths."""
    return rng.randint(int(lo * 100), int(hi * 100))


# ---- code lists -------------------------------------------------------------------


def year_codes(project, kind, year):
    """The code list of a year's data: templates/codes/KIND-YEAR.csv when the
    project has it, else KIND.csv (budgetgen's default, docs/input.md)."""
    own = os.path.join(project, "templates", "codes", "%s-%d.csv" % (kind, year))
    return own if os.path.isfile(own) else os.path.join(project, "templates", "codes", kind + ".csv")


def read_codes(path):
    codes = {}
    with open(path, encoding="utf-8-sig") as f:
        next(f)
        for line in f:
            line = line.rstrip("\r\n")
            if not line:
                continue
            if line.count('"'):  # a quoted name with a comma
                code, name = line.split(",", 1)
                name = name.strip('"').replace('""', '"')
            else:
                code, name = line.split(",", 1)
            codes[code] = name
    return codes


BASIC_CODES = ["2080501", "2080505", "2080506", "2101101", "2101102", "2101103", "2210201"]
FUND_PREFIXES = ("21208", "21213", "21214", "22960")
PERSONNEL = ["30101", "30102", "30103", "30106", "30107", "30108", "30109", "30110", "30111",
             "30112", "30113", "30199", "30302", "30305"]
OFFICE = ["30201", "30202", "30205", "30206", "30207", "30208", "30209", "30211", "30213",
          "30215", "30216", "30226", "30228", "30229", "30239", "30299", "31002"]
TP_ECON = {"abroad": "30212", "reception": "30217", "vehicle": "30231"}


# ---- one department -----------------------------------------------------------------


class Dept:
    pass


def choose_leaves(rng, fcodes, theme_kuan):
    """20-40 distinct 7-digit leaf codes: the basic lines, the department's own
    field, and other common lines."""
    seven = sorted(c for c in fcodes if len(c) == 7 and c[:5] in fcodes and c[:3] in fcodes)
    own = [c for c in seven if c[:5] in theme_kuan]
    admin = [c for c in own if c.endswith("01")] or ["2010301"]
    n = rng.randint(20, 40)
    leaves = list(dict.fromkeys([admin[0]] + BASIC_CODES))
    pool = [c for c in own if c not in leaves]
    rng.shuffle(pool)
    leaves += pool[: max(0, min(len(pool), n - len(leaves) - 4))]
    rest = [c for c in seven if c not in leaves and not c.startswith(("223", "229"))]
    rng.shuffle(rest)
    leaves += rest[: max(0, n - len(leaves))]
    return leaves[:n], admin[0]


def make_year(rng, d, scale, fcodes):
    """The figures of one year: every file's rows, consistent to the cent."""
    y = {}
    # 三公 items first: they are lines of the economic breakdown.
    abroad = cents(rng, 0, 20) * scale // 100 if rng.random() < 0.6 else 0
    reception = cents(rng, 2, 30) * scale // 100
    vehicle = cents(rng, 5, 60) * scale // 100
    purchase = cents(rng, 10, 40) * scale // 100 if rng.random() < 0.3 else 0
    y["tp"] = {"vehicle": vehicle, "purchase": purchase, "reception": reception, "abroad": abroad}
    # 公用经费 (= 机关运行经费) and 人员经费.
    office_rest = cents(rng, 60, 600) * scale // 100
    office_lines = split(office_rest, len(d.office_codes), rng)
    office = dict(zip(d.office_codes, office_lines))
    office[TP_ECON["abroad"]] = abroad
    office[TP_ECON["reception"]] = reception
    office[TP_ECON["vehicle"]] = vehicle
    personnel_total = cents(rng, 400, 9000) * scale // 100
    personnel = dict(zip(d.personnel_codes, split(personnel_total, len(d.personnel_codes), rng)))
    y["econ"] = (personnel, office)
    general_basic = personnel_total + sum(office.values())
    # 基本支出 by function: the 一般公共预算 part equals the economic breakdown.
    basic_lines = split(general_basic, len(d.basic_leaves), rng)
    lines = []  # (code, source, basic, project)
    for code, v in zip(d.basic_leaves, basic_lines):
        lines.append((code, "一般公共预算拨款收入", v, 0))
    for code, src in d.business_basic:
        lines.append((code, src, cents(rng, 20, 300) * scale // 100 + 1, 0))
    # 项目支出.
    project_total = cents(rng, 300, 30000) * scale // 100 + purchase
    proj = split(project_total, len(d.project_lines), rng, skew=2.0)
    for (code, src), v in zip(d.project_lines, proj):
        lines.append((code, src, 0, v))
    y["lines"] = sorted(lines, key=lambda t: (t[0], SOURCES.index(t[1])))
    y["basic"] = sum(t[2] for t in lines)
    y["project"] = sum(t[3] for t in lines)
    y["total"] = y["basic"] + y["project"]
    y["office"] = sum(office.values())
    rev = {}
    for code, src, b, p in lines:
        rev[src] = rev.get(src, 0) + b + p
    y["revenue"] = rev
    return y


SOURCES = ["一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入",
           "财政专户管理资金收入", "事业收入", "事业单位经营收入", "其他收入", "上年结转"]


def plan_department(rng, i, name, theme, fcodes):
    d = Dept()
    d.id = "d%04d" % (i + 1)
    d.name = name
    d.field = theme[2]
    leaves, admin = choose_leaves(rng, fcodes, theme[1])
    d.basic_leaves = [admin] + [c for c in BASIC_CODES if c in leaves and c != admin]
    others = [c for c in leaves if c not in d.basic_leaves]
    d.project_lines = []
    for c in others:
        if c.startswith(FUND_PREFIXES):
            src = "政府性基金预算拨款收入"
        else:
            r = rng.random()
            src = ("一般公共预算拨款收入" if r < 0.8 else "上年结转" if r < 0.9 else
                   "财政专户管理资金收入" if r < 0.95 else "其他收入")
        d.project_lines.append((c, src))
    # A department with 事业单位 pays part of their basic costs from 事业收入.
    d.business_basic = []
    if rng.random() < 0.4:
        d.business_basic.append((admin, "事业收入"))
    d.personnel_codes = sorted(rng.sample(PERSONNEL, rng.randint(9, len(PERSONNEL))))
    d.office_codes = sorted(rng.sample(OFFICE, rng.randint(10, len(OFFICE))))
    return d


# ---- text -------------------------------------------------------------------------------


def sentence(rng, field):
    parts = []
    for _ in range(rng.randint(2, 4)):
        parts.append(rng.choice(VERBS) + rng.choice(OBJECTS).format(f=field))
    return "；".join(parts) + "。"


def paragraph(rng, field, min_chars):
    s = ""
    while len(s) < min_chars:
        s += sentence(rng, field)
    return s


def narrative(rng, d):
    """duties.txt, overall_goal.txt and notes.txt: 1,000-3,000 characters."""
    target = rng.randint(1000, 3000)
    duties = ["其主要职责是：" + paragraph(rng, d.field, target * 0.45)]
    if target > 2000:
        duties.append("所属单位主要职责是：" + paragraph(rng, d.field, target * 0.15))
    goal = ("以习近平新时代中国特色社会主义思想为指导，围绕中心工作，" +
            "，".join(rng.sample(GOAL_PARTS, 4)) + "。" + paragraph(rng, d.field, target * 0.15))
    notes = [
        "本部门%d年部门预算由%s本级及所属单位的预算组成。" % (d.year, d.name),
        paragraph(rng, d.field, target * 0.1),
    ]
    used = sum(len(p) for p in duties) + len(goal) + sum(len(p) for p in notes)
    if used < target:
        notes.append(paragraph(rng, d.field, target - used))
    return duties, goal, notes


def performance(rng, d, rows):
    """The 12-column table: duties, their activities, one indicator a row."""
    out = []
    duty_names = []
    n_duty = 0
    while len(out) < rows:
        n_duty += 1
        dname = "%s%s" % (d.field, rng.choice(["管理", "服务", "监管", "保障", "建设", "发展"]))
        dname += "（%d）" % n_duty if dname in duty_names else ""
        duty_names.append(dname)
        ddesc = "负责" + rng.choice(OBJECTS).format(f=d.field) + "，" + \
            rng.choice(VERBS) + rng.choice(OBJECTS).format(f=d.field) + "。"
        dgoal = "，".join(rng.sample(GOAL_PARTS, 2)) + "。"
        acts = rng.sample(ACTIVITIES, rng.randint(1, 4))
        first_duty_row = True
        for a in acts:
            adesc = "开展" + a + "，" + rng.choice(OBJECTS).format(f=d.field) + "。"
            target = a + "工作" + rng.choice(GOAL_PARTS) + "。"
            inds = rng.sample(INDICATORS, rng.randint(1, 8))
            first_act_row = True
            for name, desc, grades in inds:
                if len(out) >= rows:
                    break
                row = ["", "", "", "", "", target, name.format(a=a), desc.format(a=a)] + list(grades)
                if first_duty_row:
                    row[0:3] = [dname, ddesc, dgoal]
                    first_duty_row = False
                if first_act_row:
                    row[3:5] = [a, adesc]
                    first_act_row = False
                out.append(row)
    goals = [(n, "，".join(rng.sample(GOAL_PARTS, 3)) + "。") for n in duty_names]
    return out, goals


# ---- files ------------------------------------------------------------------------------


def csv_line(cells):
    out = []
    for c in cells:
        c = str(c)
        if any(ch in c for ch in ',"\r\n'):
            c = '"' + c.replace('"', '""') + '"'
        out.append(c)
    return ",".join(out) + "\n"


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def write_year(folder, d, y, fcodes, ecodes, full):
    os.makedirs(folder, exist_ok=True)
    rev = y["revenue"]
    write(os.path.join(folder, "revenue.csv"),
          csv_line(["收入项目", "预算数"]) +
          "".join(csv_line([s, fmt(rev[s])]) for s in SOURCES if s in rev))
    write(os.path.join(folder, "summary.csv"),
          csv_line(["项目", "金额"]) + csv_line(["收入总计", fmt(y["total"])]) +
          csv_line(["支出总计", fmt(y["total"])]) + csv_line(["基本支出", fmt(y["basic"])]) +
          csv_line(["项目支出", fmt(y["project"])]) + csv_line(["机关运行经费", fmt(y["office"])]))
    lines = csv_line(["科目编码", "科目名称", "资金来源", "基本支出", "项目支出"])
    for code, src, b, p in y["lines"]:
        lines += csv_line([code, fcodes[code], src, fmt(b) if b else "", fmt(p) if p else ""])
    write(os.path.join(folder, "expenditure.csv"), lines)
    personnel, office = y["econ"]
    econ = csv_line(["科目编码", "科目名称", "人员经费", "公用经费"])
    for code in sorted(personnel):
        econ += csv_line([code, ecodes[code], fmt(personnel[code]), ""])
    for code in sorted(office):
        if office[code]:
            econ += csv_line([code, ecodes[code], "", fmt(office[code])])
    write(os.path.join(folder, "basic_economic.csv"), econ)
    tp = y["tp"]
    total = sum(tp.values())
    rows = [("公务用车运行费", tp["vehicle"]), ("公务用车购置费", tp["purchase"]),
            ("公务接待费", tp["reception"]), ("因公出国（境）费", tp["abroad"]), ("合计", total)]
    write(os.path.join(folder, "three_public.csv"),
          csv_line(["项目", "合计", "一般预算", "基金预算", "财政专户"]) +
          "".join(csv_line([n, fmt(v), fmt(v), "", ""]) for n, v in rows))
    if not full:
        return
    write(os.path.join(folder, "institutions.csv"),
          csv_line(["单位名称", "单位性质", "单位规格", "经费保障形式"]) +
          "".join(csv_line(u) for u in d.units))
    duties, goal, notes = d.text
    write(os.path.join(folder, "duties.txt"), "\n".join(duties) + "\n")
    write(os.path.join(folder, "overall_goal.txt"), goal + "\n")
    write(os.path.join(folder, "notes.txt"), "\n".join(notes) + "\n")
    write(os.path.join(folder, "performance.csv"),
          csv_line(["职责名称", "职责描述", "职责目标", "活动名称", "活动描述", "绩效目标", "绩效指标",
                    "指标描述", "优", "良", "中", "差"]) + "".join(csv_line(r) for r in d.perf))
    write(os.path.join(folder, "duty_goals.csv"),
          csv_line(["职责", "绩效目标"]) + "".join(csv_line(g) for g in d.duty_goals))
    write(os.path.join(folder, "glossary.csv"),
          csv_line(["名词", "解释"]) + "".join(csv_line(g) for g in GLOSSARY))
    write(os.path.join(folder, "reasons.csv"),
          csv_line(["项目", "说明"]) + "".join(csv_line(r) for r in d.reasons))


def change_word(cur, prev):
    return "增加" if cur > prev else "减少" if cur < prev else "持平"


def reasons(cur, prev):
    """A stated reason for every figure the template compares, so no change
    over the reason threshold goes unexplained."""
    out = []
    for key, c, p, up, down in [
        ("基本支出", cur["basic"], prev["basic"], "人员增加和社会保障缴费基数调整",
         "人员减少和落实过紧日子要求"),
        ("项目支出", cur["project"], prev["project"], "新增年度重点项目",
         "部分项目已完成、不再安排"),
        ("机关运行经费", cur["office"], prev["office"], "办公用房维修和信息系统运行维护费用增加",
         "落实过紧日子要求、压减一般性支出"),
    ]:
        w = change_word(c, p)
        if w != "持平":
            out.append((key, "%s的%s主要是%s。" % (key, w, up if c > p else down)))
    names = {"vehicle": "公务用车运行费", "purchase": "公务用车购置费", "reception": "公务接待费",
             "abroad": "因公出国（境）费"}
    for k, n in names.items():
        w = change_word(cur["tp"][k], prev["tp"][k])
        if w != "持平":
            why = "按实际工作需要安排" if w == "增加" else "严格执行有关标准、厉行节约"
            out.append((n, "%s%s的原因是%s。" % (n, w, why)))
    return out


def write_config(path, d, root_rel, cur_dir, prev_dir):
    def rel(p):
        return os.path.relpath(p, os.getcwd())

    text = (
        "; %s %d年部门预算信息公开 — synthetic (tools/synth.py), every figure invented.\n"
        "[document]\ndepartment = %s\nregion     = %s\nyear       = %d\ntemplate   = %s\n\n"
        "[units]\nunit             = 万元\ndecimals         = 2\nthousands        = yes\n"
        "percent_decimals = 1\npercent_trim     = no\n\n"
        "[input]\ndir            = %s\nprevious       = %s\nfunction_codes = %s\neconomic_codes = %s\n"
        "previous_function_codes = %s\n\n"
        "[output]\ndir     = %s\nformats = pdf,xlsx\n\n"
        "[fonts]\nbody    = AR PL UMing CN\nheading = WenQuanYi Zen Hei\n"
    ) % (d.name, d.year, d.name, d.region, d.year,
         rel(os.path.join(root_rel, "templates", "standard.tpl")), rel(cur_dir), rel(prev_dir),
         rel(year_codes(root_rel, "function", d.year)),
         rel(os.path.join(root_rel, "templates", "codes", "economic.csv")),
         rel(year_codes(root_rel, "function", d.year - 1)), rel(d.output))
    for line in text.splitlines():
        if len(line.encode("utf-8")) > 190:  # Debian's inih cuts lines at 200 bytes
            sys.exit("synth.py: config line too long (use a shorter --out path): " + line)
    write(path, text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="folder to write config/ and input/ into")
    ap.add_argument("--departments", "-n", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--year", type=int, default=2021)
    ap.add_argument("--perf-rows", type=int, default=0,
                    help="rows of every performance table (default: 50-300 at random)")
    ap.add_argument("--output", default=None,
                    help="[output] dir of the configs (default: OUT/output)")
    ap.add_argument("--project", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."),
                    help="the budgetgen folder (templates/)")
    a = ap.parse_args()
    if a.departments < 1:
        sys.exit("synth.py: --departments must be at least 1")
    rng = random.Random(a.seed)
    fcodes = read_codes(year_codes(a.project, "function", a.year))
    # Last year's lines are named by last year's list, as budgetgen checks
    # them (templates/codes/function-YEAR.csv when there).
    pnames = read_codes(year_codes(a.project, "function", a.year - 1))
    pfcodes = {c: pnames.get(c, n) for c, n in fcodes.items()}
    ecodes = read_codes(os.path.join(a.project, "templates", "codes", "economic.csv"))
    combos = [(r, t) for r in REGIONS for t in THEMES]
    rng.shuffle(combos)
    os.makedirs(os.path.join(a.out, "config"), exist_ok=True)
    output = a.output or os.path.join(a.out, "output")
    for i in range(a.departments):
        region, theme = combos[i % len(combos)]
        name = region + theme[0]
        if i >= len(combos):
            name += "（%d）" % (i // len(combos) + 1)
        drng = random.Random("%d/%d" % (a.seed, i))  # one stream per department
        d = plan_department(drng, i, name, theme, fcodes)
        d.region, d.year, d.output = region, a.year, output
        d.units = [(name + "（本级）",) + UNIT_KINDS[0]]
        for u in drng.sample(UNIT_NAMES, drng.randint(0, 4)):
            d.units.append((region + theme[2] + u,) + drng.choice(UNIT_KINDS[1:]))
        d.text = narrative(drng, d)
        rows = a.perf_rows or drng.randint(50, 300)
        d.perf, d.duty_goals = performance(drng, d, rows)
        scale = drng.randint(100, 125)  # this year against last, percent
        cur = make_year(drng, d, scale, fcodes)
        prev = make_year(drng, d, 100, fcodes)
        d.reasons = reasons(cur, prev)
        cur_dir = os.path.join(a.out, "input", "%s-%d" % (d.id, a.year))
        prev_dir = os.path.join(a.out, "input", "%s-%d" % (d.id, a.year - 1))
        write_year(cur_dir, d, cur, fcodes, ecodes, True)
        write_year(prev_dir, d, prev, pfcodes, ecodes, False)
        write_config(os.path.join(a.out, "config", d.id + ".ini"), d, a.project, cur_dir, prev_dir)
    print("synth.py: %d department%s in %s (seed %d)" %
          (a.departments, "" if a.departments == 1 else "s", a.out, a.seed))


if __name__ == "__main__":
    main()
