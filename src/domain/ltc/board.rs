//! What the pipeline board shows: the opportunities that pass the filters, each column's totals
//! over them, and the first cards of each column — over the stage's ageing threshold first,
//! then by expected close date — a page at a time; and the people who own opportunities.
//!
//! [`BoardIndex`] keeps, per stage, a compact entry (index, aged, close day, amount) for every
//! opportunity that passes the filters, in document order. A full build reads every
//! opportunity (100,000 records scattered over the heap); after an edit that replaced or added
//! a few opportunities (a stage move, a save from the editor), [`BoardIndex::update`] finds them
//! by pointer (`Rc::ptr_eq` over the list) and moves just their entries, so a stage move costs
//! the columns' compact entries, not the records. Totals are summed over the entries in
//! document order, so they are the same, bit for bit, as those of a full build.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::calc;
use super::{Opportunity, Stage, StageKind};
use crate::domain::workspace::Workspace;

/// Cards shown per column at first, and added by each "more".
pub const PAGE: usize = 30;

/// More changed opportunities than this and the index is built again rather than updated.
const UPDATE_LIMIT: usize = 256;

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
    pub totals: calc::Totals,
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
    /// The people who own at least one opportunity (filters aside), in the order of the people
    /// list: (id, name).
    pub owners: Vec<(String, String)>,
}

/// One opportunity that passes the filters, as its column needs it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Entry {
    /// Position in `ltc.opportunities`.
    idx: usize,
    /// Longer in its stage than the stage's threshold.
    aged: bool,
    /// Day number of the expected close date (`i64::MAX` without one).
    close: i64,
    /// Amount, yuan.
    amount: f64,
}

impl Entry {
    /// The order of the cards: aged first, then the earliest close date, those without one
    /// last, then document order.
    fn order(&self) -> (bool, i64, usize) {
        (!self.aged, self.close, self.idx)
    }
}

/// What the entries depend on besides the opportunities: when one of these differs the index
/// is built again.
#[derive(Clone, Debug, PartialEq)]
struct Inputs {
    stages: Vec<Stage>,
    filter: Filter,
    year: i32,
    today: i64,
}

/// The board's entries per stage, kept up to date across edits.
#[derive(Clone, Debug)]
pub struct BoardIndex {
    inputs: Inputs,
    /// The tiers the tier filter used.
    tiers: Rc<HashMap<String, String>>,
    /// The document indexed: its opportunities are compared by identity on update (holding the
    /// document, not a copy of the list, so that an update does not touch every record).
    doc: Rc<Workspace>,
    /// Each customer's position in `doc.customers`, built when a card first needs a name.
    accounts: RefCell<Option<HashMap<String, usize>>>,
    /// Per stage, the entries of the opportunities that pass the filters, by `idx`.
    lists: Vec<Vec<Entry>>,
    /// Opportunities per owner id, filters aside.
    owners: HashMap<String, usize>,
}

/// The tester of the filters for one document.
struct Tester<'a> {
    filter: &'a Filter,
    tiers: &'a HashMap<String, String>,
    year: i32,
    needle: String,
    /// Each account's name in lower case (only with a text filter).
    names: HashMap<&'a str, String>,
}

impl<'a> Tester<'a> {
    fn new(ws: &'a Workspace, tiers: &'a HashMap<String, String>, filter: &'a Filter) -> Self {
        let needle = filter.text.trim().to_lowercase();
        let names = if needle.is_empty() {
            HashMap::new()
        } else {
            ws.customers
                .iter()
                .map(|c| (c.id.as_str(), c.name.to_lowercase()))
                .collect()
        };
        Tester {
            filter,
            tiers,
            year: ws.meta.fiscal_year,
            needle,
            names,
        }
    }

    fn passes(&self, o: &Opportunity) -> bool {
        let f = self.filter;
        (f.tier.is_empty() || self.tiers.get(&o.account).is_some_and(|t| *t == f.tier))
            && (f.owner.is_empty() || o.owner.as_deref() == Some(f.owner.as_str()))
            && (f.line.is_empty() || o.line.as_deref() == Some(f.line.as_str()))
            && (f.quarter == 0 || calc::quarter_in(&o.close_date, self.year) == Some(f.quarter - 1))
            && (self.needle.is_empty()
                || o.name.to_lowercase().contains(&self.needle)
                || self
                    .names
                    .get(o.account.as_str())
                    .is_some_and(|n| n.contains(&self.needle)))
    }
}

