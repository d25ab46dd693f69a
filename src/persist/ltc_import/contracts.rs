//! The contract table kind: one row per contract with its value, dates and the four standard
//! payment milestones (预付款, 到货款, 验收款, 质保金) — their shares (30/30/30/10 when the row
//! gives none) and what was collected of each, or one collected total spread over them in order.
//! Due rules are the defaults ([`default_milestones`]).

use std::collections::HashMap;
use std::rc::Rc;

use super::{parse_date, Index, Rejects};
use crate::domain::ltc::{default_milestones, Contract, Ltc, Milestone, MilestoneKind};
use crate::domain::workspace::Workspace;
use crate::persist::import::rows::{parse_rows, ColumnSummary, MappingProblem, Value};
use crate::persist::import::schema::{ColumnUse, FieldSpec, TableSpec, ValueKind};
use crate::persist::import::{ImportReason, RowError, Table};

/// Field indexes of [`contracts_spec`].
pub(super) mod cf {
    pub const ID: usize = 0;
    pub const NAME: usize = 1;
    pub const ACCOUNT: usize = 2;
    pub const OPPORTUNITY: usize = 3;
    pub const SIGNED: usize = 4;
    pub const VALUE: usize = 5;
    pub const DELIVERED_PCT: usize = 6;
    pub const DELIVERED: usize = 7;
    pub const ACCEPTED: usize = 8;
    /// The four shares, in milestone order.
    pub const SHARES: [usize; 4] = [9, 10, 11, 12];
    /// The four collected amounts, in milestone order.
    pub const COLLECTED: [usize; 4] = [13, 14, 15, 16];
    pub const COLLECTED_TOTAL: usize = 17;
    pub const INVOICED_TOTAL: usize = 18;
    pub const INVOICED_DATE: usize = 19;
    pub const COLLECTED_DATE: usize = 20;
    pub const NOTES: usize = 21;
}

/// The four standard milestones, in contract order.
const KINDS: [MilestoneKind; 4] = [
    MilestoneKind::Advance,
    MilestoneKind::Delivery,
    MilestoneKind::Acceptance,
    MilestoneKind::Retention,
];

