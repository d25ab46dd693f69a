//! The two table kinds of Tool 2 for the one import wizard, and the business lines' CSV export:
//!
//! - **Business lines** ([`lines_spec`]): industry, name, horizon (核心/成长/新兴, core/growth/
//!   emerging, H1–H3), revenue, last year, margin, market size, control point, risk management,
//!   owner (a person's name or id), notes. A row whose industry and name match an existing line
//!   (case and width aside) updates it; the others are added with new ids.
//! - **Whitespace cells** ([`cells_spec`]): account (customer name or id), business line (name or
//!   id; a name several industries use is taken in the account's industry), status (已成交/在跟进/
//!   空白/不相关, sold/in pursuit/open/not relevant), revenue, potential. A cell replaces the
//!   pair's stored cell.
//!
//! Nothing changes until the user confirms ([`apply_lines`], [`apply_cells`]).

use std::collections::HashMap;

use super::csv_export::to_csv;
use super::import::rows::{parse_rows, shorten, ColumnSummary, MappingProblem, Value};
use super::import::schema::{ColumnUse, FieldSpec, TableSpec, ValueKind};
use super::import::{ImportReason, RowError, Table};
use crate::domain::org::Person;
use crate::domain::portfolio::calc::{growth_pct, share_pct};
use crate::domain::portfolio::{BusinessLine, CellStatus, Horizon, Portfolio, WhitespaceCell};
use crate::domain::sort::sort_by_key;
use crate::domain::values::half_width;
use crate::domain::workspace::{Customer, Workspace};

/// Field indexes of [`lines_spec`].
mod lf {
    pub const INDUSTRY: usize = 0;
    pub const NAME: usize = 1;
    pub const HORIZON: usize = 2;
    pub const REVENUE: usize = 3;
    pub const LAST_YEAR: usize = 4;
    pub const MARGIN: usize = 5;
    pub const MARKET: usize = 6;
    pub const CONTROL: usize = 7;
    pub const RISK: usize = 8;
    pub const OWNER: usize = 9;
    pub const NOTES: usize = 10;
}

/// The business-line table kind.
pub fn lines_spec() -> TableSpec {
    use ValueKind::*;
    let f = FieldSpec::new;
    let amount = Amount { negative: false };
    #[rustfmt::skip]
    let fields = vec![
        f("industry", "行业", "Industry", Text).required()
            .aliases(&["行业", "所属行业", "industry", "vertical"]).examples("电力", "制造"),
        f("name", "业务线", "Business line", Text).required()
            .aliases(&["业务线", "业务", "业务名称", "产品线", "business line", "line", "business", "name"])
            .examples("储能运维", "工业互联网平台"),
        f("horizon", "业务层次", "Horizon", Choice).required()
            .aliases(&["业务层次", "层次", "类型", "业务类型", "三层业务", "horizon", "type"])
            .examples("成长", "核心"),
        f("revenue", "本年收入", "Revenue", amount)
            .aliases(&["本年收入", "收入", "今年收入", "营收", "revenue", "revenue this year"])
            .examples("900万", "4000万"),
        f("revenue_last_year", "上年收入", "Revenue last year", amount)
            .aliases(&["上年收入", "去年收入", "上年营收", "revenue last year", "last year"])
            .examples("500万", "3600万"),
        f("gross_margin_pct", "毛利率", "Gross margin", Percent)
            .aliases(&["毛利率", "毛利", "gross margin", "margin"]).examples("35%", "28%"),
        f("market_size", "市场空间", "Market size", amount)
            .aliases(&["市场空间", "市场规模", "市场容量", "market size", "market", "tam"])
            .examples("4亿", "7亿"),
        f("control_point", "战略控制点", "Control point", Text)
            .aliases(&["战略控制点", "控制点", "control point", "strategic control"])
            .examples("", "工业级交换机自研"),
        f("risk_management", "风险管理", "Risk management", Text)
            .aliases(&["风险管理", "风险控制", "risk management", "risk"]).examples("", ""),
        f("owner", "负责人", "Owner", Choice)
            .aliases(&["负责人", "责任人", "owner", "person"]).examples("", ""),
        f("notes", "备注", "Notes", Text)
            .aliases(&["备注", "说明", "notes", "note", "remarks"]).examples("", ""),
    ];
    TableSpec {
        id: "business_lines",
        fields,
        yearly: None,
        label_field: Some(lf::NAME),
    }
}

