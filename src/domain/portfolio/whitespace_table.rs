//! The whitespace as the tab shows it (SPEC §3.3): the accounts and the business lines that pass
//! the filters, the status and figure of every pair, the totals over what is shown, the list of
//! the pairs worth a look (sorted by potential) and its CSV rows, and the edit of one cell from
//! what the user typed. The sums themselves are [`calc::whitespace_totals`].

use std::collections::HashMap;

use super::calc::{self, WhitespaceSum};
use super::{CellStatus, Horizon, Portfolio, WhitespaceCell};
use crate::domain::number::{group_thousands, parse_compact, NumberLocale};
use crate::domain::sort::sort_by;
use crate::domain::workspace::Workspace;

/// An account of the whitespace (a customer in an account tier).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AccountRow {
    /// Customer id.
    pub id: String,
    /// Customer name.
    pub name: String,
    /// Its industry.
    pub industry: String,
    /// Its tier id.
    pub tier: String,
}

/// The accounts of the whitespace in the order of [`calc::accounts`].
pub fn account_rows(ws: &Workspace) -> Vec<AccountRow> {
    calc::accounts(ws, &ws.tier_ids())
        .into_iter()
        .map(|(c, tier)| AccountRow {
            id: c.id.clone(),
            name: c.name.clone(),
            industry: c.industry.clone(),
            tier,
        })
        .collect()
}

/// Which part of the whitespace is shown; an empty string lets everything through.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Tier id of the accounts shown.
    pub tier: String,
    /// Industry of the accounts and of the lines shown.
    pub industry: String,
    /// Leave out the lines that every shown account has no use for (and so their industry).
    pub hide_irrelevant: bool,
}

/// A business line as a column of the matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct LineColumn {
    /// Line id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its industry.
    pub industry: String,
    /// Core, growth or emerging.
    pub horizon: Horizon,
}

/// Where an account stands with a line: its stored cell, or the default with no figures.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Pair {
    /// The status.
    pub status: CellStatus,
    /// Revenue a year, yuan.
    pub revenue: f64,
    /// Potential a year, yuan.
    pub potential: f64,
    /// True when a cell is filled in (false: the default status of the industries).
    pub stored: bool,
}

impl Pair {
    /// The figure the status counts: revenue when sold, potential when open or in pursuit,
    /// none when not relevant.
    pub fn figure(&self) -> Option<f64> {
        match self.status {
            CellStatus::Sold => Some(self.revenue),
            CellStatus::Open | CellStatus::InPursuit => Some(self.potential),
            CellStatus::NotRelevant => None,
        }
    }
}

/// The whitespace shown: accounts (rows) × lines (columns, grouped by industry), each pair and
/// the totals over exactly these.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Board {
    /// The accounts shown.
    pub accounts: Vec<AccountRow>,
    /// The lines shown, those of one industry next to each other.
    pub lines: Vec<LineColumn>,
    /// The industries of the columns in order, each with its number of lines.
    pub groups: Vec<(String, usize)>,
    /// `pairs[account][line]`.
    pub pairs: Vec<Vec<Pair>>,
    /// One sum per line shown.
    pub per_line: Vec<WhitespaceSum>,
    /// One sum per account shown.
    pub per_account: Vec<WhitespaceSum>,
    /// The sum of everything shown.
    pub total: WhitespaceSum,
}

/// The industries to filter by: those of the lines (in their order), then those of the accounts
/// that have no line.
pub fn filter_industries(p: &Portfolio, accounts: &[AccountRow]) -> Vec<String> {
    let mut out = calc::industries(p);
    for a in accounts {
        if !a.industry.is_empty() && !out.contains(&a.industry) {
            out.push(a.industry.clone());
        }
    }
    out
}

