//! The customer table kind: its fields ([`customer_spec`]), and how read rows become customers
//! ([`build_customers_with`]).

use std::sync::OnceLock;

use super::rows::{parse_rows, MappingProblem, ParsedRow, Value};
use super::schema::{detect, ColumnUse, FieldSpec, TableSpec, ValueKind};
use super::{ImportError, ImportPreview, ImportReason, RowError, Table, Target};
use crate::domain::org::Person;
use crate::domain::sort::sort_by_key;
use crate::domain::tiering::{Field, TieringConfig};
use crate::domain::workspace::{Customer, YearPurchase};

/// The fields of a customer table, one per [`Target`] but [`Target::Ignore`], in
/// [`Target::ALL`] order (so `Target::ALL[i]` is field `i`).
pub fn customer_spec() -> &'static TableSpec {
    static SPEC: OnceLock<TableSpec> = OnceLock::new();
    SPEC.get_or_init(build_spec)
}

#[rustfmt::skip]
fn build_spec() -> TableSpec {
    use ValueKind::*;
    let f = FieldSpec::new;
    let fields = vec![
        f("name", "客户名称", "Customer name", Text).required().aliases(&["客户名称", "客户",
            "公司名称", "名称", "客户名", "企业名称", "单位名称", "公司", "客户全称", "name", "customer",
            "customer name", "company", "company name", "account", "account name", "client"])
            .examples("华远通信集团有限公司", "蓝海软件技术有限公司"),
        f("industry", "行业", "Industry", Text).aliases(&["行业", "所属行业", "行业分类", "行业类别",
            "客户行业", "industry", "sector"]).examples("通信", "软件"),
        f("industry_line", "行业线", "Industry line", Text).aliases(&["行业线", "所属行业线",
            "industry line", "sales vertical", "vertical"]).examples("运营商行业线", ""),
        f("region", "区域", "Region", Text).aliases(&["区域", "地区", "大区", "所属区域", "片区",
            "销售区域", "省份", "省", "城市", "region", "area", "territory", "province"])
            .examples("华东", "华南"),
        f("annual_purchase", "年采购额", "Annual purchase", Amount { negative: false })
            .aliases(&["年采购额", "采购额", "年度采购额", "年采购金额", "采购金额", "采购总额",
                "annual purchase", "annual purchases", "purchase", "purchases", "purchase amount"])
            .weak(&["销售额", "销售收入", "销售金额", "合同额", "签约额", "订货额", "订单额",
                "营收", "收入", "业绩", "sales", "revenue", "bookings", "orders"])
            .examples("1200万", "350,000"),
        f("revenue", "收入", "Revenue", Amount { negative: true }).aliases(&["营业收入", "年收入",
            "确认收入", "sales revenue", "recognised revenue", "recognized revenue"])
            .weak(&["收入", "营收", "销售收入", "revenue"]).examples("1100万", "320,000"),
        f("gross_margin_pct", "毛利率", "Gross margin %", Percent).aliases(&["毛利率", "毛利",
            "gross margin", "margin", "gross margin pct", "gm"]).examples("28%", "35%"),
        f("wallet", "品类总支出", "Wallet (category spend)", Amount { negative: false })
            .aliases(&["钱包", "品类总支出", "钱包规模", "总支出", "采购预算", "wallet", "wallet size",
                "category spend", "total spend"]).examples("5000万", "200万"),
        f("growth_pct", "增长率", "Growth %", Percent).aliases(&["增长率", "增速", "同比增长", "增长",
            "同比", "growth", "growth rate", "growth pct", "yoy"]).examples("12%", "-5%"),
        f("industry_rank", "行业排名", "Industry rank", WholeNumber).aliases(&["行业排名", "排名",
            "行业地位", "industry rank", "rank", "ranking"]).examples("2", "15"),
        f("on_named_list", "清单制", "On named list", YesNo).aliases(&["清单制", "名单", "清单",
            "是否清单制", "清单客户", "名单客户", "named list", "on named list"])
            .examples("是", "否"),
        f("repeat_purchase", "复购", "Repeat purchase", YesNo).aliases(&["复购", "是否复购",
            "重复采购", "是否老客户", "老客户", "repeat purchase", "repeat", "returning customer"])
            .examples("是", "否"),
        f("years_of_cooperation", "合作年限", "Years of cooperation", WholeNumber)
            .aliases(&["合作年限", "合作年数", "合作年份", "years of cooperation", "years",
                "cooperation years", "customer since years"]).examples("6", "1"),
        f("tags", "标签", "Tags", Tags).aliases(&["标签", "tags", "tag", "labels"])
            .examples("国企、重点", ""),
        f("notes", "备注", "Notes", Text).aliases(&["备注", "说明", "notes", "note", "remarks",
            "comments", "comment"]).examples("", "新客户"),
        f("id", "客户编号", "Customer id", Text).unique().aliases(&["编号", "客户编号", "客户id",
            "客户代码", "id", "customer id", "code", "customer code"]).examples("", ""),
        f("owner", "客户经理", "Account owner", Choice).aliases(&["客户经理", "销售负责人",
            "负责人", "销售", "客户负责人", "客户代表", "owner", "account owner", "account manager",
            "sales rep", "salesperson"]).examples("", ""),
    ];
    TableSpec {
        id: "customers",
        fields,
        yearly: Some(4),
        label_field: Some(0),
    }
}