/// The stage index of an opportunity (a linear look-up: a pipeline has a handful of stages).
fn stage_of(stages: &[Stage], o: &Opportunity) -> Option<usize> {
    stages.iter().position(|s| s.id == o.stage)
}

/// The entry of an opportunity in its stage.
fn entry(stages: &[Stage], idx: usize, o: &Opportunity, today: i64) -> Entry {
    let aged = stages.iter().find(|s| s.id == o.stage).is_some_and(|s| {
        s.kind == StageKind::Open
            && s.ageing_days > 0
            && calc::days_in_stage(o, today).is_some_and(|d| d > i64::from(s.ageing_days))
    });
    Entry {
        idx,
        aged,
        close: crate::domain::dates::day_number(&o.close_date).unwrap_or(i64::MAX),
        amount: o.amount,
    }
}

impl BoardIndex {
    /// The index of a workspace under the filters, on the day `today`.
    pub fn new(
        ws: &Rc<Workspace>,
        tiers: &Rc<HashMap<String, String>>,
        filter: &Filter,
        today: i64,
    ) -> BoardIndex {
        let ltc = &ws.ltc;
        let test = Tester::new(ws, tiers, filter);
        let mut lists = vec![Vec::new(); ltc.stages.len()];
        let mut owners: HashMap<String, usize> = HashMap::new();
        for (i, o) in ltc.opportunities.iter().enumerate() {
            if let Some(owner) = &o.owner {
                *owners.entry(owner.clone()).or_default() += 1;
            }
            if let Some(s) = stage_of(&ltc.stages, o) {
                if test.passes(o) {
                    if let Some(list) = lists.get_mut(s) {
                        list.push(entry(&ltc.stages, i, o, today));
                    }
                }
            }
        }
        BoardIndex {
            inputs: Inputs {
                stages: ltc.stages.clone(),
                filter: filter.clone(),
                year: ws.meta.fiscal_year,
                today,
            },
            tiers: tiers.clone(),
            doc: ws.clone(),
            accounts: RefCell::new(None),
            lists,
            owners,
        }
    }

    /// Brings the index up to date with a workspace: by moving the entries of the
    /// opportunities that were replaced or added when only a few were and nothing else it
    /// depends on changed, by building it again otherwise. Returns true when it was updated in
    /// place.
    pub fn update(
        &mut self,
        ws: &Rc<Workspace>,
        tiers: &Rc<HashMap<String, String>>,
        filter: &Filter,
        today: i64,
    ) -> bool {
        let ltc = &ws.ltc;
        let same_customers = same_records(&self.doc.customers, &ws.customers);
        let same_inputs = self.inputs.filter == *filter
            && self.inputs.today == today
            && self.inputs.year == ws.meta.fiscal_year
            && self.inputs.stages == ltc.stages
            && Rc::ptr_eq(&self.tiers, tiers)
            // The text filter reads the customers' names.
            && (filter.text.trim().is_empty() || same_customers);
        let changed = same_inputs
            .then(|| changed_positions(&self.doc.ltc.opportunities, &ltc.opportunities))
            .flatten();
        let Some(changed) = changed else {
            // The customers' positions stay good while the customers do.
            let accounts = if same_customers {
                self.accounts.take()
            } else {
                None
            };
            *self = BoardIndex::new(ws, tiers, filter, today);
            self.accounts = RefCell::new(accounts);
            return false;
        };
        let test = Tester::new(ws, tiers, filter);
        let prev = self.doc.clone();
        for &i in &changed {
            if let Some(old) = prev.ltc.opportunities.get(i) {
                self.remove(i, old);
            }
            if let Some(new) = ltc.opportunities.get(i) {
                self.add(i, new, &test);
            }
        }
        if !same_customers {
            self.accounts.replace(None);
        }
        self.doc = ws.clone();
        true
    }

    fn remove(&mut self, i: usize, o: &Opportunity) {
        if let Some(owner) = &o.owner {
            if let Some(n) = self.owners.get_mut(owner) {
                *n -= 1;
                if *n == 0 {
                    self.owners.remove(owner);
                }
            }
        }
        if let Some(list) = stage_of(&self.inputs.stages, o).and_then(|s| self.lists.get_mut(s)) {
            if let Ok(at) = list.binary_search_by_key(&i, |e| e.idx) {
                list.remove(at);
            }
        }
    }

