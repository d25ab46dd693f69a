//! The two table kinds of LTC for the one import wizard, and their CSV exports:
//!
//! - **Opportunities** ([`opportunities_spec`], one row per opportunity): the columns a CRM
//!   export writes (商机名称, 客户名称, 阶段, 预计金额, 预计签单日期, 负责人, …) map without hand
//!   work. The account is a customer by id or by a name only one customer has; the stage a stage
//!   by id or by its Chinese or English name; the owner a person by id or name (a name no one has
//!   is left empty and listed, as the customer import does); the line a business line by id or
//!   name. A row with the id of an existing opportunity replaces the columns the file has of it;
//!   the others are added with new ids (`opp-imp-<n>`).
//! - **Contracts** ([`contracts_spec`], one row per contract; see [`contracts`]): value, delivery
//!   and acceptance dates, the shares of the four standard milestones (30/30/30/10 when absent)
//!   and what was collected of each, or one total spread over them in order.
//!
//! Dates are `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日` (a time of day after them is
//! ignored) or an Excel serial day number. Nothing changes until the user confirms
//! ([`apply_opportunities`], [`apply_contracts`]): the UI then sets the whole LTC document in
//! one undoable edit.

mod contracts;
mod export;

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::import::rows::{parse_rows, shorten, ColumnSummary, MappingProblem, Value};
use super::import::schema::{ColumnUse, FieldSpec, TableSpec, ValueKind};
use super::import::template::template_rows;
use super::import::{ImportReason, RowError, Table};
use crate::domain::dates::{day_number, iso_from_days};
use crate::domain::ltc::{Forecast, Ltc, Opportunity, StageChange, StageKind};
use crate::domain::org::stamp::Entity;
use crate::domain::sort::sort_by_key;
use crate::domain::values::half_width;
use crate::domain::workspace::Workspace;

pub use contracts::{apply_contracts, build_contracts, contracts_spec, ContractsPreview};
pub(crate) use export::Names;
pub use export::{contracts_csv, forecast_label, opportunities_csv};

/// Field indexes of [`opportunities_spec`].
mod of {
    pub const ID: usize = 0;
    pub const NAME: usize = 1;
    pub const ACCOUNT: usize = 2;
    pub const STAGE: usize = 3;
    pub const AMOUNT: usize = 4;
    pub const CLOSE: usize = 5;
    pub const OWNER: usize = 6;
    pub const LINE: usize = 7;
    pub const FORECAST: usize = 8;
    pub const COMPETITOR: usize = 9;
    pub const NEXT_STEP: usize = 10;
    pub const LOST_REASON: usize = 11;
    pub const CREATED: usize = 12;
    pub const NOTES: usize = 13;
}

/// The opportunity table kind.
pub fn opportunities_spec() -> TableSpec {
    use ValueKind::*;
    let f = FieldSpec::new;
    let amount = Amount { negative: false };
    #[rustfmt::skip]
    let fields = vec![
        f("id", "编号", "ID", Text).unique()
            .aliases(&["编号", "商机编号", "商机id", "id", "opportunity id", "opp id", "编码"])
            .examples("", ""),
        f("name", "商机名称", "Opportunity", Text).required()
            .aliases(&["商机名称", "商机", "项目名称", "项目", "机会名称", "opportunity",
                "opportunity name", "deal", "deal name", "name"])
            .examples("数据中心扩容二期", "生产网络升级改造"),
        f("account", "客户名称", "Account", Choice).required()
            .aliases(&["客户名称", "客户", "客户全称", "account", "account name", "customer",
                "customer name", "account id"])
            .examples("国网某省电力公司", "某汽车零部件集团"),
        f("stage", "阶段", "Stage", Choice).required()
            .aliases(&["阶段", "销售阶段", "商机阶段", "stage", "sales stage", "opportunity stage"])
            .examples("标前引导", "投标"),
        f("amount", "预计金额", "Amount", amount)
            .aliases(&["预计金额", "金额", "商机金额", "预计签单金额", "amount", "expected amount",
                "deal value", "opportunity amount"])
            .examples("120万", "1,200,000"),
        f("close_date", "预计签单日期", "Close date", Text)
            .aliases(&["预计签单日期", "预计成交日期", "签单日期", "预计结单日期", "成交日期",
                "close date", "expected close date", "closing date"])
            .examples("2026-06-30", "2026/9/15"),
        f("owner", "负责人", "Owner", Choice)
            .aliases(&["负责人", "销售", "所有人", "商机负责人", "销售负责人", "销售代表", "owner",
                "opportunity owner", "sales rep", "salesperson"])
            .examples("", ""),
        f("line", "业务线", "Business line", Choice)
            .aliases(&["业务线", "产品线", "业务", "business line", "product line", "line"])
            .examples("", ""),
        f("forecast", "预测类别", "Forecast category", Choice)
            .aliases(&["预测类别", "预测分类", "预测", "forecast category", "forecast"])
            .examples("最佳情况", "承诺"),
        f("competitor", "竞争对手", "Competitor", Text)
            .aliases(&["竞争对手", "主要竞争对手", "竞争者", "competitor", "competitors"])
            .examples("新华三", ""),
        f("next_step", "下一步", "Next step", Text)
            .aliases(&["下一步", "下一步计划", "下一步行动", "next step", "next steps"])
            .examples("约客户 CIO 做方案汇报", "确认招标时间与评分办法"),
        f("lost_reason", "丢单原因", "Lost reason", Text)
            .aliases(&["丢单原因", "输单原因", "失败原因", "lost reason", "loss reason"])
            .examples("", ""),
        f("created", "创建日期", "Created", Text)
            .aliases(&["创建日期", "创建时间", "created", "created date", "created on"])
            .examples("2026-01-05", "2025/11/20"),
        f("notes", "备注", "Notes", Text)
            .aliases(&["备注", "说明", "notes", "note", "remarks", "description"])
            .examples("", ""),
    ];
    TableSpec {
        id: "ltc_opportunities",
        fields,
        yearly: None,
        label_field: Some(of::NAME),
    }
}