/// The whitespace of the accounts and lines that pass `filter`.
pub fn board(p: &Portfolio, accounts: &[AccountRow], filter: &Filter) -> Board {
    let keep = |industry: &str| filter.industry.is_empty() || industry == filter.industry;
    let accounts: Vec<AccountRow> = accounts
        .iter()
        .filter(|a| (filter.tier.is_empty() || a.tier == filter.tier) && keep(&a.industry))
        .cloned()
        .collect();
    let cells: HashMap<(&str, &str), &WhitespaceCell> = p
        .whitespace
        .iter()
        .map(|c| ((c.account.as_str(), c.line.as_str()), c))
        .collect();
    let pair = |a: &AccountRow, line: &super::BusinessLine| match cells.get(&(&*a.id, &*line.id)) {
        Some(c) => Pair {
            status: c.status,
            revenue: c.revenue,
            potential: c.potential,
            stored: true,
        },
        None => Pair {
            status: calc::default_status(&a.industry, &line.industry),
            ..Pair::default()
        },
    };
    let mut lines = Vec::new();
    let mut groups: Vec<(String, usize)> = Vec::new();
    for industry in calc::industries(p).iter().filter(|i| keep(i)) {
        for line in p.lines.iter().filter(|l| &l.industry == industry) {
            let relevant = || {
                accounts
                    .iter()
                    .any(|a| pair(a, line).status != CellStatus::NotRelevant)
            };
            if filter.hide_irrelevant && !relevant() {
                continue;
            }
            match groups.last_mut() {
                Some((i, n)) if i == industry => *n += 1,
                _ => groups.push((industry.clone(), 1)),
            }
            lines.push(line);
        }
    }
    let pairs = accounts
        .iter()
        .map(|a| lines.iter().map(|l| pair(a, l)).collect())
        .collect();
    let keyed_accounts: Vec<calc::Keyed<'_>> = accounts
        .iter()
        .map(|a| (a.id.as_str(), a.industry.as_str()))
        .collect();
    let keyed_lines: Vec<calc::Keyed<'_>> = lines
        .iter()
        .map(|l| (l.id.as_str(), l.industry.as_str()))
        .collect();
    let (per_line, per_account, total) = calc::whitespace_totals(p, &keyed_accounts, &keyed_lines);
    let lines = lines
        .into_iter()
        .map(|l| LineColumn {
            id: l.id.clone(),
            name: l.name.clone(),
            industry: l.industry.clone(),
            horizon: l.horizon,
        })
        .collect();
    Board {
        accounts,
        lines,
        groups,
        pairs,
        per_line,
        per_account,
        total,
    }
}

/// The pairs of the list view as (account, line) positions in the board: those filled in and
/// those open or in pursuit, largest potential first, then largest revenue (ties in the order
/// of the matrix).
pub fn listed(b: &Board) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (ai, row) in b.pairs.iter().enumerate() {
        for (li, pair) in row.iter().enumerate() {
            if pair.stored || matches!(pair.status, CellStatus::Open | CellStatus::InPursuit) {
                out.push((ai, li));
            }
        }
    }
    let figures = |&(a, l): &(usize, usize)| {
        b.pairs
            .get(a)
            .and_then(|r| r.get(l))
            .map_or((0.0, 0.0), |p| (p.potential, p.revenue))
    };
    sort_by(&mut out, |x, y| {
        let ((px, rx), (py, ry)) = (figures(x), figures(y));
        py.total_cmp(&px).then_with(|| ry.total_cmp(&rx))
    });
    out
}

/// The columns of the list and of its CSV export; the interface names them `whitespace.col_<key>`.
/// The last two are amounts.
pub const COLUMNS: [&str; 8] = [
    "account",
    "tier",
    "industry",
    "line",
    "horizon",
    "status",
    "revenue",
    "potential",
];

/// The words of the export in the interface language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Names {
    /// Tier id → tier name.
    pub tiers: HashMap<String, String>,
    /// Status names in [`CellStatus::ALL`] order.
    pub statuses: [String; 4],
    /// Horizon names in [`Horizon::ALL`] order.
    pub horizons: [String; 3],
}

/// An amount as a plain number a spreadsheet can add up: `3000000`, `1234.5`; empty when not
/// finite.
pub fn plain_amount(v: f64) -> String {
    if !v.is_finite() {
        String::new()
    } else if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The rows of the CSV export: the [`listed`] pairs, in [`COLUMNS`] order.
pub fn csv_rows(b: &Board, names: &Names) -> Vec<Vec<String>> {
    listed(b)
        .into_iter()
        .filter_map(|(ai, li)| {
            let a = b.accounts.get(ai)?;
            let l = b.lines.get(li)?;
            let pair = b.pairs.get(ai)?.get(li)?;
            let status = CellStatus::ALL.iter().position(|s| *s == pair.status)?;
            Some(vec![
                a.name.clone(),
                names
                    .tiers
                    .get(&a.tier)
                    .cloned()
                    .unwrap_or_else(|| a.tier.clone()),
                a.industry.clone(),
                l.name.clone(),
                names
                    .horizons
                    .get(l.horizon.index())
                    .cloned()
                    .unwrap_or_default(),
                names.statuses.get(status).cloned().unwrap_or_default(),
                plain_amount(pair.revenue),
                plain_amount(pair.potential),
            ])
        })
        .collect()
}

/// An amount field of the cell editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountField {
    /// What the account buys a year (sold cells).
    Revenue,
    /// What more it could buy a year (open cells and cells in pursuit).
    Potential,
}