/// The field index of a target ([`Target::Ignore`] has none).
fn field_of(t: Target) -> Option<usize> {
    let i = Target::ALL.iter().position(|x| *x == t)?;
    customer_spec()
        .fields
        .get(i)
        .filter(|f| f.id == t.key())
        .map(|_| i)
}

/// The target of a field index.
pub fn target_of_field(i: usize) -> Target {
    Target::ALL
        .get(i)
        .copied()
        .filter(|t| *t != Target::Ignore)
        .unwrap_or(Target::Ignore)
}

/// A mapping of targets as column uses.
pub fn uses_of(mapping: &[Target]) -> Vec<ColumnUse> {
    mapping
        .iter()
        .map(|t| field_of(*t).map_or(ColumnUse::Ignore, ColumnUse::Field))
        .collect()
}

/// Proposes a target for every header (year columns of the history are not targets and come out
/// as [`Target::Ignore`]; [`detect`] with [`customer_spec`] gives them).
pub fn detect_mapping(headers: &[String]) -> Vec<Target> {
    detect(customer_spec(), headers)
        .into_iter()
        .map(|g| match g.column_use {
            ColumnUse::Field(i) => target_of_field(i),
            _ => Target::Ignore,
        })
        .collect()
}

/// The target a header names by one of its spellings, exact or shared (see
/// [`crate::persist::import::schema::FieldSpec::weak_aliases`]; the first field listing a shared
/// spelling is returned).
pub fn target_for_header(header: &str) -> Option<Target> {
    let key = super::table::header_key(header);
    let spec = customer_spec();
    spec.fields
        .iter()
        .position(|f| f.aliases.contains(&key))
        .or_else(|| {
            spec.fields
                .iter()
                .position(|f| f.weak_aliases.contains(&key))
        })
        .map(target_of_field)
}

/// Turns the rows of `table` into customers, column `i` going to `mapping[i]`. See
/// [`build_customers_with`]; this form knows no people, so an owner column is ignored.
pub fn build_customers(table: &Table, mapping: &[Target]) -> Result<ImportPreview, ImportError> {
    build_customers_with(table, &uses_of(mapping), &[])
}