/// The template of `spec` (a header and two example rows, [`template_rows`]) with the accounts
/// and stages of the examples taken from `ws` (its first two customers; its third and fourth
/// stages in the template's language), so that the template imports into it with no error.
pub fn template_for(spec: &TableSpec, ws: &Workspace, zh: bool) -> Vec<Vec<String>> {
    let mut rows = template_rows(spec, zh);
    let stage = |i: usize| {
        ws.ltc
            .open_stages()
            .nth(i)
            .map(|s| if zh { &s.name_zh } else { &s.name_en }.clone())
    };
    for (n, row) in rows.iter_mut().skip(1).enumerate() {
        let account = ws.customers.get(n).map(|c| c.name.clone());
        for (field, value) in [("account", account), ("stage", stage(n + 2))] {
            if let (Some(i), Some(v)) = (spec.field(field), value) {
                if let Some(cell) = row.get_mut(i) {
                    *cell = v;
                }
            }
        }
    }
    rows
}

/// A cell's text reduced for matching names: half-width, lower case, no spaces.
pub(crate) fn norm(text: &str) -> String {
    half_width(text)
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Records by id and by [`norm`]ed name, built once per import so that a file of many rows
/// against a document of many records stays linear.
pub(crate) struct Index<'a, T> {
    by_id: HashMap<&'a str, &'a T>,
    by_name: HashMap<String, Vec<&'a T>>,
}

impl<'a, T> Index<'a, T> {
    pub(crate) fn new(
        items: impl IntoIterator<Item = &'a T>,
        id: impl Fn(&'a T) -> &'a str,
        name: impl Fn(&'a T) -> &'a str,
    ) -> Index<'a, T> {
        let mut by_id = HashMap::new();
        let mut by_name: HashMap<String, Vec<&'a T>> = HashMap::new();
        for x in items {
            by_id.entry(id(x)).or_insert(x);
            by_name.entry(norm(name(x))).or_default().push(x);
        }
        Index { by_id, by_name }
    }

    /// The record whose id is `cell`, else the one whose name matches: `Err(true)` when several
    /// names match, `Err(false)` when none does.
    pub(crate) fn resolve(&self, cell: &str) -> Result<&'a T, bool> {
        if let Some(x) = self.by_id.get(cell.trim()) {
            return Ok(x);
        }
        match self.by_name.get(&norm(cell)).map(Vec::as_slice) {
            Some([one]) => Ok(one),
            Some([_, _, ..]) => Err(true),
            _ => Err(false),
        }
    }

    /// Every record with this name.
    pub(crate) fn named(&self, cell: &str) -> &[&'a T] {
        self.by_name.get(&norm(cell)).map_or(&[], Vec::as_slice)
    }
}

