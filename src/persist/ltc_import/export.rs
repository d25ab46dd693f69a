//! The CSV exports of LTC: opportunities and contracts with the import's headers, so that the
//! file imports back, plus computed columns the import ignores (weighted amount, days in stage;
//! invoiced, collected, outstanding, overdue). Cells are neutralised by [`to_csv`].

use std::collections::HashMap;

use super::contracts::contracts_spec;
use super::opportunities_spec;
use crate::domain::ltc::calc::{days_in_stage, weighted};
use crate::domain::ltc::cash::{days_overdue, outstanding};
use crate::domain::ltc::{Forecast, MilestoneKind};
use crate::domain::workspace::Workspace;
use crate::persist::csv_export::to_csv;

/// A forecast category as the import reads it, in Chinese or English.
pub fn forecast_label(f: Forecast, zh: bool) -> &'static str {
    match (f, zh) {
        (Forecast::Commit, true) => "承诺",
        (Forecast::BestCase, true) => "最佳情况",
        (Forecast::Pipeline, true) => "储备",
        (Forecast::Omitted, true) => "不计入",
        (Forecast::Commit, false) => "commit",
        (Forecast::BestCase, false) => "best case",
        (Forecast::Pipeline, false) => "pipeline",
        (Forecast::Omitted, false) => "omitted",
    }
}

/// A number for a CSV cell: plain digits (two decimals at most), empty when not finite.
fn plain(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let r = (v * 100.0).round() / 100.0;
    if r.fract() == 0.0 && r.abs() < 1e15 {
        format!("{r:.0}")
    } else {
        format!("{r}")
    }
}

/// Names that only one record has: a record is written by name when its name is unique, by id
/// otherwise, so the file resolves back to the same record.
pub(crate) struct Names<'a> {
    name_of: HashMap<&'a str, &'a str>,
    /// How many records have each name, compared as the import compares them.
    count: HashMap<String, usize>,
}

impl<'a> Names<'a> {
    /// The names of `items` (id, name).
    pub(crate) fn new(items: impl IntoIterator<Item = (&'a str, &'a str)>) -> Names<'a> {
        let mut name_of = HashMap::new();
        let mut count: HashMap<String, usize> = HashMap::new();
        for (id, name) in items {
            name_of.insert(id, name);
            *count.entry(super::norm(name)).or_insert(0) += 1;
        }
        Names { name_of, count }
    }

    /// The cell naming the record `id`: its name when unique, else its id.
    pub(crate) fn cell(&self, id: &str) -> String {
        match self.name_of.get(id) {
            Some(name)
                if self.count.get(&super::norm(name)) == Some(&1) && !name.trim().is_empty() =>
            {
                name.to_string()
            }
            _ => id.to_string(),
        }
    }
}

/// The opportunities as CSV with the import's headers in Chinese or English, names of account,
/// owner, line and stage, then the weighted amount and the days in stage on `today` (a day
/// number).
pub fn opportunities_csv(ws: &Workspace, zh: bool, today: i64) -> String {
    let ltc = &ws.ltc;
    let spec = opportunities_spec();
    let mut header: Vec<String> = spec
        .fields
        .iter()
        .map(|f| f.label(zh).to_string())
        .collect();
    header.push(
        if zh {
            "加权金额"
        } else {
            "Weighted amount"
        }
        .to_string(),
    );
    header.push(
        if zh {
            "本阶段天数"
        } else {
            "Days in stage"
        }
        .to_string(),
    );
    let accounts = Names::new(
        ws.customers
            .iter()
            .map(|c| (c.id.as_str(), c.name.as_str())),
    );
    let people = Names::new(
        ws.org
            .people
            .iter()
            .map(|p| (p.id.as_str(), p.name.as_str())),
    );
    let lines = Names::new(
        ws.portfolio
            .lines
            .iter()
            .map(|l| (l.id.as_str(), l.name.as_str())),
    );
    let stages = Names::new(ltc.stages.iter().map(|s| {
        let name = if zh { &s.name_zh } else { &s.name_en };
        (s.id.as_str(), name.as_str())
    }));
    let rows = ltc.opportunities.iter().map(|o| {
        vec![
            o.id.clone(),
            o.name.clone(),
            accounts.cell(&o.account),
            stages.cell(&o.stage),
            plain(o.amount),
            o.close_date.clone(),
            o.owner
                .as_deref()
                .map_or_else(String::new, |p| people.cell(p)),
            o.line
                .as_deref()
                .map_or_else(String::new, |l| lines.cell(l)),
            forecast_label(o.forecast, zh).to_string(),
            o.competitor.clone(),
            o.next_step.clone(),
            o.lost_reason.clone(),
            o.created.clone(),
            o.notes.clone(),
            plain(weighted(ltc, o)),
            days_in_stage(o, today).map_or_else(String::new, |d| d.to_string()),
        ]
    });
    to_csv(&header, rows)
}

/// The contracts as CSV with the import's headers in Chinese or English (shares and collected
/// amounts of the four standard milestones), then the invoiced, outstanding and overdue amounts
/// on `today` (a day number).
pub fn contracts_csv(ws: &Workspace, zh: bool, today: i64) -> String {
    let spec = contracts_spec();
    let mut header: Vec<String> = spec
        .fields
        .iter()
        .map(|f| f.label(zh).to_string())
        .collect();
    header.push(if zh { "未回款" } else { "Outstanding" }.to_string());
    header.push(if zh { "逾期未回款" } else { "Overdue" }.to_string());
    let accounts = Names::new(
        ws.customers
            .iter()
            .map(|c| (c.id.as_str(), c.name.as_str())),
    );
    let kinds = [
        MilestoneKind::Advance,
        MilestoneKind::Delivery,
        MilestoneKind::Acceptance,
        MilestoneKind::Retention,
    ];
    let rows = ws.ltc.contracts.iter().map(|c| {
        let of_kind = |k: MilestoneKind| c.milestones.iter().find(|m| m.kind == k);
        let last = |f: fn(&crate::domain::ltc::Milestone) -> &String| {
            c.milestones
                .iter()
                .map(f)
                .filter(|d| !d.is_empty())
                .max()
                .cloned()
                .unwrap_or_default()
        };
        let mut row = vec![
            c.id.clone(),
            c.name.clone(),
            accounts.cell(&c.account),
            c.opportunity.clone().unwrap_or_default(),
            c.signed.clone(),
            plain(c.value),
            format!("{}%", plain(c.delivered_pct)),
            c.delivered.clone(),
            c.accepted.clone(),
        ];
        for k in kinds {
            row.push(of_kind(k).map_or_else(String::new, |m| format!("{}%", plain(m.share_pct))));
        }
        for k in kinds {
            row.push(of_kind(k).map_or_else(String::new, |m| plain(m.collected)));
        }
        let sum =
            |f: fn(&crate::domain::ltc::Milestone) -> f64| c.milestones.iter().map(f).sum::<f64>();
        row.push(plain(sum(|m| m.collected)));
        row.push(plain(sum(|m| m.invoiced)));
        row.push(last(|m| &m.invoiced_date));
        row.push(last(|m| &m.collected_date));
        row.push(c.notes.clone());
        let owed: f64 = c.milestones.iter().map(|m| outstanding(c, m)).sum();
        let overdue: f64 = c
            .milestones
            .iter()
            .filter(|m| days_overdue(c, m, today).is_some())
            .map(|m| outstanding(c, m))
            .sum();
        row.push(plain(owed));
        row.push(plain(overdue));
        row
    });
    to_csv(&header, rows)
}