/// The contract table kind.
pub fn contracts_spec() -> TableSpec {
    use ValueKind::*;
    let f = FieldSpec::new;
    let amount = Amount { negative: false };
    #[rustfmt::skip]
    let fields = vec![
        f("id", "合同编号", "Contract no.", Text).unique()
            .aliases(&["合同编号", "合同号", "编号", "contract no", "contract number", "contract id", "id"])
            .examples("HT-2026-001", ""),
        f("name", "合同名称", "Contract", Text)
            .aliases(&["合同名称", "合同", "项目名称", "contract", "contract name", "name"])
            .examples("数据中心扩容二期合同", "生产网络升级改造合同"),
        f("account", "客户名称", "Account", Choice).required()
            .aliases(&["客户名称", "客户", "account", "account name", "customer", "customer name"])
            .examples("国网某省电力公司", "某汽车零部件集团"),
        f("opportunity", "商机", "Opportunity", Choice)
            .aliases(&["商机", "商机编号", "商机名称", "opportunity", "opportunity id"])
            .examples("", ""),
        f("signed", "签订日期", "Signed", Text).required()
            .aliases(&["签订日期", "签约日期", "签署日期", "合同日期", "签订时间", "signed",
                "signing date", "signed date", "date signed"])
            .examples("2026-01-10", "2025/12/20"),
        f("value", "合同金额", "Value", amount).required()
            .aliases(&["合同金额", "合同额", "合同总额", "金额", "value", "contract value", "amount"])
            .examples("300万", "1,200,000"),
        f("delivered_pct", "交付进度", "Delivered %", Percent)
            .aliases(&["交付进度", "已交付%", "已交付", "交付比例", "delivered %", "delivered pct",
                "delivery progress"])
            .examples("100%", "40%"),
        f("delivered", "到货日期", "Delivery date", Text)
            .aliases(&["到货日期", "交付日期", "交货日期", "delivery date", "delivered"])
            .examples("2026-02-20", ""),
        f("accepted", "验收日期", "Acceptance date", Text)
            .aliases(&["验收日期", "终验日期", "acceptance date", "accepted"])
            .examples("", ""),
        f("advance_pct", "预付款比例", "Advance %", Percent)
            .aliases(&["预付款比例", "预付款%", "首付款比例", "advance %", "advance pct"])
            .examples("30%", "30%"),
        f("delivery_pct", "到货款比例", "Delivery payment %", Percent)
            .aliases(&["到货款比例", "到货款%", "delivery payment %", "delivery pct"])
            .examples("30%", "40%"),
        f("acceptance_pct", "验收款比例", "Acceptance payment %", Percent)
            .aliases(&["验收款比例", "验收款%", "acceptance payment %", "acceptance pct"])
            .examples("30%", "25%"),
        f("retention_pct", "质保金比例", "Retention %", Percent)
            .aliases(&["质保金比例", "质保金%", "retention %", "retention pct"])
            .examples("10%", "5%"),
        f("advance_collected", "已回款-预付款", "Collected: advance", amount)
            .aliases(&["已回款-预付款", "预付款已回款", "预付款回款", "collected advance",
                "collected: advance"])
            .examples("90万", ""),
        f("delivery_collected", "已回款-到货款", "Collected: delivery", amount)
            .aliases(&["已回款-到货款", "到货款已回款", "到货款回款", "collected delivery",
                "collected: delivery"])
            .examples("", ""),
        f("acceptance_collected", "已回款-验收款", "Collected: acceptance", amount)
            .aliases(&["已回款-验收款", "验收款已回款", "验收款回款", "collected acceptance",
                "collected: acceptance"])
            .examples("", ""),
        f("retention_collected", "已回款-质保金", "Collected: retention", amount)
            .aliases(&["已回款-质保金", "质保金已回款", "质保金回款", "collected retention",
                "collected: retention"])
            .examples("", ""),
        f("collected", "已回款", "Collected", amount)
            .aliases(&["已回款", "已回款金额", "累计回款", "collected", "amount collected"])
            .examples("", "60万"),
        f("invoiced", "已开票", "Invoiced", amount)
            .aliases(&["已开票", "已开票金额", "累计开票", "invoiced", "amount invoiced"])
            .examples("90万", "60万"),
        f("invoiced_date", "开票日期", "Invoice date", Text)
            .aliases(&["开票日期", "最近开票日期", "invoice date", "invoiced date"])
            .examples("2026-01-12", "2026-01-05"),
        f("collected_date", "回款日期", "Collection date", Text)
            .aliases(&["回款日期", "最近回款日期", "collection date", "collected date"])
            .examples("2026-01-14", "2026-01-10"),
        f("notes", "备注", "Notes", Text)
            .aliases(&["备注", "说明", "notes", "note", "remarks"])
            .examples("", ""),
    ];
    TableSpec {
        id: "ltc_contracts",
        fields,
        yearly: None,
        label_field: Some(cf::NAME),
    }
}

/// What a contract import would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContractsPreview {
    /// Valid rows as contracts with their file row; `id` "" for a new one without a number in the
    /// file (it gets an id when applied).
    pub contracts: Vec<(usize, Contract)>,
    /// How many of them replace an existing contract.
    pub updates: usize,
    /// Every error of every invalid row, in row then column order.
    pub errors: Vec<RowError>,
    /// Rows with nothing in any mapped column.
    pub skipped_blank: usize,
    /// Per column of the table.
    pub columns: Vec<ColumnSummary>,
}

impl ContractsPreview {
    /// File rows with at least one error, ascending.
    pub fn invalid_rows(&self) -> Vec<usize> {
        crate::persist::import::rows::error_rows(&self.errors)
    }
}

/// Spreads `total` over `caps` in order, each slot filled up to its cap; `None` when more is
/// left than the caps hold (half a yuan of rounding aside).
fn spread(total: f64, caps: &[f64]) -> Option<Vec<f64>> {
    let mut left = total;
    let out = caps
        .iter()
        .map(|cap| {
            let take = left.min(*cap).max(0.0);
            left -= take;
            take
        })
        .collect();
    (left <= 0.5).then_some(out)
}