/// The day a date cell names, as `YYYY-MM-DD`: `2026-03-31`, `2026/3/31`, `2026.3.31`,
/// `2026年3月31日` (a time of day after the date is ignored), or an Excel serial day number
/// (20000–80000, the days since 1899-12-30). `None` for anything else or a day that does not
/// exist.
pub fn parse_date(cell: &str) -> Option<String> {
    let text = half_width(cell.trim());
    if !text.is_empty() && text.len() <= 6 && text.chars().all(|c| c.is_ascii_digit()) {
        let serial: i64 = text.parse().ok()?;
        return (20_000..=80_000)
            .contains(&serial)
            .then(|| iso_from_days(serial - 25_569));
    }
    let date = text
        .split(['T', ' '])
        .next()
        .unwrap_or("")
        .trim_end_matches('日');
    let parts: Vec<&str> = date.split(['-', '/', '.', '年', '月']).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let ok = |s: &str, max: usize| {
        !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !(y.len() == 4 && ok(y, 4) && ok(m, 2) && ok(d, 2)) {
        return None;
    }
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    let iso = format!("{y}-{m:02}-{d:02}");
    day_number(&iso).map(|_| iso)
}

/// The forecast category a cell names, in either language (empty: pipeline).
pub fn parse_forecast(cell: &str) -> Option<Forecast> {
    let k = norm(cell).replace(['_', '-'], "");
    Some(match k.as_str() {
        "" | "pipeline" | "管道" | "渠道" | "储备" | "漏斗" | "商机储备" => {
            Forecast::Pipeline
        }
        "commit" | "承诺" | "确定" | "必赢" | "承诺签单" => Forecast::Commit,
        "bestcase" | "best" | "最佳情况" | "最佳" | "乐观" | "可能" => Forecast::BestCase,
        "omitted" | "omit" | "忽略" | "已忽略" | "排除" | "不预测" | "不计入" => {
            Forecast::Omitted
        }
        _ => return None,
    })
}

/// The stage names of `ltc` in Chinese and in English, each list joined with `、` / `, `.
fn stage_lists(ltc: &Ltc) -> (String, String) {
    let zh: Vec<&str> = ltc.stages.iter().map(|s| s.name_zh.as_str()).collect();
    let en: Vec<&str> = ltc.stages.iter().map(|s| s.name_en.as_str()).collect();
    (zh.join("、"), en.join(", "))
}

/// The id of the stage a cell names: its id, or its Chinese or English name.
pub fn resolve_stage(ltc: &Ltc, cell: &str) -> Option<String> {
    let k = norm(cell);
    if k.is_empty() {
        return None;
    }
    ltc.stages
        .iter()
        .find(|s| s.id == cell.trim())
        .or_else(|| {
            ltc.stages
                .iter()
                .find(|s| norm(&s.id) == k || norm(&s.name_zh) == k || norm(&s.name_en) == k)
        })
        .map(|s| s.id.clone())
}

/// Collects the row errors of one table kind.
pub(crate) struct Rejects<'a> {
    pub(crate) table: &'a Table,
    pub(crate) uses: &'a [ColumnUse],
    pub(crate) columns: Vec<ColumnSummary>,
    pub(crate) errors: Vec<RowError>,
}

impl Rejects<'_> {
    /// Records an error on `field`'s column in file row `row`, counting the cell as invalid.
    pub(crate) fn push(&mut self, row: usize, field: usize, value: &str, reason: ImportReason) {
        let col = self
            .uses
            .iter()
            .position(|u| *u == ColumnUse::Field(field))
            .unwrap_or(0);
        if let Some(s) = self.columns.get_mut(col) {
            s.errors += 1;
            s.filled = s.filled.saturating_sub(1);
        }
        self.errors.push(RowError {
            row,
            column: self
                .table
                .headers
                .get(col)
                .map_or("", |h| h.trim())
                .to_string(),
            column_index: col,
            value: shorten(value),
            reason,
        });
    }

    /// The errors in row then column order.
    pub(crate) fn sorted(mut self) -> (Vec<ColumnSummary>, Vec<RowError>) {
        sort_by_key(&mut self.errors, |e| (e.row, e.column_index));
        (self.columns, self.errors)
    }
}