/// Field indexes of [`cells_spec`].
mod cf {
    pub const ACCOUNT: usize = 0;
    pub const LINE: usize = 1;
    pub const STATUS: usize = 2;
    pub const REVENUE: usize = 3;
    pub const POTENTIAL: usize = 4;
}

/// The whitespace table kind.
pub fn cells_spec() -> TableSpec {
    use ValueKind::*;
    let f = FieldSpec::new;
    let amount = Amount { negative: false };
    #[rustfmt::skip]
    let fields = vec![
        f("account", "客户", "Account", Choice).required()
            .aliases(&["客户", "客户名称", "大客户", "account", "customer", "customer name", "account id"])
            .examples("国网某省电力公司", "某汽车零部件集团"),
        f("line", "业务线", "Business line", Choice).required()
            .aliases(&["业务线", "业务", "产品线", "business line", "line", "product line"])
            .examples("储能运维", "工业互联网平台"),
        f("status", "状态", "Status", Choice).required()
            .aliases(&["状态", "覆盖状态", "status"]).examples("空白", "在跟进"),
        f("revenue", "已成交收入", "Revenue", amount)
            .aliases(&["已成交收入", "收入", "年收入", "revenue", "sold revenue"]).examples("", ""),
        f("potential", "潜在空间", "Potential", amount)
            .aliases(&["潜在空间", "潜力", "潜在收入", "空间", "potential", "potential revenue"])
            .examples("500万", "300万"),
    ];
    TableSpec {
        id: "whitespace",
        fields,
        yearly: None,
        label_field: None,
    }
}

/// A cell's text reduced for matching names: half-width, lower case, no spaces.
fn norm(text: &str) -> String {
    half_width(text)
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The horizon a cell names, in either language.
pub fn parse_horizon(cell: &str) -> Option<Horizon> {
    let k = norm(cell);
    let k = k.trim_end_matches("业务");
    match k {
        "核心" | "core" | "h1" | "1" => Some(Horizon::Core),
        "成长" | "growth" | "h2" | "2" => Some(Horizon::Growth),
        "新兴" | "emerging" | "h3" | "3" => Some(Horizon::Emerging),
        _ => None,
    }
}

/// The status a cell names, in either language.
pub fn parse_status(cell: &str) -> Option<CellStatus> {
    match norm(cell).as_str() {
        "已成交" | "成交" | "已购买" | "已覆盖" | "sold" | "won" => {
            Some(CellStatus::Sold)
        }
        "在跟进" | "跟进中" | "跟进" | "inpursuit" | "in_pursuit" | "pursuit" => {
            Some(CellStatus::InPursuit)
        }
        "空白" | "空白点" | "机会" | "open" | "whitespace" => Some(CellStatus::Open),
        "不相关" | "不适用" | "无需求" | "notrelevant" | "not_relevant" | "n/a" => {
            Some(CellStatus::NotRelevant)
        }
        _ => None,
    }
}

/// The one record whose id equals the cell or whose name matches it; `Err(true)` when several
/// names match, `Err(false)` when none does.
fn resolve<'a, T>(
    items: &'a [T],
    cell: &str,
    id: impl Fn(&T) -> &str,
    name: impl Fn(&T) -> &str,
) -> Result<&'a T, bool> {
    if let Some(x) = items.iter().find(|x| id(x) == cell.trim()) {
        return Ok(x);
    }
    let k = norm(cell);
    let mut found = items.iter().filter(|x| norm(name(x)) == k);
    match (found.next(), found.next()) {
        (Some(x), None) => Ok(x),
        (Some(_), Some(_)) => Err(true),
        _ => Err(false),
    }
}

/// What a business-line import would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinesPreview {
    /// Valid rows as lines with their file row; `id` is the existing line's id for an update,
    /// "" for a new one.
    pub lines: Vec<(usize, BusinessLine)>,
    /// Every error of every invalid row.
    pub errors: Vec<RowError>,
    /// Rows with nothing in any mapped column.
    pub skipped_blank: usize,
    /// Per column of the table.
    pub columns: Vec<ColumnSummary>,
}

impl LinesPreview {
    /// How many rows update an existing line.
    pub fn updates(&self) -> usize {
        self.lines.iter().filter(|(_, l)| !l.id.is_empty()).count()
    }

