/*
 * help — the help topics (see help.h).  Each topic is English text marked
 * for translation: po/zh_CN.po gives the Chinese, so a topic that changes
 * here without its translation fails the catalogue test (tests/i18n.sh).
 * Keep them in step with docs/input.md, docs/config.md, docs/templates.md.
 */
#include "help.h"

#include "config.h"
#include "i18n.h"

#include <string.h>

/* The input topic, one block per group of files. */
static const char *const INPUT_TEXT[] = {
    N_("Input files: one folder per year ([input] dir; last year's: [input] previous).\n"
       "Every file is optional: the template decides what the document needs, and\n"
       "check reports a missing file at the template line that needs it.\n"
       "CSV files: UTF-8, UTF-8 with BOM or GBK; the first row is the header; columns in\n"
       "any order, named by their Chinese name or English alias (below); an unknown,\n"
       "duplicate or missing required column is an error; amounts in [input] unit\n"
       "(default [units] unit), never negative, with at most the decimals the unit holds.\n"
       "Each file may also carry a Chinese file name (三公经费.csv for three_public.csv …).\n"
       "Columns: NAME (alias), * = required.\n\n"),
    N_("institutions.csv   机构设置情况: 单位名称 (name)*, 单位性质 (kind)*, 单位规格 (rank)*,\n"
       "                   经费保障形式 (funding)*, 公用经费 (office)\n"
       "duties.txt         部门主要职责: one paragraph per line\n"
       "revenue.csv        收入: 收入项目 (item)*, 预算数 (amount)*; items 一般公共预算拨款收入,\n"
       "                   政府性基金预算拨款收入, 国有资本经营预算拨款收入, 财政专户管理资金收入,\n"
       "                   事业收入, 事业单位经营收入, 上级补助收入, 附属单位上缴收入, 其他收入,\n"
       "                   使用非财政拨款结余, 上年结转\n"
       "summary.csv        收支总额: 项目 (item)*, 金额 (amount)*; items 收入总计, 支出总计,\n"
       "                   基本支出, 项目支出, 机关运行经费 (each may be left out: it is then\n"
       "                   computed from the other files)\n"),
    N_("expenditure.csv    支出功能分类: 科目编码 (code)*, 科目名称 (name), 资金来源 (source),\n"
       "                   基本支出 (basic)*, 项目支出 (project)*, 合计 (total)\n"
       "basic_economic.csv 基本支出经济分类: 科目编码 (code)*, 科目名称 (name),\n"
       "                   人员经费 (personnel)*, 公用经费 (office)*, 合计 (total)\n"
       "three_public.csv   “三公”经费: 项目 (item)*, 合计 (total)*, 一般预算 (general),\n"
       "                   基金预算 (fund), 财政专户 (special), 国有资本经营预算 (state_capital);\n"
       "                   items 因公出国（境）费, 公务接待费, 公务用车购置费, 公务用车运行费,\n"
       "                   公务用车购置及运行费, 会议费, 培训费, 合计, 机关运行经费\n"
       "reasons.csv        增减变化原因: 项目 (item)*, 说明 (reason)*\n"),
    N_("overall_goal.txt   总体绩效目标: one paragraph per line\n"
       "duty_goals.csv     职责分类绩效目标: 职责 (duty)*, 绩效目标 (goal)*\n"
       "performance.csv    部门职责活动绩效目标表: 职责名称 (duty)*, 职责描述\n"
       "                   (duty_description)*, 职责目标 (duty_goal)*, 活动名称 (activity)*,\n"
       "                   活动描述 (activity_description)*, 绩效目标 (target)*, 绩效指标\n"
       "                   (indicator)*, 指标描述 (indicator_description)*, 优 (excellent)*,\n"
       "                   良 (good)*, 中 (fair)*, 差 (poor)*; a blank cell repeats the one above\n"
       "actuals.csv        实际值: 绩效指标 (indicator)*, 实际值 (actual)*, 职责名称 (duty),\n"
       "                   活动名称 (activity)\n"
       "glossary.csv       名词解释: 名词 (term)*, 解释 (definition)*\n"
       "notes.txt          其他需要说明的事项: one paragraph per line\n"),
    N_("procurement.csv    政府采购预算: 资金来源 (source)*, 合计 (total)*, 货物 (goods)*,\n"
       "                   工程 (works)*, 服务 (services)*, 面向中小企业预留 (sme),\n"
       "                   面向小微企业预留 (small)\n"
       "assets.csv         国有资产占有使用情况: 项目 (item)*, 保有量 (held)*, 拟购置 (to_buy)\n"
       "project_notes.csv  项目经费情况说明: 项目名称 (project)*, 科目编码 (code), 资金来源\n"
       "                   (source), 年度预算安排 (amount)*, 概述 (overview)*, 立项依据 (basis)*,\n"
       "                   实施主体 (implementer)*, 实施方案 (plan)*, 实施周期 (period)*,\n"
       "                   绩效目标 (target)*\n"
       "csv:FILE           any other CSV file a template lays out as it is (table csv:FILE,\n"
       "                   list csv:FILE, for csv:FILE): its columns are the template's\n\n"
       "Code lists (templates/codes/function.csv, economic.csv) name the 科目编码.\n"
       "Details and examples: docs/input.md.\n"),
};

