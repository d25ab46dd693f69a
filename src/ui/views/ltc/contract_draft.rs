//! The contract editor's draft: what is typed, kept as text ([`ContractDraft`]) and checked
//! before anything changes (amounts as `parse_compact` reads them: 120万, 1.2M, 1,200,000), and
//! the quick "record a collection" change of one milestone. Pure: no yew here.

use std::collections::HashSet;

use crate::domain::dates::day_number;
use crate::domain::ltc::{Contract, DueBase, DueRule, Milestone, MilestoneKind};
use crate::domain::number::{group_thousands, parse_compact};

/// Largest amount accepted, yuan (beyond it a typo is likelier).
const MAX_AMOUNT: f64 = 1e15;
/// Longest name, characters.
const MAX_NAME: usize = 120;
/// Most milestones a contract may have.
pub const MAX_MILESTONES: usize = 24;

/// A field of the form that can be wrong (`usize`: the milestone's position).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// 客户.
    Account,
    /// 合同名称.
    Name,
    /// 签订日期.
    Signed,
    /// 合同金额.
    Value,
    /// 交付进度 %.
    DeliveredPct,
    /// 交付完成日期.
    Delivered,
    /// 验收日期.
    Accepted,
    /// A milestone's share %.
    Share(usize),
    /// A milestone's fixed due date.
    DueDate(usize),
    /// A milestone's days or months after its event.
    Offset(usize),
    /// A milestone's invoiced amount.
    Invoiced(usize),
    /// A milestone's invoice date.
    InvoicedDate(usize),
    /// A milestone's collected amount.
    Collected(usize),
    /// A milestone's collection date.
    CollectedDate(usize),
}

/// What is wrong with a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Empty but required.
    Required,
    /// Not an amount (or a negative or huge one).
    NotAmount,
    /// Not a `YYYY-MM-DD` date.
    NotDate,
    /// A percentage outside 0–100.
    Percent,
    /// Not a whole number from 0 to 3650.
    NotCount,
}

/// One milestone as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MilestoneDraft {
    /// [`MilestoneKind::key`].
    pub kind: String,
    /// Share of the value, percent.
    pub share: String,
    /// [`DueBase::key`].
    pub base: String,
    /// The fixed due date (base `date`).
    pub date: String,
    /// Days after the event.
    pub days: String,
    /// Months after the event.
    pub months: String,
    /// Invoiced, yuan.
    pub invoiced: String,
    /// Invoice date.
    pub invoiced_date: String,
    /// Collected, yuan.
    pub collected: String,
    /// Collection date.
    pub collected_date: String,
}

/// The form's fields as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContractDraft {
    /// Customer id.
    pub account: String,
    /// Opportunity id, empty for none.
    pub opportunity: String,
    /// Name or number.
    pub name: String,
    /// Signing date.
    pub signed: String,
    /// Value, yuan.
    pub value: String,
    /// Delivered, percent.
    pub delivered_pct: String,
    /// Delivery complete date.
    pub delivered: String,
    /// Acceptance date.
    pub accepted: String,
    /// The milestones.
    pub milestones: Vec<MilestoneDraft>,
}

/// An amount as the form shows it: in full, with thousands separators (lossless).
pub fn amount_text(v: f64) -> String {
    if v == 0.0 {
        return String::new();
    }
    group_thousands(&v.to_string())
}