    /// File rows with at least one error, ascending.
    pub fn invalid_rows(&self) -> Vec<usize> {
        crate::persist::import::rows::error_rows(&self.errors)
    }
}

/// Records a row error on `field`'s column, counting the cell as invalid.
fn reject(
    table: &Table,
    uses: &[ColumnUse],
    columns: &mut [ColumnSummary],
    errors: &mut Vec<RowError>,
    (row, field, value): (usize, usize, &str),
    reason: ImportReason,
) {
    let col = uses
        .iter()
        .position(|u| *u == ColumnUse::Field(field))
        .unwrap_or(0);
    if let Some(s) = columns.get_mut(col) {
        s.errors += 1;
        s.filled = s.filled.saturating_sub(1);
    }
    errors.push(RowError {
        row,
        column: table.headers.get(col).map_or("", |h| h.trim()).to_string(),
        column_index: col,
        value: shorten(value),
        reason,
    });
}

/// Reads the rows of `table` as business lines (column `i` going to `uses[i]` of
/// [`lines_spec`]), owners looked up in `people`, existing lines of `portfolio` matched by
/// industry and name. A row with any error is left out whole; its errors are all listed.
pub fn build_lines(
    table: &Table,
    uses: &[ColumnUse],
    portfolio: &Portfolio,
    people: &[Person],
) -> Result<LinesPreview, MappingProblem> {
    let parsed = parse_rows(&lines_spec(), table, uses)?;
    let mut out = LinesPreview {
        skipped_blank: parsed.skipped_blank,
        columns: parsed.columns,
        ..LinesPreview::default()
    };
    let mut errors = parsed.errors;
    let existing: HashMap<(String, String), &BusinessLine> = portfolio
        .lines
        .iter()
        .map(|l| ((norm(&l.industry), norm(&l.name)), l))
        .collect();
    for row in parsed.rows {
        let text = |i: usize| row.values.get(i).map_or("", Value::text).to_string();
        let number = |i: usize| row.values.get(i).and_then(Value::number);
        let mut bad = Vec::new();
        let horizon = parse_horizon(&text(lf::HORIZON));
        if horizon.is_none() {
            bad.push((lf::HORIZON, text(lf::HORIZON), ImportReason::UnknownHorizon));
        }
        let owner_text = text(lf::OWNER);
        let owner = if owner_text.is_empty() {
            None
        } else {
            match resolve(people, &owner_text, |p| &p.id, |p| &p.name) {
                Ok(p) => Some(p.id.clone()),
                Err(many) => {
                    let reason = if many {
                        ImportReason::AmbiguousPerson
                    } else {
                        ImportReason::UnknownPerson
                    };
                    bad.push((lf::OWNER, owner_text.clone(), reason));
                    None
                }
            }
        };
        if !bad.is_empty() {
            for (field, value, reason) in bad {
                reject(
                    table,
                    uses,
                    &mut out.columns,
                    &mut errors,
                    (row.row, field, &value),
                    reason,
                );
            }
            continue;
        }
        let (industry, name) = (text(lf::INDUSTRY), text(lf::NAME));
        let id = existing
            .get(&(norm(&industry), norm(&name)))
            .map_or_else(String::new, |l| l.id.clone());
        out.lines.push((
            row.row,
            BusinessLine {
                id,
                industry,
                name,
                horizon: horizon.unwrap_or_default(),
                revenue: number(lf::REVENUE).unwrap_or(0.0),
                revenue_last_year: number(lf::LAST_YEAR),
                gross_margin_pct: number(lf::MARGIN),
                market_size: number(lf::MARKET),
                control_point: text(lf::CONTROL),
                risk_management: text(lf::RISK),
                owner,
                notes: text(lf::NOTES),
                updated_at: 0,
            },
        ));
    }
    sort_by_key(&mut errors, |e| (e.row, e.column_index));
    out.errors = errors;
    Ok(out)
}

/// `portfolio` with the previewed lines applied: updates keep the line's id and whitespace, new
/// lines get fresh ids; a later row of the same industry and name wins over an earlier one.
pub fn apply_lines(portfolio: &Portfolio, preview: &LinesPreview) -> Portfolio {
    let mut next = portfolio.clone();
    for (_, line) in &preview.lines {
        let key = (norm(&line.industry), norm(&line.name));
        match next
            .lines
            .iter_mut()
            .find(|l| (norm(&l.industry), norm(&l.name)) == key)
        {
            Some(l) => {
                let id = l.id.clone();
                *l = BusinessLine { id, ..line.clone() };
            }
            None => {
                let id = next.next_line_id();
                next.lines.push(BusinessLine { id, ..line.clone() });
            }
        }
    }
    next
}