impl AmountField {
    /// Identifier used in catalogue keys and test ids.
    pub fn key(self) -> &'static str {
        match self {
            AmountField::Revenue => "revenue",
            AmountField::Potential => "potential",
        }
    }

    /// True when a cell of `status` has this figure; the other figures of a cell are 0.
    pub fn applies(self, status: CellStatus) -> bool {
        match self {
            AmountField::Revenue => status == CellStatus::Sold,
            AmountField::Potential => {
                matches!(status, CellStatus::Open | CellStatus::InPursuit)
            }
        }
    }
}

/// Why a typed amount is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
    /// Not a number (nor 300万, 1.2亿, 12M).
    NotANumber,
    /// Below zero.
    Negative,
    /// Over [`MAX_AMOUNT`]: a unit typed wrong.
    TooLarge,
}

/// The largest amount accepted, yuan (a hundred trillion).
pub const MAX_AMOUNT: f64 = 1e14;

/// Reads a typed amount: a plain number (`3000000`, `3,000,000`) or a compact one (`300万`,
/// `1.2亿`, `12M`, `300k`); blank is 0.
pub fn parse_amount(text: &str) -> Result<f64, AmountError> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            'k' | 'm' | 'b' => c.to_ascii_uppercase(),
            '，' => ',',
            '．' => '.',
            _ => c,
        })
        .collect();
    if cleaned.is_empty() {
        return Ok(0.0);
    }
    match parse_compact(&cleaned) {
        Some(v) if !v.is_finite() => Err(AmountError::TooLarge),
        Some(v) if v < 0.0 => Err(AmountError::Negative),
        Some(v) if v > MAX_AMOUNT => Err(AmountError::TooLarge),
        Some(v) => Ok(v),
        None => Err(AmountError::NotANumber),
    }
}

/// An amount as the editor shows it for typing over: in the largest unit of `locale` that
/// writes it exactly with at most two decimals (`300万`, `1.25亿`, `3.5M`), else in full with
/// thousands separators; 0 is blank. [`parse_amount`] reads it back to the same value.
pub fn amount_text(v: f64, locale: NumberLocale) -> String {
    if v == 0.0 || !v.is_finite() {
        return String::new();
    }
    let units: &[(f64, &str)] = match locale {
        NumberLocale::Zh => &[(1e8, "亿"), (1e4, "万")],
        NumberLocale::En => &[(1e9, "B"), (1e6, "M"), (1e3, "K")],
    };
    let trimmed = |x: f64| {
        let s = format!("{x:.2}");
        let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
        group_thousands(&s)
    };
    for &(size, suffix) in units {
        let scaled = v / size;
        let cents = (scaled * 100.0).round();
        if scaled.abs() >= 1.0 && parse_compact(&format!("{}{suffix}", cents / 100.0)) == Some(v) {
            return format!("{}{suffix}", trimmed(cents / 100.0));
        }
    }
    trimmed(v)
}

/// The cell of `account` × `line` the editor describes: `status` and the typed figures that
/// apply to it (the others are 0), or every field's error.
pub fn build_cell(
    account: &str,
    line: &str,
    status: CellStatus,
    revenue: &str,
    potential: &str,
) -> Result<WhitespaceCell, Vec<(AmountField, AmountError)>> {
    let mut errors = Vec::new();
    let mut read = |field: AmountField, text: &str| {
        if !field.applies(status) {
            return 0.0;
        }
        parse_amount(text).unwrap_or_else(|e| {
            errors.push((field, e));
            0.0
        })
    };
    let revenue = read(AmountField::Revenue, revenue);
    let potential = read(AmountField::Potential, potential);
    if errors.is_empty() {
        Ok(WhitespaceCell::new(
            account, line, status, revenue, potential,
        ))
    } else {
        Err(errors)
    }
}

/// `p` with `cell` inserted, or in place of the cell of its pair; `p` unchanged when that cell
/// already says the same.
pub fn with_cell(p: &Portfolio, cell: WhitespaceCell) -> Portfolio {
    let mut next = p.clone();
    match next
        .whitespace
        .iter_mut()
        .find(|c| c.account == cell.account && c.line == cell.line)
    {
        Some(c)
            if c.status == cell.status
                && c.revenue == cell.revenue
                && c.potential == cell.potential => {}
        Some(c) => {
            let at = c.updated_at;
            *c = WhitespaceCell {
                updated_at: at,
                ..cell
            };
        }
        None => next.whitespace.push(cell),
    }
    next
}

/// `p` without the cell of `account` × `line` (the pair goes back to its default status).
pub fn without_cell(p: &Portfolio, account: &str, line: &str) -> Portfolio {
    let mut next = p.clone();
    next.whitespace
        .retain(|c| !(c.account == account && c.line == line));
    next
}

#[cfg(test)]
mod tests;
