//! Which customers the table shows, in which order: search, filters and sort over the whole list,
//! returning indices into it. Built for 100,000 customers: the name order and the lower-case
//! search texts are computed once per document ([`SearchIndex`]), so a keystroke or a click on a
//! column header only filters and sorts numbers.

use std::borrow::Borrow;
use std::cell::OnceCell;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use crate::domain::tiering::Assignment;
use crate::domain::workspace::Customer;

/// One of the three curses (SPEC §3.1), as a bit of a customer's curse byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CurseKind {
    /// 进不来: can't get in (bit 0).
    Entry,
    /// 做不大: can't grow (bit 1).
    Growth,
    /// 留不住: can't retain (bit 2).
    Retention,
}

impl CurseKind {
    /// All three, in the order they are shown.
    pub const ALL: [CurseKind; 3] = [CurseKind::Entry, CurseKind::Growth, CurseKind::Retention];

    /// Its bit in a curse byte.
    pub fn bit(self) -> u8 {
        match self {
            CurseKind::Entry => 1,
            CurseKind::Growth => 2,
            CurseKind::Retention => 4,
        }
    }

    /// The identifier (`entry`, `growth`, `retention`; also the catalogue key suffix).
    pub fn key(self) -> &'static str {
        match self {
            CurseKind::Entry => "entry",
            CurseKind::Growth => "growth",
            CurseKind::Retention => "retention",
        }
    }

    /// The curse with this identifier.
    pub fn from_key(key: &str) -> Option<CurseKind> {
        CurseKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The curses set in a curse byte, in display order.
    pub fn in_bits(bits: u8) -> impl Iterator<Item = CurseKind> {
        CurseKind::ALL
            .into_iter()
            .filter(move |k| bits & k.bit() != 0)
    }
}

/// A column the table can be sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// Company name.
    Name,
    /// Tier rank (top tier first when ascending).
    #[default]
    Tier,
    /// Industry.
    Industry,
    /// Industry line.
    IndustryLine,
    /// Region.
    Region,
    /// Annual purchase.
    AnnualPurchase,
    /// Revenue.
    Revenue,
    /// Gross margin %.
    GrossMargin,
    /// Growth % (stored, or derived from the history).
    Growth,
    /// Share of wallet %.
    ShareOfWallet,
}

impl SortKey {
    /// Every key, in column order.
    pub const ALL: [SortKey; 10] = [
        SortKey::Name,
        SortKey::Tier,
        SortKey::Industry,
        SortKey::IndustryLine,
        SortKey::Region,
        SortKey::AnnualPurchase,
        SortKey::Revenue,
        SortKey::GrossMargin,
        SortKey::Growth,
        SortKey::ShareOfWallet,
    ];

    /// True for figures, which a first click sorts largest first.
    pub fn is_figure(self) -> bool {
        matches!(
            self,
            SortKey::AnnualPurchase
                | SortKey::Revenue
                | SortKey::GrossMargin
                | SortKey::Growth
                | SortKey::ShareOfWallet
        )
    }
}

/// What the table shows: a search, filters (all must hold) and a sort.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// Words that must all occur (case-insensitive) in the name, industry, region, industry
    /// line, tags or id. Blank = no search.
    pub search: String,
    /// Only this tier (index into the tiers).
    pub tier: Option<usize>,
    /// Only this industry; `Some("")` = customers without one.
    pub industry: Option<String>,
    /// Only this industry line; `Some("")` = customers without one.
    pub industry_line: Option<String>,
    /// Only this region; `Some("")` = customers without one.
    pub region: Option<String>,
    /// Only customers with this curse.
    pub curse: Option<CurseKind>,
    /// The column sorted by.
    pub sort: SortKey,
    /// Largest / last first.
    pub descending: bool,
}

impl Query {
    /// True when a search or a filter narrows the list.
    pub fn is_filtered(&self) -> bool {
        !self.search.trim().is_empty()
            || self.tier.is_some()
            || self.industry.is_some()
            || self.industry_line.is_some()
            || self.region.is_some()
            || self.curse.is_some()
    }
}