/// Turns the rows of `table` into customers, column `i` going to `uses[i]` (see
/// [`super::rows::parse_rows`] for the cell rules). On top of them: gross margin within
/// −100 … 100 %, growth at least −100 %, industry rank at least 1; an empty amount is 0 (annual
/// purchase, revenue) or unknown (wallet); [`ColumnUse::Year`] columns become the history, and the
/// annual purchase read from a column headed with a year is that year's history too. An owner
/// names a person of `people` by id or name; one not found is left empty and listed in
/// [`ImportPreview::unknown_owners`].
pub fn build_customers_with(
    table: &Table,
    uses: &[ColumnUse],
    people: &[Person],
) -> Result<ImportPreview, ImportError> {
    let spec = customer_spec();
    let parsed = parse_rows(spec, table, uses).map_err(|p| match p {
        MappingProblem::Missing(_) => ImportError::NoNameColumn,
        MappingProblem::Twice(ColumnUse::Field(i)) => {
            ImportError::DuplicateTarget(target_of_field(i))
        }
        MappingProblem::Twice(ColumnUse::Year(y)) => ImportError::DuplicateYear(y),
        MappingProblem::Twice(ColumnUse::Ignore) => ImportError::NoNameColumn,
    })?;
    let column = |t: Target| {
        let f = field_of(t)?;
        uses.iter().position(|u| *u == ColumnUse::Field(f))
    };
    let ap_year = column(Target::AnnualPurchase)
        .and_then(|c| table.headers.get(c))
        .and_then(|h| super::schema::header_year(h));
    let mut preview = ImportPreview {
        skipped_blank: parsed.skipped_blank,
        skipped_totals: parsed.skipped_totals,
        columns: parsed.columns,
        ..ImportPreview::default()
    };
    let mut errors = parsed.errors;
    for row in parsed.rows {
        match customer_of(&row, ap_year, people) {
            Ok((customer, unknown_owner)) => {
                if let Some(owner) = unknown_owner {
                    if !preview.unknown_owners.contains(&owner) {
                        preview.unknown_owners.push(owner);
                    }
                }
                preview.customers.push((row.row, customer));
            }
            Err(problems) => {
                for (t, reason) in problems {
                    let col = column(t).unwrap_or(0);
                    if let Some(s) = preview.columns.get_mut(col) {
                        s.errors += 1;
                        s.filled = s.filled.saturating_sub(1);
                    }
                    let raw = table
                        .rows
                        .iter()
                        .zip(&table.row_numbers)
                        .find(|(_, n)| **n == row.row)
                        .and_then(|(r, _)| r.get(col))
                        .map_or("", |c| c.trim());
                    errors.push(RowError {
                        row: row.row,
                        column: table.headers.get(col).map_or("", |h| h.trim()).to_string(),
                        column_index: col,
                        value: super::rows::shorten(raw),
                        reason,
                    });
                }
            }
        }
    }
    sort_by_key(&mut errors, |e| (e.row, e.column_index));
    preview.errors = errors;
    Ok(preview)
}