/// A number as the form shows it (0 as "0").
fn num_text(v: f64) -> String {
    let s = v.to_string();
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

impl MilestoneDraft {
    /// The draft of a milestone.
    pub fn of(m: &Milestone) -> Self {
        MilestoneDraft {
            kind: m.kind.key().to_string(),
            share: num_text(m.share_pct),
            base: m.due.base.key().to_string(),
            date: m.due.date.clone(),
            days: m.due.days.to_string(),
            months: m.due.months.to_string(),
            invoiced: amount_text(m.invoiced),
            invoiced_date: m.invoiced_date.clone(),
            collected: amount_text(m.collected),
            collected_date: m.collected_date.clone(),
        }
    }
}

impl ContractDraft {
    /// The draft of an existing contract.
    pub fn of(c: &Contract) -> Self {
        ContractDraft {
            account: c.account.clone(),
            opportunity: c.opportunity.clone().unwrap_or_default(),
            name: c.name.clone(),
            signed: c.signed.clone(),
            value: amount_text(c.value),
            delivered_pct: num_text(c.delivered_pct),
            delivered: c.delivered.clone(),
            accepted: c.accepted.clone(),
            milestones: c.milestones.iter().map(MilestoneDraft::of).collect(),
        }
    }

    /// Σ of the milestones' shares as typed (unreadable ones count 0).
    pub fn share_sum(&self) -> f64 {
        self.milestones
            .iter()
            .filter_map(|m| m.share.trim().trim_end_matches('%').parse::<f64>().ok())
            .filter(|v| v.is_finite())
            .sum()
    }

    /// The contract the draft describes on top of `base` (its id, notes and time), or every
    /// problem. `accounts` tells whether a customer id exists.
    pub fn build(
        &self,
        base: &Contract,
        account_exists: impl Fn(&str) -> bool,
    ) -> Result<Contract, Vec<(Field, Problem)>> {
        let mut problems = Vec::new();
        let account = self.account.trim().to_string();
        if account.is_empty() || !account_exists(&account) {
            problems.push((Field::Account, Problem::Required));
        }
        let name: String = self.name.trim().chars().take(MAX_NAME).collect();
        if name.is_empty() {
            problems.push((Field::Name, Problem::Required));
        }
        let mut date = |field: Field, s: &str, required: bool| -> String {
            let t = s.trim();
            if t.is_empty() {
                if required {
                    problems.push((field, Problem::Required));
                }
                return String::new();
            }
            if day_number(t).is_none() {
                problems.push((field, Problem::NotDate));
            }
            t.to_string()
        };
        let signed = date(Field::Signed, &self.signed, true);
        let delivered = date(Field::Delivered, &self.delivered, false);
        let accepted = date(Field::Accepted, &self.accepted, false);
        let mut dates = Vec::new();
        for (i, m) in self.milestones.iter().enumerate() {
            let due_date = if m.base == DueBase::Date.key() {
                date(Field::DueDate(i), &m.date, true)
            } else {
                String::new()
            };
            dates.push((
                due_date,
                date(Field::InvoicedDate(i), &m.invoiced_date, false),
                date(Field::CollectedDate(i), &m.collected_date, false),
            ));
        }
        let mut amount = |field: Field, s: &str, required: bool| -> f64 {
            match parse_amount(s) {
                Some(v) => v,
                None if s.trim().is_empty() => {
                    if required {
                        problems.push((field, Problem::Required));
                    }
                    0.0
                }
                None => {
                    problems.push((field, Problem::NotAmount));
                    0.0
                }
            }
        };
        let value = amount(Field::Value, &self.value, true);
        let mut amounts = Vec::new();
        for (i, m) in self.milestones.iter().enumerate() {
            amounts.push((
                amount(Field::Invoiced(i), &m.invoiced, false),
                amount(Field::Collected(i), &m.collected, false),
            ));
        }
        let mut percent = |field: Field, s: &str| -> f64 {
            let t = s.trim().trim_end_matches('%').trim();
            if t.is_empty() {
                return 0.0;
            }
            match t.parse::<f64>() {
                Ok(v) if v.is_finite() && (0.0..=100.0).contains(&v) => v,
                _ => {
                    problems.push((field, Problem::Percent));
                    0.0
                }
            }
        };
        let delivered_pct = percent(Field::DeliveredPct, &self.delivered_pct);
        let shares: Vec<f64> = self
            .milestones
            .iter()
            .enumerate()
            .map(|(i, m)| percent(Field::Share(i), &m.share))
            .collect();
        let mut count = |field: Field, s: &str| -> u32 {
            let t = s.trim();
            if t.is_empty() {
                return 0;
            }
            match t.parse::<u32>() {
                Ok(v) if v <= 3650 => v,
                _ => {
                    problems.push((field, Problem::NotCount));
                    0
                }
            }
        };
        let mut offsets = Vec::new();
        for (i, m) in self.milestones.iter().enumerate() {
            offsets.push((
                count(Field::Offset(i), &m.days),
                count(Field::Offset(i), &m.months),
            ));
        }
        if !problems.is_empty() {
            problems.dedup();
            return Err(problems);
        }
        let milestones = self
            .milestones
            .iter()
            .enumerate()
            .take(MAX_MILESTONES)
            .map(|(i, m)| {
                let (due_date, invoiced_date, collected_date) = dates[i].clone();
                let base = DueBase::ALL
                    .into_iter()
                    .find(|b| b.key() == m.base)
                    .unwrap_or_default();
                let (days, months) = offsets[i];
                Milestone {
                    kind: MilestoneKind::ALL
                        .into_iter()
                        .find(|k| k.key() == m.kind)
                        .unwrap_or(MilestoneKind::Other),
                    share_pct: shares[i],
                    due: DueRule {
                        base,
                        date: due_date,
                        days: if base == DueBase::Date { 0 } else { days },
                        months: if base == DueBase::Date { 0 } else { months },
                    },
                    invoiced: amounts[i].0,
                    invoiced_date,
                    collected: amounts[i].1,
                    collected_date,
                }
            })
            .collect();
        Ok(Contract {
            account,
            opportunity: (!self.opportunity.is_empty()).then(|| self.opportunity.clone()),
            name,
            signed,
            value,
            delivered_pct,
            delivered,
            accepted,
            milestones,
            ..base.clone()
        })
    }
}

/// An amount typed, as `parse_compact` reads it, finite, from 0 to [`MAX_AMOUNT`] (`None` for
/// anything else, an empty text included).
pub fn parse_amount(text: &str) -> Option<f64> {
    let t = text.trim().trim_start_matches('¥').trim();
    parse_compact(t).filter(|v| v.is_finite() && *v >= 0.0 && *v <= MAX_AMOUNT)
}

/// A contract id not used yet: `ct-<n>`, n counting up from the number of contracts.
pub fn next_contract_id<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let used: HashSet<&str> = ids.collect();
    let mut n = used.len() + 1;
    loop {
        let id = format!("ct-{n:02}");
        if !used.contains(id.as_str()) {
            return id;
        }
        n += 1;
    }
}