    fn add(&mut self, i: usize, o: &Opportunity, test: &Tester<'_>) {
        if let Some(owner) = &o.owner {
            *self.owners.entry(owner.clone()).or_default() += 1;
        }
        let Some(s) = stage_of(&self.inputs.stages, o) else {
            return;
        };
        if !test.passes(o) {
            return;
        }
        let e = entry(&self.inputs.stages, i, o, self.inputs.today);
        if let Some(list) = self.lists.get_mut(s) {
            let at = list.partition_point(|x| x.idx < i);
            list.insert(at, e);
        }
    }

    /// The board of the document indexed, each column showing `shown[stage id]` cards
    /// (default [`PAGE`]).
    pub fn model(&self, shown: &HashMap<String, usize>) -> Model {
        let ws = &*self.doc;
        let ltc = &ws.ltc;
        let mut columns = Vec::with_capacity(self.lists.len());
        for (s, list) in self.lists.iter().enumerate() {
            let stage = self.inputs.stages.get(s);
            let weight = match stage {
                Some(st) if st.kind == StageKind::Open => st.probability_pct / 100.0,
                _ => 0.0,
            };
            let mut totals = calc::Totals::default();
            for e in list {
                totals.count += 1;
                totals.amount += e.amount;
                totals.weighted += e.amount * weight;
                totals.aged += usize::from(e.aged);
            }
            let limit = stage
                .and_then(|st| shown.get(&st.id))
                .copied()
                .unwrap_or(PAGE);
            let mut keys: Vec<(bool, i64, usize)> = list.iter().map(Entry::order).collect();
            let more = keys.len().saturating_sub(limit);
            if keys.len() > limit {
                keys.select_nth_unstable(limit);
                keys.truncate(limit);
            }
            keys.sort_unstable();
            let cards = keys
                .into_iter()
                .filter_map(|k| ltc.opportunities.get(k.2).cloned())
                .collect();
            columns.push(Column {
                stage: s,
                totals,
                cards,
                more,
            });
        }
        let names = self.names(&columns);
        let owners = ws
            .org
            .people
            .iter()
            .filter(|p| self.owners.contains_key(&p.id))
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect();
        Model {
            columns,
            names,
            owners,
        }
    }
}

impl BoardIndex {
    /// The names of the accounts of the cards shown.
    fn names(&self, columns: &[Column]) -> HashMap<String, String> {
        let customers = &self.doc.customers;
        let mut slot = self.accounts.borrow_mut();
        let at = slot.get_or_insert_with(|| {
            customers
                .iter()
                .enumerate()
                .map(|(i, c)| (c.id.clone(), i))
                .collect()
        });
        columns
            .iter()
            .flat_map(|c| &c.cards)
            .filter_map(|o| {
                let c = customers.get(*at.get(&o.account)?)?;
                Some((c.id.clone(), c.name.clone()))
            })
            .collect()
    }
}

/// True when two lists hold the same records (by pointer).
fn same_records<T>(a: &[Rc<T>], b: &[Rc<T>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Rc::ptr_eq(x, y))
}

/// The positions of `next` whose record is not the one at the same position of `prev` (every
/// position past the end of `prev` included), or `None` when the list got shorter or more than
/// [`UPDATE_LIMIT`] changed.
fn changed_positions(prev: &[Rc<Opportunity>], next: &[Rc<Opportunity>]) -> Option<Vec<usize>> {
    if next.len() < prev.len() || next.len() - prev.len() > UPDATE_LIMIT {
        return None;
    }
    let mut out: Vec<usize> = Vec::new();
    for (i, (a, b)) in prev.iter().zip(next).enumerate() {
        if !Rc::ptr_eq(a, b) {
            out.push(i);
            if out.len() > UPDATE_LIMIT {
                return None;
            }
        }
    }
    out.extend(prev.len()..next.len());
    Some(out)
}

/// The board of a workspace under the filters, built from scratch (what the view keeps up to
/// date with [`BoardIndex`]).
pub fn model(
    ws: &Rc<Workspace>,
    tiers: &Rc<HashMap<String, String>>,
    filter: &Filter,
    shown: &HashMap<String, usize>,
    today: i64,
) -> Model {
    BoardIndex::new(ws, tiers, filter, today).model(shown)
}