/// What an opportunity import would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpportunitiesPreview {
    /// Valid rows as opportunities with their file row; `id` "" for a new one without an id in
    /// the file (it gets one when applied).
    pub opportunities: Vec<(usize, Opportunity)>,
    /// How many of them replace an existing opportunity.
    pub updates: usize,
    /// Every error of every invalid row, in row then column order.
    pub errors: Vec<RowError>,
    /// Rows with nothing in any mapped column.
    pub skipped_blank: usize,
    /// Per column of the table.
    pub columns: Vec<ColumnSummary>,
    /// Owner cells that name no person (or several): the owner is left empty.
    pub unknown_owners: Vec<String>,
}

impl OpportunitiesPreview {
    /// File rows with at least one error, ascending.
    pub fn invalid_rows(&self) -> Vec<usize> {
        crate::persist::import::rows::error_rows(&self.errors)
    }
}

/// Reads the rows of `table` as opportunities (column `i` going to `uses[i]` of
/// [`opportunities_spec`]) against the workspace's customers, people, business lines and LTC
/// document; `today` (`YYYY-MM-DD`) is the day a new opportunity enters an open stage. A row
/// with any error is left out whole; its errors are all listed.
pub fn build_opportunities(
    table: &Table,
    uses: &[ColumnUse],
    ws: &Workspace,
    today: &str,
) -> Result<OpportunitiesPreview, MappingProblem> {
    let parsed = parse_rows(&opportunities_spec(), table, uses)?;
    let mut rejects = Rejects {
        table,
        uses,
        columns: parsed.columns,
        errors: parsed.errors,
    };
    let mut out = OpportunitiesPreview {
        skipped_blank: parsed.skipped_blank,
        ..OpportunitiesPreview::default()
    };
    let mapped = |f: usize| uses.contains(&ColumnUse::Field(f));
    let ltc = &ws.ltc;
    let customers = Index::new(ws.customers.iter().map(|c| &**c), |c| &c.id, |c| &c.name);
    let people = Index::new(&ws.org.people, |p| &p.id, |p| &p.name);
    let lines = Index::new(&ws.portfolio.lines, |l| &l.id, |l| &l.name);
    let existing: HashMap<&str, &Rc<Opportunity>> = ltc
        .opportunities
        .iter()
        .map(|o| (o.id.as_str(), o))
        .collect();
    let stages = stage_lists(ltc);
    for row in parsed.rows {
        let text = |i: usize| row.values.get(i).map_or("", Value::text).to_string();
        let mut bad: Vec<(usize, String, ImportReason)> = Vec::new();
        let account = match customers.resolve(&text(of::ACCOUNT)) {
            Ok(c) => Some(c),
            Err(many) => {
                let reason = if many {
                    ImportReason::AmbiguousAccount
                } else {
                    ImportReason::UnknownAccount
                };
                bad.push((of::ACCOUNT, text(of::ACCOUNT), reason));
                None
            }
        };
        let stage = resolve_stage(ltc, &text(of::STAGE));
        if stage.is_none() {
            bad.push((
                of::STAGE,
                text(of::STAGE),
                ImportReason::UnknownStage {
                    names_zh: stages.0.clone(),
                    names_en: stages.1.clone(),
                },
            ));
        }
        let mut date = |f: usize| -> String {
            let t = text(f);
            if t.is_empty() {
                return t;
            }
            parse_date(&t).unwrap_or_else(|| {
                bad.push((f, t, ImportReason::NotADate));
                String::new()
            })
        };
        let (close_date, created) = (date(of::CLOSE), date(of::CREATED));
        let forecast = parse_forecast(&text(of::FORECAST));
        if forecast.is_none() {
            bad.push((
                of::FORECAST,
                text(of::FORECAST),
                ImportReason::UnknownForecast,
            ));
        }
        let line_text = text(of::LINE);
        let line = if line_text.is_empty() {
            None
        } else {
            match lines.resolve(&line_text) {
                Ok(l) => Some(l.id.clone()),
                Err(true) => {
                    // One name in several industries: the one of the account's industry.
                    let of_industry: Vec<_> = lines
                        .named(&line_text)
                        .iter()
                        .filter(|l| account.is_some_and(|a| a.industry == l.industry))
                        .collect();
                    match of_industry.as_slice() {
                        [one] => Some(one.id.clone()),
                        _ => {
                            bad.push((of::LINE, line_text.clone(), ImportReason::AmbiguousLine));
                            None
                        }
                    }
                }
                Err(false) => {
                    bad.push((of::LINE, line_text.clone(), ImportReason::UnknownLine));
                    None
                }
            }
        };
        let (Some(account), Some(stage), Some(forecast), true) =
            (account, stage, forecast, bad.is_empty())
        else {
            for (field, value, reason) in bad {
                rejects.push(row.row, field, &value, reason);
            }
            continue;
        };
        let owner_text = text(of::OWNER);
        let owner = if owner_text.is_empty() {
            None
        } else {
            match people.resolve(&owner_text) {
                Ok(p) => Some(p.id.clone()),
                Err(_) => {
                    if !out.unknown_owners.contains(&owner_text) {
                        out.unknown_owners.push(owner_text.clone());
                    }
                    None
                }
            }
        };
        let id = text(of::ID);
        let before = existing.get(id.as_str());
        let mut o = before.map_or_else(Opportunity::default, |o| (***o).clone());
        o.id = id;
        o.name = text(of::NAME);
        o.account = account.id.clone();
        if mapped(of::AMOUNT) {
            o.amount = row
                .values
                .get(of::AMOUNT)
                .and_then(Value::number)
                .unwrap_or(0.0);
        }
        if mapped(of::CLOSE) {
            o.close_date = close_date;
        }
        if mapped(of::CREATED) {
            o.created = created;
        }
        if mapped(of::OWNER) {
            o.owner = owner;
        }
        if mapped(of::LINE) {
            o.line = line;
        }
        if mapped(of::FORECAST) || before.is_none() {
            o.forecast = forecast;
        }
        for (f, slot) in [
            (of::COMPETITOR, &mut o.competitor),
            (of::NEXT_STEP, &mut o.next_step),
            (of::LOST_REASON, &mut o.lost_reason),
            (of::NOTES, &mut o.notes),
        ] {
            if mapped(f) {
                *slot = text(f);
            }
        }
        let closed = ltc.stage(&stage).is_some_and(|s| s.kind != StageKind::Open);
        let entered = if closed && !o.close_date.is_empty() {
            o.close_date.clone()
        } else {
            today.to_string()
        };
        if before.is_some() {
            out.updates += 1;
            o = o.moved(&stage, &entered);
        } else {
            o.stage = stage.clone();
            o.stage_entered = entered.clone();
            o.history = vec![StageChange {
                stage,
                date: entered,
            }];
            if o.created.is_empty() {
                o.created = o.stage_entered.clone();
            }
        }
        o.updated_at = 0;
        out.opportunities.push((row.row, o));
    }
    (out.columns, out.errors) = rejects.sorted();
    Ok(out)
}