/// Reads the rows of `table` as contracts (column `i` going to `uses[i]` of [`contracts_spec`]):
/// the account a customer by id or by a name only one customer has, the opportunity one of the
/// document by id or name (a name several share is taken among the account's). A row with the
/// number of an existing contract replaces it; a row with any error is left out whole.
pub fn build_contracts(
    table: &Table,
    uses: &[ColumnUse],
    ws: &Workspace,
) -> Result<ContractsPreview, MappingProblem> {
    let parsed = parse_rows(&contracts_spec(), table, uses)?;
    let mut rejects = Rejects {
        table,
        uses,
        columns: parsed.columns,
        errors: parsed.errors,
    };
    let mut out = ContractsPreview {
        skipped_blank: parsed.skipped_blank,
        ..ContractsPreview::default()
    };
    let customers = Index::new(ws.customers.iter().map(|c| &**c), |c| &c.id, |c| &c.name);
    let opportunities = Index::new(
        ws.ltc.opportunities.iter().map(|o| &**o),
        |o| &o.id,
        |o| &o.name,
    );
    let existing: HashMap<&str, &Rc<Contract>> = ws
        .ltc
        .contracts
        .iter()
        .map(|c| (c.id.as_str(), c))
        .collect();
    for row in parsed.rows {
        let text = |i: usize| row.values.get(i).map_or("", Value::text).to_string();
        let number = |i: usize| row.values.get(i).and_then(Value::number);
        let mut bad: Vec<(usize, String, ImportReason)> = Vec::new();
        let (id, name) = (text(cf::ID), text(cf::NAME));
        if id.is_empty() && name.is_empty() {
            bad.push((cf::NAME, String::new(), ImportReason::Missing));
        }
        let account = match customers.resolve(&text(cf::ACCOUNT)) {
            Ok(c) => Some(c.id.clone()),
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
        let opp_text = text(cf::OPPORTUNITY);
        let opportunity = if opp_text.is_empty() {
            None
        } else {
            match opportunities.resolve(&opp_text) {
                Ok(o) => Some(o.id.clone()),
                Err(many) => {
                    let own: Vec<_> = opportunities
                        .named(&opp_text)
                        .iter()
                        .filter(|o| account.as_deref() == Some(o.account.as_str()))
                        .collect();
                    match own.as_slice() {
                        [one] => Some(one.id.clone()),
                        _ => {
                            let reason = if many {
                                ImportReason::AmbiguousOpportunity
                            } else {
                                ImportReason::UnknownOpportunity
                            };
                            bad.push((cf::OPPORTUNITY, opp_text.clone(), reason));
                            None
                        }
                    }
                }
            }
        };
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
        let signed = date(cf::SIGNED);
        let delivered = date(cf::DELIVERED);
        let accepted = date(cf::ACCEPTED);
        let invoiced_date = date(cf::INVOICED_DATE);
        let collected_date = date(cf::COLLECTED_DATE);
        let delivered_pct = number(cf::DELIVERED_PCT);
        for f in std::iter::once(cf::DELIVERED_PCT).chain(cf::SHARES) {
            match number(f) {
                Some(p) if p > 100.0 => bad.push((f, text(f), ImportReason::PercentAbove100)),
                Some(p) if p < 0.0 => bad.push((f, text(f), ImportReason::Negative)),
                _ => {}
            }
        }
        let value = number(cf::VALUE).unwrap_or(0.0);
        let before = existing.get(id.as_str());
        let mut c = before.map_or_else(
            || Contract {
                milestones: default_milestones(),
                ..Contract::default()
            },
            |c| (***c).clone(),
        );
        // The four standard milestones, added to an existing contract that lacks one.
        for kind in KINDS {
            if !c.milestones.iter().any(|m| m.kind == kind) {
                let m = default_milestones().into_iter().find(|m| m.kind == kind);
                c.milestones.push(m.unwrap_or_default());
            }
        }
        let slot = |ms: &[Milestone], kind| ms.iter().position(|m| m.kind == kind).unwrap_or(0);
        let slots: Vec<usize> = KINDS.iter().map(|k| slot(&c.milestones, *k)).collect();
        let shares: Vec<Option<f64>> = cf::SHARES.iter().map(|f| number(*f)).collect();
        if shares.iter().any(Option::is_some) {
            for (s, share) in slots.iter().zip(&shares) {
                if let Some(m) = c.milestones.get_mut(*s) {
                    m.share_pct = share.unwrap_or(0.0);
                }
            }
            let sum: f64 = c.milestones.iter().map(|m| m.share_pct).sum();
            if (sum - 100.0).abs() > 0.01 {
                let f = cf::SHARES[shares.iter().position(Option::is_some).unwrap_or(0)];
                bad.push((f, text(f), ImportReason::SharesNot100));
            }
        }
        let caps: Vec<f64> = slots
            .iter()
            .map(|s| {
                c.milestones
                    .get(*s)
                    .map_or(0.0, |m| value * m.share_pct / 100.0)
            })
            .collect();
        let each: Vec<Option<f64>> = cf::COLLECTED.iter().map(|f| number(*f)).collect();
        let collected = if each.iter().any(Option::is_some) {
            for ((f, v), cap) in cf::COLLECTED.iter().zip(&each).zip(&caps) {
                if v.is_some_and(|v| v > cap + 0.5) {
                    bad.push((*f, text(*f), ImportReason::CollectedAboveValue));
                }
            }
            Some(each.iter().map(|v| v.unwrap_or(0.0)).collect())
        } else if let Some(total) = number(cf::COLLECTED_TOTAL) {
            let s = spread(total, &caps);
            if s.is_none() {
                bad.push((
                    cf::COLLECTED_TOTAL,
                    text(cf::COLLECTED_TOTAL),
                    ImportReason::CollectedAboveValue,
                ));
            }
            s
        } else {
            None
        };
        let invoiced = number(cf::INVOICED_TOTAL).and_then(|total| {
            let s = spread(total, &caps);
            if s.is_none() {
                bad.push((
                    cf::INVOICED_TOTAL,
                    text(cf::INVOICED_TOTAL),
                    ImportReason::CollectedAboveValue,
                ));
            }
            s
        });
        let Some(account) = account.filter(|_| bad.is_empty()) else {
            for (field, value, reason) in bad {
                rejects.push(row.row, field, &value, reason);
            }
            continue;
        };
        let mapped = |f: usize| uses.contains(&ColumnUse::Field(f));
        c.id = id;
        c.name = if name.is_empty() { c.id.clone() } else { name };
        c.account = account;
        if mapped(cf::OPPORTUNITY) {
            c.opportunity = opportunity;
        }
        c.signed = signed;
        c.value = value;
        if mapped(cf::DELIVERED_PCT) {
            c.delivered_pct = delivered_pct.unwrap_or(0.0);
        }
        if mapped(cf::DELIVERED) {
            c.delivered = delivered;
        }
        if mapped(cf::ACCEPTED) {
            c.accepted = accepted;
        }
        if mapped(cf::NOTES) {
            c.notes = text(cf::NOTES);
        }
        for (i, s) in slots.iter().enumerate() {
            let Some(m) = c.milestones.get_mut(*s) else {
                continue;
            };
            if let Some(v) = collected.as_ref().and_then(|v: &Vec<f64>| v.get(i)) {
                m.collected = *v;
                if *v > 0.0 && !collected_date.is_empty() {
                    m.collected_date = collected_date.clone();
                }
            }
            if let Some(v) = invoiced.as_ref().and_then(|v| v.get(i)) {
                m.invoiced = *v;
                if *v > 0.0 && !invoiced_date.is_empty() {
                    m.invoiced_date = invoiced_date.clone();
                }
            }
            // Nothing is collected before it is invoiced.
            if m.invoiced < m.collected {
                m.invoiced = m.collected;
                if m.invoiced_date.is_empty() {
                    m.invoiced_date = m.collected_date.clone();
                }
            }
        }
        c.updated_at = 0;
        if before.is_some() {
            out.updates += 1;
        }
        out.contracts.push((row.row, c));
    }
    (out.columns, out.errors) = rejects.sorted();
    Ok(out)
}

/// `ltc` with the previewed contracts stored: one with the number of an existing contract
/// replaces it in place, the others are added (those without a number as `ct-imp-<n>`).
pub fn apply_contracts(ltc: &Ltc, preview: &ContractsPreview) -> Ltc {
    let mut next = ltc.clone();
    super::upsert_all(
        &mut next.contracts,
        preview.contracts.iter().map(|(_, c)| c.clone()),
        "ct-imp-",
        |c| &mut c.id,
        |c| {
            if c.name.is_empty() {
                c.name = c.id.clone();
            }
        },
    );
    next
}