/// What a whitespace import would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CellsPreview {
    /// Valid rows as cells with their file row.
    pub cells: Vec<(usize, WhitespaceCell)>,
    /// Every error of every invalid row.
    pub errors: Vec<RowError>,
    /// Rows with nothing in any mapped column.
    pub skipped_blank: usize,
    /// Per column of the table.
    pub columns: Vec<ColumnSummary>,
}

impl CellsPreview {
    /// File rows with at least one error, ascending.
    pub fn invalid_rows(&self) -> Vec<usize> {
        crate::persist::import::rows::error_rows(&self.errors)
    }
}

/// Reads the rows of `table` as whitespace cells (column `i` going to `uses[i]` of
/// [`cells_spec`]): the account is a customer of `ws` by id or by a name only one customer has;
/// the line a business line by id or name, a name several lines share being taken in the
/// account's industry.
pub fn build_cells(
    table: &Table,
    uses: &[ColumnUse],
    ws: &Workspace,
) -> Result<CellsPreview, MappingProblem> {
    let parsed = parse_rows(&cells_spec(), table, uses)?;
    let mut out = CellsPreview {
        skipped_blank: parsed.skipped_blank,
        columns: parsed.columns,
        ..CellsPreview::default()
    };
    let mut errors = parsed.errors;
    let customers: Vec<&Customer> = ws.customers.iter().map(|c| &**c).collect();
    let lines = &ws.portfolio.lines;
    for row in parsed.rows {
        let text = |i: usize| row.values.get(i).map_or("", Value::text).to_string();
        let number = |i: usize| row.values.get(i).and_then(Value::number);
        let mut bad = Vec::new();
        let account = match resolve(&customers, &text(cf::ACCOUNT), |c| &c.id, |c| &c.name) {
            Ok(c) => Some(*c),
            Err(many) => {
                let reason = if many {
                    ImportReason::AmbiguousAccount
                } else {
                    ImportReason::UnknownAccount
                };
                bad.push((cf::ACCOUNT, text(cf::ACCOUNT), reason));
                None
            }
        };
        let line_text = text(cf::LINE);
        let line = match resolve(lines, &line_text, |l| &l.id, |l| &l.name) {
            Ok(l) => Some(l),
            Err(true) => {
                // The same name in several industries: the one of the account's industry.
                let k = norm(&line_text);
                let of_industry: Vec<&BusinessLine> = lines
                    .iter()
                    .filter(|l| {
                        norm(&l.name) == k && account.is_some_and(|a| a.industry == l.industry)
                    })
                    .collect();
                match of_industry.as_slice() {
                    [one] => Some(*one),
                    _ => {
                        bad.push((cf::LINE, line_text.clone(), ImportReason::AmbiguousLine));
                        None
                    }
                }
            }
            Err(false) => {
                bad.push((cf::LINE, line_text.clone(), ImportReason::UnknownLine));
                None
            }
        };
        let status = parse_status(&text(cf::STATUS));
        if status.is_none() {
            bad.push((cf::STATUS, text(cf::STATUS), ImportReason::UnknownStatus));
        }
        match (account, line, status) {
            (Some(a), Some(l), Some(s)) if bad.is_empty() => {
                let cell = WhitespaceCell::new(
                    &a.id,
                    &l.id,
                    s,
                    number(cf::REVENUE).unwrap_or(0.0),
                    number(cf::POTENTIAL).unwrap_or(0.0),
                );
                out.cells.push((row.row, cell));
            }
            _ => {
                for (field, value, reason) in bad {
                    reject(
                        table,
                        uses,
                        &mut out.columns,
                        &mut errors,
                        (row.row, field, &value),
                        reason,
                    );
                }
            }
        }
    }
    sort_by_key(&mut errors, |e| (e.row, e.column_index));
    out.errors = errors;
    Ok(out)
}

/// `portfolio` with the previewed cells stored (each replacing its pair's cell).
pub fn apply_cells(portfolio: &Portfolio, preview: &CellsPreview) -> Portfolio {
    let mut next = portfolio.clone();
    for (_, cell) in &preview.cells {
        match next.whitespace.iter_mut().find(|c| c.id == cell.id) {
            Some(c) => *c = cell.clone(),
            None => next.whitespace.push(cell.clone()),
        }
    }
    next
}

