//! What the board shows: the opportunities that pass the filters, each column's totals over
//! them, and the cards of a column — over its stage's ageing threshold first, then by expected
//! close date — a page at a time. Linear in the number of opportunities: a column's first
//! cards are picked with a selection, never by sorting the whole column.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::domain::ltc::calc::{self, Totals};
use crate::domain::ltc::Opportunity;
use crate::domain::workspace::Workspace;

/// Cards shown per column at first, and added by each "more".
pub const PAGE: usize = 30;

/// The filters above the board (empty / 0: all).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Tier id of the account.
    pub tier: String,
    /// Person id of the owner.
    pub owner: String,
    /// Business line id.
    pub line: String,
    /// Quarter of the fiscal year of the expected close date, 1–4 (0: any).
    pub quarter: usize,
    /// Text in the opportunity's or the account's name.
    pub text: String,
}

impl Filter {
    /// True when any filter is set.
    pub fn is_active(&self) -> bool {
        *self != Filter::default()
    }
}

/// One column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Index of the stage in `ltc.stages`.
    pub stage: usize,
    /// Totals over the filtered opportunities of the column.
    pub totals: Totals,
    /// The cards shown, in order.
    pub cards: Vec<Rc<Opportunity>>,
    /// How many more there are.
    pub more: usize,
}

/// The whole board.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// One column per stage, in stage order.
    pub columns: Vec<Column>,
    /// The names of the accounts of the cards shown.
    pub names: HashMap<String, String>,
}

/// True when the opportunity passes the filters (`names`: each account's name in lower case,
/// needed only for a text filter).
fn passes(
    f: &Filter,
    o: &Opportunity,
    tiers: &HashMap<String, String>,
    year: i32,
    needle: &str,
    names: &HashMap<&str, String>,
) -> bool {
    (f.tier.is_empty() || tiers.get(&o.account).is_some_and(|t| *t == f.tier))
        && (f.owner.is_empty() || o.owner.as_deref() == Some(f.owner.as_str()))
        && (f.line.is_empty() || o.line.as_deref() == Some(f.line.as_str()))
        && (f.quarter == 0 || calc::quarter_in(&o.close_date, year) == Some(f.quarter - 1))
        && (needle.is_empty()
            || o.name.to_lowercase().contains(needle)
            || names
                .get(o.account.as_str())
                .is_some_and(|n| n.contains(needle)))
}

/// The board of a workspace under the filters, each column showing `shown[stage id]` cards
/// (default [`PAGE`]).
pub fn model(
    ws: &Workspace,
    tiers: &HashMap<String, String>,
    f: &Filter,
    shown: &HashMap<String, usize>,
    today: i64,
) -> Model {
    let ltc = &ws.ltc;
    let needle = f.text.trim().to_lowercase();
    let lower_names: HashMap<&str, String> = if needle.is_empty() {
        HashMap::new()
    } else {
        ws.customers
            .iter()
            .map(|c| (c.id.as_str(), c.name.to_lowercase()))
            .collect()
    };
    let year = ws.meta.fiscal_year;
    let index: HashMap<&str, usize> = ltc
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut per_stage: Vec<Vec<usize>> = vec![Vec::new(); ltc.stages.len()];
    for (i, o) in ltc.opportunities.iter().enumerate() {
        if passes(f, o, tiers, year, &needle, &lower_names) {
            if let Some(&s) = index.get(o.stage.as_str()) {
                if let Some(list) = per_stage.get_mut(s) {
                    list.push(i);
                }
            }
        }
    }
    let totals = calc::column_totals(
        ltc,
        per_stage
            .iter()
            .flatten()
            .filter_map(|&i| ltc.opportunities.get(i).map(|o| &**o)),
        today,
    );
    let mut columns = Vec::with_capacity(ltc.stages.len());
    for (s, (list, totals)) in per_stage.into_iter().zip(totals).enumerate() {
        let limit = ltc
            .stages
            .get(s)
            .and_then(|st| shown.get(&st.id))
            .copied()
            .unwrap_or(PAGE);
        // Aged first, then a close date (earliest first), those without one last.
        let mut keyed: Vec<(bool, bool, &str, usize)> = list
            .iter()
            .filter_map(|&i| {
                let o = ltc.opportunities.get(i)?;
                Some((
                    !calc::is_aged(ltc, o, today),
                    o.close_date.is_empty(),
                    o.close_date.as_str(),
                    i,
                ))
            })
            .collect();
        let more = keyed.len().saturating_sub(limit);
        if keyed.len() > limit {
            keyed.select_nth_unstable(limit);
            keyed.truncate(limit);
        }
        keyed.sort_unstable();
        let cards = keyed
            .into_iter()
            .filter_map(|k| ltc.opportunities.get(k.3).cloned())
            .collect();
        columns.push(Column {
            stage: s,
            totals,
            cards,
            more,
        });
    }
    let wanted: HashSet<&str> = columns
        .iter()
        .flat_map(|c| c.cards.iter().map(|o| o.account.as_str()))
        .collect();
    let names = ws
        .customers
        .iter()
        .filter(|c| wanted.contains(c.id.as_str()))
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    Model { columns, names }
}

/// The people who own at least one opportunity, in the order of the people list.
pub fn owners(ws: &Workspace) -> Vec<(String, String)> {
    let ids: HashSet<&str> = ws
        .ltc
        .opportunities
        .iter()
        .filter_map(|o| o.owner.as_deref())
        .collect();
    ws.org
        .people
        .iter()
        .filter(|p| ids.contains(p.id.as_str()))
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect()
}