/// One read row as a customer (and the owner text when no person matched it), or the range
/// problems of its fields.
#[allow(clippy::type_complexity)]
fn customer_of(
    row: &ParsedRow,
    ap_year: Option<i32>,
    people: &[Person],
) -> Result<(Customer, Option<String>), Vec<(Target, ImportReason)>> {
    let v = |t: Target| {
        field_of(t)
            .and_then(|i| row.values.get(i))
            .unwrap_or(&Value::Empty)
    };
    let text = |t: Target| v(t).text().to_string();
    let num = |t: Target| v(t).number();
    let whole = |t: Target| match v(t) {
        Value::Whole(n) => Some(*n),
        _ => None,
    };
    let flag = |t: Target| matches!(v(t), Value::Bool(true));
    let mut problems = Vec::new();
    let margin = num(Target::GrossMarginPct);
    if margin.is_some_and(|m| !(-100.0..=100.0).contains(&m)) {
        problems.push((Target::GrossMarginPct, ImportReason::MarginOutOfRange));
    }
    let growth = num(Target::GrowthPct);
    if growth.is_some_and(|g| g < -100.0) {
        problems.push((Target::GrowthPct, ImportReason::GrowthBelowMinus100));
    }
    let rank = whole(Target::IndustryRank);
    if rank == Some(0) {
        problems.push((Target::IndustryRank, ImportReason::RankBelowOne));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let annual_purchase = num(Target::AnnualPurchase).unwrap_or(0.0);
    let mut history: Vec<YearPurchase> = row
        .years
        .iter()
        .map(|(year, amount)| YearPurchase {
            year: *year,
            annual_purchase: *amount,
        })
        .collect();
    if let (Some(year), Some(amount)) = (ap_year, num(Target::AnnualPurchase)) {
        if !history.iter().any(|h| h.year == year) {
            history.push(YearPurchase {
                year,
                annual_purchase: amount,
            });
        }
    }
    sort_by_key(&mut history, |h| h.year);
    let owner_text = text(Target::Owner);
    let owner = (!owner_text.is_empty())
        .then(|| {
            people
                .iter()
                .find(|p| p.id == owner_text)
                .or_else(|| {
                    let mut named = people.iter().filter(|p| p.name.trim() == owner_text);
                    match (named.next(), named.next()) {
                        (Some(p), None) => Some(p),
                        _ => None,
                    }
                })
                .map(|p| p.id.clone())
        })
        .flatten();
    let unknown_owner = (owner.is_none() && !owner_text.is_empty()).then_some(owner_text);
    let tags = match v(Target::Tags) {
        Value::Tags(t) => t.clone(),
        _ => Vec::new(),
    };
    let customer = Customer {
        id: text(Target::Id),
        name: text(Target::Name),
        industry: text(Target::Industry),
        industry_line: Some(text(Target::IndustryLine)).filter(|l| !l.is_empty()),
        region: text(Target::Region),
        owner,
        annual_purchase,
        revenue: num(Target::Revenue).unwrap_or(0.0),
        gross_margin_pct: margin,
        wallet: num(Target::Wallet),
        growth_pct: growth,
        industry_rank: rank,
        on_named_list: flag(Target::OnNamedList),
        repeat_purchase: flag(Target::RepeatPurchase),
        years_of_cooperation: whole(Target::YearsOfCooperation).unwrap_or(0),
        history,
        tags,
        notes: text(Target::Notes),
        ..Customer::default()
    };
    Ok((customer, unknown_owner))
}

/// The tiering fields an import feeds when column `t` is mapped (a wallet column feeds the share
/// of wallet, a rank column the named-list test, which counts 行业TOP3).
fn feeds(t: Target) -> &'static [Field] {
    match t {
        Target::AnnualPurchase => &[Field::AnnualPurchase, Field::ShareOfWallet],
        Target::Revenue => &[Field::Revenue],
        Target::GrossMarginPct => &[Field::GrossMarginPct],
        Target::Wallet => &[Field::ShareOfWallet],
        Target::GrowthPct => &[Field::GrowthPct],
        Target::IndustryRank => &[Field::IndustryRank, Field::OnNamedList],
        Target::OnNamedList => &[Field::OnNamedList],
        Target::IndustryLine => &[Field::IndustryLine],
        Target::RepeatPurchase => &[Field::RepeatPurchase],
        Target::YearsOfCooperation => &[Field::YearsOfCooperation],
        Target::Tags => &[Field::Tag],
        _ => &[],
    }
}

/// The fields the tiering depends on that a mapping feeds none of: the money fields it uses
/// (年采购额, 收入, share of wallet) when it uses any — a tiering by amounts cannot be made
/// without one — and otherwise every field it uses. Empty when the mapping feeds at least one
/// of them: then the import may go ahead. The wizard blocks on a non-empty answer until the user
/// picks a column or confirms importing without.
pub fn unfed_key_fields(tiering: &TieringConfig, mapping: &[Target]) -> Vec<Field> {
    let used = tiering.fields_used();
    let money: Vec<Field> = used
        .iter()
        .copied()
        .filter(|f| {
            matches!(
                f,
                Field::AnnualPurchase | Field::Revenue | Field::ShareOfWallet
            )
        })
        .collect();
    let key = if money.is_empty() { used } else { money };
    let fed = |f: &Field| mapping.iter().any(|t| feeds(*t).contains(f));
    if key.iter().any(fed) {
        Vec::new()
    } else {
        key
    }
}