/// A number for a CSV cell: plain digits, empty when unknown.
fn plain(v: Option<f64>) -> String {
    v.filter(|x| x.is_finite())
        .map(|x| {
            if x.fract() == 0.0 && x.abs() < 1e15 {
                format!("{x:.0}")
            } else {
                format!("{x}")
            }
        })
        .unwrap_or_default()
}

/// The business lines as CSV with the import's headers (Chinese or English) plus the computed
/// growth and share, so that the file imports back unchanged (the computed columns are ignored).
pub fn lines_csv(ws: &Workspace, zh: bool, horizon_label: impl Fn(Horizon) -> String) -> String {
    let spec = lines_spec();
    let mut header: Vec<String> = spec
        .fields
        .iter()
        .map(|f| f.label(zh).to_string())
        .collect();
    header.push(if zh { "增长率 %" } else { "Growth %" }.to_string());
    header.push(if zh { "份额 %" } else { "Share %" }.to_string());
    let person = |id: &Option<String>| {
        id.as_deref()
            .map(|id| {
                ws.org
                    .people
                    .iter()
                    .find(|p| p.id == id)
                    .map_or_else(|| id.to_string(), |p| p.name.clone())
            })
            .unwrap_or_default()
    };
    let round1 = |v: Option<f64>| plain(v.map(|x| (x * 10.0).round() / 10.0));
    let rows = ws.portfolio.lines.iter().map(|l| {
        vec![
            l.industry.clone(),
            l.name.clone(),
            horizon_label(l.horizon),
            plain(Some(l.revenue)),
            plain(l.revenue_last_year),
            plain(l.gross_margin_pct),
            plain(l.market_size),
            l.control_point.clone(),
            l.risk_management.clone(),
            person(&l.owner),
            l.notes.clone(),
            round1(growth_pct(l)),
            round1(share_pct(l)),
        ]
    });
    to_csv(&header, rows)
}

/// A status as the import reads it, in Chinese or English.
pub fn status_label(s: CellStatus, zh: bool) -> &'static str {
    match (s, zh) {
        (CellStatus::Sold, true) => "已成交",
        (CellStatus::InPursuit, true) => "在跟进",
        (CellStatus::Open, true) => "空白",
        (CellStatus::NotRelevant, true) => "不相关",
        (CellStatus::Sold, false) => "sold",
        (CellStatus::InPursuit, false) => "in pursuit",
        (CellStatus::Open, false) => "open",
        (CellStatus::NotRelevant, false) => "not relevant",
    }
}

/// The whitespace template, filled in: a header of [`cells_spec`]'s labels, then one row per
/// account (the customers of the account tiers) and business line of the account's industry,
/// with the pair's status and figures — to complete in a spreadsheet and import back. An account
/// whose name another customer shares is written by id.
pub fn cells_template_rows(ws: &Workspace, zh: bool) -> Vec<Vec<String>> {
    let spec = cells_spec();
    let mut rows = vec![spec
        .fields
        .iter()
        .map(|f| f.label(zh).to_string())
        .collect::<Vec<String>>()];
    let tiers = ws.tier_ids();
    let mut names: HashMap<&str, usize> = HashMap::new();
    for c in &ws.customers {
        *names.entry(c.name.as_str()).or_insert(0) += 1;
    }
    for (account, _) in crate::domain::portfolio::calc::accounts(ws, &tiers) {
        let account_cell = if names.get(account.name.as_str()).copied() == Some(1) {
            account.name.clone()
        } else {
            account.id.clone()
        };
        for line in ws
            .portfolio
            .lines
            .iter()
            .filter(|l| l.industry == account.industry)
        {
            let (status, revenue, potential) = ws
                .portfolio
                .cell(&account.id, &line.id)
                .map_or((CellStatus::Open, None, None), |c| {
                    (c.status, Some(c.revenue), Some(c.potential))
                });
            rows.push(vec![
                account_cell.clone(),
                line.name.clone(),
                status_label(status, zh).to_string(),
                plain(revenue.filter(|r| *r != 0.0)),
                plain(potential.filter(|p| *p != 0.0)),
            ]);
        }
    }
    rows
}