/// The next free id `<prefix><n>` (n from 1) not in `taken`, which it joins.
pub(crate) fn fresh_id(prefix: &str, taken: &mut HashSet<String>, n: &mut usize) -> String {
    loop {
        *n += 1;
        let id = format!("{prefix}{n}");
        if taken.insert(id.clone()) {
            return id;
        }
    }
}

/// Stores `items` in `list`: one with the id of an existing record replaces it in place, the
/// others are added; one without an id gets `<prefix><n>` (and `named` a chance to use it).
pub(crate) fn upsert_all<T: Entity>(
    list: &mut Vec<Rc<T>>,
    items: impl IntoIterator<Item = T>,
    prefix: &str,
    id: fn(&mut T) -> &mut String,
    named: fn(&mut T),
) {
    let mut at: HashMap<String, usize> = list
        .iter()
        .enumerate()
        .map(|(i, x)| (x.key().to_string(), i))
        .collect();
    let items: Vec<T> = items.into_iter().collect();
    let mut taken: HashSet<String> = at.keys().cloned().collect();
    taken.extend(items.iter().map(|x| x.key().to_string()));
    let mut n = 0;
    for mut x in items {
        if x.key().is_empty() {
            *id(&mut x) = fresh_id(prefix, &mut taken, &mut n);
            named(&mut x);
        }
        let key = x.key().to_string();
        match at.get(&key) {
            Some(&i) => list[i] = Rc::new(x),
            None => {
                at.insert(key, list.len());
                list.push(Rc::new(x));
            }
        }
    }
}

/// `ltc` with the previewed opportunities stored: one with the id of an existing opportunity
/// replaces it in place, the others are added (those without an id as `opp-imp-<n>`).
pub fn apply_opportunities(ltc: &Ltc, preview: &OpportunitiesPreview) -> Ltc {
    let mut next = ltc.clone();
    upsert_all(
        &mut next.opportunities,
        preview.opportunities.iter().map(|(_, o)| o.clone()),
        "opp-imp-",
        |o| &mut o.id,
        |_| {},
    );
    next
}
