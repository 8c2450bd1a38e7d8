#!/usr/bin/python3
"""A workbook shaped like the budget system's export (issue 15), made with
openpyxl for tests/e2e_import.sh and tests/bad/import-*: title rows, a unit
row in 元, merged headers of two rows, 类/款/项 in three columns (部门支出总表,
部门收入总表) or one code column (基本支出表), 合计 first or last, 类/款
subtotal rows; the “三公” table with a row per year.  Every amount is a
plain number (no formula).

    mkbook.py OUT.xlsx [ok|bad-total|bad-unit|bad-three|extra-sheet]
"""
import sys
from openpyxl import Workbook

out = sys.argv[1]
variant = sys.argv[2] if len(sys.argv) > 2 else "ok"
unit = "单位：千元" if variant == "bad-unit" else "单位：元"
wb = Workbook()
wb.remove(wb.active)


def titled(name, title, ncols):
    ws = wb.create_sheet(name)
    ws.append([title] + [None] * (ncols - 1))
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.append([unit] + [None] * (ncols - 1))
    return ws


# 收支总表: 收入 and 支出 merged over 项目/预算数
ws = titled("部门收支总表", "示例单位2021年部门收支总表", 4)
ws.append(["收入", None, "支出", None])
ws.merge_cells("A3:B3")
ws.merge_cells("C3:D3")
ws.append(["项目", "预算数", "项目", "预算数"])
ws.append(["一、一般公共预算拨款收入", 193456.78, "一般公共服务支出", 173456.78])
ws.append(["五、事业收入", 10000, "社会保障和就业支出", 30000])
ws.append(["收入总计", 203456.78, "支出总计", 203456.78])

# 部门收入总表: 科目编码 over 类/款/项, 合计 first
ws = titled("部门收入总表", "示例单位2021年部门收入总表", 7)
ws.append(["科目编码", None, None, "科目名称", "合计", "一般公共预算拨款收入", "事业收入"])
ws.merge_cells("A3:C3")
for c in "DEFG":
    ws.merge_cells("%s3:%s4" % (c, c))
ws.append(["类", "款", "项", None, None, None, None])
ws.append([None, None, None, "合计", 203456.78, 193456.78, 10000])
ws.append(["201", None, None, "一般公共服务支出", 173456.78, 173456.78, None])
ws.append(["201", "03", None, "政府办公厅（室）及相关机构事务", 173456.78, 173456.78, None])
ws.append(["201", "03", "01", "行政运行", 123456.78, 123456.78, None])
ws.append(["201", "03", "02", "一般行政管理事务", 50000, 50000, None])
ws.append(["208", None, None, "社会保障和就业支出", 30000, 20000, 10000])
ws.append(["208", "05", None, "行政事业单位养老支出", 30000, 20000, 10000])
ws.append(["208", "05", "05", "机关事业单位基本养老保险缴费支出", 30000, 20000, 10000])

# 部门支出总表: the same layout
ws = titled("表3", "示例单位2021年部门支出总表", 7)
ws.append(["科目编码", None, None, "科目名称", "合计", "基本支出", "项目支出"])
ws.merge_cells("A3:C3")
ws.append(["类", "款", "项", None, None, None, None])
ws.append([None, None, None, "合计", 203456.78,
           153456.78, 60000 if variant == "bad-total" else 50000])
ws.append(["201", None, None, "一般公共服务支出", 173456.78, 123456.78, 50000])
ws.append(["201", "03", None, "政府办公厅（室）及相关机构事务", 173456.78, 123456.78, 50000])
ws.append(["201", "03", "01", "行政运行", 123456.78, 123456.78, None])
ws.append(["201", "03", "02", "一般行政管理事务", 50000, None, 50000])
ws.append(["208", None, None, "社会保障和就业支出", 30000, 30000, None])
ws.append(["208", "05", None, "行政事业单位养老支出", 30000, 30000, None])
ws.append(["208", "05", "05", "机关事业单位基本养老保险缴费支出", 30000, 30000, None])

# 基本支出表 under its regional name: one code column, 合计 last
ws = titled("经济分类", "示例单位2021年一般公共预算基本支出经济分类预算表", 5)
ws.append(["科目编码", "科目名称", "合计", "人员经费", "公用经费"])
ws.append(["301", "工资福利支出", 123456.78, 123456.78, None])
ws.append(["30101", "基本工资", 100000, 100000, None])
ws.append(["30102", "津贴补贴", 23456.78, 23456.78, None])
ws.append(["302", "商品和服务支出", 30000, None, 30000])
ws.append(["30201", "办公费", 30000, None, 30000])
ws.append(["合计", None, 153456.78, 123456.78, 30000])

ws = wb.create_sheet("机构设置情况表")
ws.append(["单位名称", "单位性质"])
ws.append(["示例单位（本级）", "行政"])
ws.append(["示例中心", "公益一类事业单位"])

# 一般公共预算“三公”经费支出表 (national table 7): a row per year, the items as
# columns, 公务用车购置及运行费 merged over 小计/购置费/运行费
ws = titled("一般公共预算“三公”经费支出表", "示例单位2021年一般公共预算“三公”经费支出表", 7)
ws.append(["项目", "合计", "因公出国（境）费", "公务用车购置及运行费", None, None, "公务接待费"])
ws.merge_cells("D3:F3")
for c in "ABCG":
    ws.merge_cells("%s3:%s4" % (c, c))
ws.append([None, None, None, "小计", "购置费", "运行费", None])
ws.append(["2020年上年预算", 50000, 20000, 30000, None, 30000, None])
ws.append(["2021年本年预算", 62345.68 if variant == "bad-three" else 62345.67, 20000, 30000,
           None, 30000, 12345.67])

if variant == "extra-sheet":
    ws = wb.create_sheet("Sheet3")
    ws.append(["备注：以上数据来自预算管理一体化系统"])
wb.save(out)