/// Per-document precomputation: every customer's position in name order and, built at the first
/// search, its lower-case search text. Build it once per document and reuse it for every query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchIndex {
    /// Position in (name, id) order; unique.
    order: Vec<u32>,
    /// Dense rank of the name alone (equal names share it).
    name_group: Vec<u32>,
    /// Lower-case searchable text per customer, fields separated by a line break.
    keys: OnceCell<Vec<String>>,
}

impl SearchIndex {
    /// The index of `customers`.
    pub fn new<C: Borrow<Customer>>(customers: &[C]) -> SearchIndex {
        let n = customers.len();
        // Sorting (name, id, index) tuples keeps the comparisons off the customer records.
        let mut by_name: Vec<(&str, &str, usize)> = customers
            .iter()
            .enumerate()
            .map(|(i, c)| (c.borrow().name.as_str(), c.borrow().id.as_str(), i))
            .collect();
        by_name.sort_unstable();
        let mut order = vec![0u32; n];
        let mut name_group = vec![0u32; n];
        let mut group = 0u32;
        for (pos, &(name, _, i)) in by_name.iter().enumerate() {
            if pos > 0 && by_name[pos - 1].0 != name {
                group += 1;
            }
            order[i] = pos as u32;
            name_group[i] = group;
        }
        SearchIndex {
            order,
            name_group,
            keys: OnceCell::new(),
        }
    }

    /// Number of customers indexed.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when no customer is indexed.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The search texts, built on first use.
    fn keys<C: Borrow<Customer>>(&self, customers: &[C]) -> &[String] {
        self.keys.get_or_init(|| {
            customers
                .iter()
                .map(|c| {
                    let c = c.borrow();
                    let line = c.industry_line.as_deref().unwrap_or("");
                    let mut text =
                        [c.name.as_str(), &c.industry, &c.region, line, &c.id].join("\n");
                    for tag in &c.tags {
                        text.push('\n');
                        text.push_str(tag);
                    }
                    text.to_lowercase()
                })
                .collect()
        })
    }
}

/// The indices of the customers `q` selects, in display order. Builds a [`SearchIndex`] on every
/// call; a view keeps one per document and calls [`select_indexed`].
///
/// `assignments` and `curse_bits` are in customer order. `curse_bits[i]` holds bit 0 = entry,
/// bit 1 = growth, bit 2 = retention. An empty (not computed) `curse_bits` means no customer is
/// known to have a curse, so a curse filter then selects nobody rather than everybody.
pub fn select<C: Borrow<Customer>>(
    customers: &[C],
    assignments: &[Option<Assignment>],
    curse_bits: &[u8],
    q: &Query,
) -> Vec<usize> {
    select_indexed(
        customers,
        assignments,
        curse_bits,
        &SearchIndex::new(customers),
        q,
    )
}