/// The contract with a collection of `amount` recorded on `date` against milestone `index`:
/// collected grows by the amount and takes the date; a collection beyond what was invoiced
/// means the invoice went out, so invoiced rises to match (dated the same day when it had no
/// date). `None` when there is no such milestone.
pub fn record_collection(c: &Contract, index: usize, amount: f64, date: &str) -> Option<Contract> {
    let mut next = c.clone();
    let m = next.milestones.get_mut(index)?;
    m.collected += amount;
    m.collected_date = date.to_string();
    if m.invoiced < m.collected {
        m.invoiced = m.collected;
        if m.invoiced_date.is_empty() {
            m.invoiced_date = date.to_string();
        }
    }
    Some(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ltc::default_milestones;

    fn draft() -> ContractDraft {
        ContractDraft {
            account: "c-1".into(),
            name: " 数据中心二期 ".into(),
            signed: "2026-01-10".into(),
            value: "120万".into(),
            delivered_pct: "40".into(),
            milestones: default_milestones()
                .iter()
                .map(MilestoneDraft::of)
                .collect(),
            ..ContractDraft::default()
        }
    }

    #[test]
    fn a_new_contract_reads_compact_amounts_and_keeps_the_default_milestones() {
        let c = draft()
            .build(&Contract::default(), |a| a == "c-1")
            .unwrap_or_default();
        assert_eq!(c.value, 1_200_000.0);
        assert_eq!(c.name, "数据中心二期");
        let shares: Vec<f64> = c.milestones.iter().map(|m| m.share_pct).collect();
        assert_eq!(shares, vec![30.0, 30.0, 30.0, 10.0]);
        assert_eq!(c.milestones, default_milestones());
        assert_eq!(draft().share_sum(), 100.0);
    }

    #[test]
    fn bad_fields_are_named() {
        let mut d = draft();
        d.account = "gone".into();
        d.value = "12 万元".into();
        d.signed = "2026-02-30".into();
        d.milestones[1].share = "130".into();
        d.milestones[2].days = "-3".into();
        let problems = d.build(&Contract::default(), |a| a == "c-1").err();
        assert_eq!(
            problems.unwrap_or_default(),
            vec![
                (Field::Account, Problem::Required),
                (Field::Signed, Problem::NotDate),
                (Field::Value, Problem::NotAmount),
                (Field::Share(1), Problem::Percent),
                (Field::Offset(2), Problem::NotCount),
            ]
        );
    }

    #[test]
    fn an_existing_contract_reads_back_the_same() {
        let mut c = draft()
            .build(&Contract::default(), |_| true)
            .unwrap_or_default();
        c.id = "ct-07".into();
        c.milestones[0].invoiced = 360_000.0;
        c.milestones[0].invoiced_date = "2026-01-12".into();
        c.milestones[0].collected = 123_456.5;
        c.milestones[0].collected_date = "2026-01-14".into();
        let back = ContractDraft::of(&c).build(&c, |_| true);
        assert_eq!(back.unwrap_or_default(), c);
    }

    #[test]
    fn a_collection_adds_to_the_milestone_and_raises_the_invoice_when_short() {
        let mut c = draft()
            .build(&Contract::default(), |_| true)
            .unwrap_or_default();
        c.milestones[1].invoiced = 360_000.0;
        c.milestones[1].collected = 60_000.0;
        let next = record_collection(&c, 1, 300_000.0, "2026-01-15").unwrap_or_default();
        assert_eq!(next.milestones[1].collected, 360_000.0);
        assert_eq!(next.milestones[1].collected_date, "2026-01-15");
        assert_eq!(next.milestones[1].invoiced, 360_000.0);
        let next = record_collection(&c, 2, 100_000.0, "2026-01-15").unwrap_or_default();
        assert_eq!(next.milestones[2].invoiced, 100_000.0);
        assert_eq!(next.milestones[2].invoiced_date, "2026-01-15");
        assert!(record_collection(&c, 9, 1.0, "2026-01-15").is_none());
    }

    #[test]
    fn new_ids_skip_the_used_ones() {
        assert_eq!(next_contract_id(["ct-01", "ct-02"].into_iter()), "ct-03");
        assert_eq!(next_contract_id(["ct-02", "ct-03"].into_iter()), "ct-04");
        assert_eq!(next_contract_id(std::iter::empty()), "ct-01");
    }
}