static const char *const CONFIG_TEXT[] = {
    N_("The config: an INI file in UTF-8, one key = value per line under a [section]\n"
       "header; ; or # starts a comment line.  An unknown section or key is an error;\n"
       "paths are relative to the project folder (the current folder, or --root).\n"
       "Every key, by section:\n"),
    N_("\nExample:\n"
       "  [document]\n"
       "  department = 沧州经济开发区管理委员会\n"
       "  region = 沧州经济开发区\n"
       "  year = 2020\n"
       "  [input]\n"
       "  dir = input/cangzhou-2020\n"
       "  previous = input/cangzhou-2019\n"
       "Details: docs/config.md.\n"),
};

static const char *const TEMPLATE_TEXT[] = {
    N_("Templates: UTF-8 text files, one directive per line (the first word); blank\n"
       "lines are ignored, a line whose first word starts with # is a comment.\n"
       "Document lines:\n"
       "  title TEXT, heading TEXT, subheading TEXT, para TEXT, label TEXT\n"
       "  text duties|overall_goal|notes      one paragraph per line of NAME.txt\n"
       "  list duty_goals|glossary|csv:FILE NUMBER | ITEM   a numbered list\n"
       "  table SOURCE ... end                a table; inside: title, unit, unit-left,\n"
       "                                      units, sheet, note, empty-note, landscape,\n"
       "                                      head (header cells, ^N rows, >N columns),\n"
       "                                      col (one per column), if ... end\n"
       "      SOURCE: institutions, three_public, performance, grade_summary,\n"
       "      comparison, income_expense_summary, income, expenditure, fiscal_summary,\n"
       "      general_expenditure, general_project, general_basic, general_three_public,\n"
       "      fund_expenditure, state_capital_expenditure, procurement, assets, csv:FILE\n"
       "  chart three_public|function_classes|trend ... end   a bar chart\n"
       "  for csv:FILE ... end                the lines once per row of FILE\n"
       "  if previous|has:NAME|no:NAME ... end   lines kept only when it holds\n"
       "  pagebreak, cover ... end, toc TITLE, include FILE\n"),
    N_("Definitions (their place does not matter):\n"
       "  compare FAMILY same|up|down|new|gone|zero TEXT   a comparison's wording\n"
       "  sentence NAME TEXT                  a pattern for {列举:...}\n"
       "  meta title|subject|keywords TEXT, footer TEXT ({页}, {总页})\n"
       "  units tables|text 万元|元, numbering heading|subheading PATTERN ({中文}, {数字})\n"
       "  empty-note TABLE TEXT               the note of a table published empty\n"),
    N_("Placeholders, in braces ({{ and }} for literal braces; [[ ... ]] is left out\n"
       "when a placeholder inside it has no value):\n"
       "  {部门} {地区} {年度} {上年} {单位}     the config's names\n"
       "  {FIGURE}                            this year's amount: 收入总计, 支出总计,\n"
       "      基本支出, 项目支出, 机关运行经费, each revenue source, 财政拨款收入, 人员经费,\n"
       "      公用经费, 三公合计 and each “三公” item, 政府采购预算 …\n"
       "  {上年:FIGURE}                       last year's amount\n"
       "  {比较:FAMILY:FIGURE}                this year against last, in FAMILY's wording\n"
       "  {列举:LIST:SENTENCE:SEP}            a sentence per item of 三公, 收入来源 or\n"
       "                                      支出功能分类 (or a list of their names)\n"
       "  {原因:FIGURE}                       its reason from reasons.csv\n"
       "  {占比:PART:TOTAL}                   PART's share of TOTAL, as a percentage\n"
       "  {金额:列名}, {列名}                  a cell of the row, in for/list csv:FILE\n"
       "Details and examples: docs/templates.md, docs/tables.md.\n"),
};

static void put_all(const char *const *text, size_t n, FILE *out)
{
    for (size_t i = 0; i < n; i++)
        fputs(_(text[i]), out);
}

#define PUT(t) put_all(t, sizeof t / sizeof t[0], stdout)

int help_main(int argc, char **argv, void (*usage)(FILE *out))
{
    const char *topic = argc > 1 ? argv[1] : NULL;
    if (!topic) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(topic, "input")) {
        PUT(INPUT_TEXT);
    } else if (!strcmp(topic, "config")) {
        fputs(_(CONFIG_TEXT[0]), stdout);
        config_print_keys(stdout);
        fputs(_(CONFIG_TEXT[1]), stdout);
    } else if (!strcmp(topic, "template")) {
        PUT(TEMPLATE_TEXT);
    } else {
        fprintf(stderr, _("budgetgen: help %s: no such topic; expected input, config or template\n"),
                topic);
        return 2;
    }
    return 0;
}