/// [`select`] with a prebuilt index of the same customers (a stale index is rebuilt).
pub fn select_indexed<C: Borrow<Customer>>(
    customers: &[C],
    assignments: &[Option<Assignment>],
    curse_bits: &[u8],
    index: &SearchIndex,
    q: &Query,
) -> Vec<usize> {
    if index.len() != customers.len() {
        return select(customers, assignments, curse_bits, q);
    }
    let terms: Vec<String> = q.search.split_whitespace().map(str::to_lowercase).collect();
    let keys: &[String] = if terms.is_empty() {
        &[]
    } else {
        index.keys(customers)
    };
    let tier_of = |i: usize| assignments.get(i).and_then(Option::as_ref).map(|a| a.tier);
    let wanted = |filter: &Option<String>, value: &str| {
        filter.as_deref().is_none_or(|f| f.trim() == value.trim())
    };
    let mut rows: Vec<usize> = (0..customers.len())
        .filter(|&i| {
            let c = customers[i].borrow();
            q.tier.is_none_or(|t| tier_of(i) == Some(t))
                && wanted(&q.industry, &c.industry)
                && wanted(&q.industry_line, c.industry_line.as_deref().unwrap_or(""))
                && wanted(&q.region, &c.region)
                && q.curse
                    .is_none_or(|k| curse_bits.get(i).is_some_and(|bits| bits & k.bit() != 0))
                && terms.iter().all(|t| keys[i].contains(t.as_str()))
        })
        .collect();
    let c = |i: usize| customers[i].borrow();
    let keys: Vec<Option<f64>> = match q.sort {
        SortKey::Name => rows
            .iter()
            .map(|&i| Some(index.name_group[i] as f64))
            .collect(),
        SortKey::Tier => rows.iter().map(|&i| tier_of(i).map(|t| t as f64)).collect(),
        SortKey::Industry => text_ranks(&rows, |i| &c(i).industry),
        SortKey::IndustryLine => text_ranks(&rows, |i| c(i).industry_line.as_deref().unwrap_or("")),
        SortKey::Region => text_ranks(&rows, |i| &c(i).region),
        SortKey::AnnualPurchase => rows.iter().map(|&i| Some(c(i).annual_purchase)).collect(),
        SortKey::Revenue => rows.iter().map(|&i| Some(c(i).revenue)).collect(),
        SortKey::GrossMargin => rows.iter().map(|&i| c(i).gross_margin_pct).collect(),
        SortKey::Growth => rows.iter().map(|&i| c(i).effective_growth_pct()).collect(),
        SortKey::ShareOfWallet => rows.iter().map(|&i| c(i).share_of_wallet_pct()).collect(),
    };
    let mut keyed: Vec<(Option<f64>, u32, usize)> = rows
        .iter()
        .zip(keys)
        .map(|(&i, k)| (k.filter(|v| v.is_finite()), index.order[i], i))
        .collect();
    // `order` is unique, so an unstable sort gives one deterministic result.
    keyed.sort_unstable_by(|a, b| compare_keys(a.0, b.0, q.descending).then(a.1.cmp(&b.1)));
    rows.clear();
    rows.extend(keyed.into_iter().map(|(_, _, i)| i));
    rows
}

/// Missing keys last in both directions.
fn compare_keys(a: Option<f64>, b: Option<f64>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) if descending => b.total_cmp(&a),
        (Some(a), Some(b)) => a.total_cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Dense ranks of a text field among `rows` (code-point order); blank texts have no rank.
fn text_ranks<'a>(rows: &[usize], text: impl Fn(usize) -> &'a str) -> Vec<Option<f64>> {
    let distinct: BTreeSet<&str> = rows.iter().map(|&i| text(i).trim()).collect();
    let rank: BTreeMap<&str, f64> = distinct
        .into_iter()
        .enumerate()
        .map(|(r, t)| (t, r as f64))
        .collect();
    rows.iter()
        .map(|&i| {
            let t = text(i).trim();
            if t.is_empty() {
                None
            } else {
                rank.get(t).copied()
            }
        })
        .collect()
}

/// The distinct values the filters offer, each sorted (code-point order), blanks left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facets {
    /// Industries.
    pub industries: Vec<String>,
    /// Industry lines owning at least one customer.
    pub industry_lines: Vec<String>,
    /// Regions.
    pub regions: Vec<String>,
}

/// The filter values of `customers`.
pub fn facets<C: Borrow<Customer>>(customers: &[C]) -> Facets {
    let mut industries = BTreeSet::new();
    let mut lines = BTreeSet::new();
    let mut regions = BTreeSet::new();
    for c in customers {
        let c = c.borrow();
        industries.insert(c.industry.trim());
        lines.insert(c.industry_line.as_deref().unwrap_or("").trim());
        regions.insert(c.region.trim());
    }
    let list = |set: BTreeSet<&str>| {
        set.into_iter()
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    Facets {
        industries: list(industries),
        industry_lines: list(lines),
        regions: list(regions),
    }
}
