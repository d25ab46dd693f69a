//! The plan report of the whole workspace (issue 16): one section per tool — tier structure,
//! concentration, portfolio, teams and gaps, rhythm, the 151 programme, KPI, pipeline,
//! relationships — and the diagnosis. Each section holds a few headline figures, at most one
//! table, and the tool's findings (the diagnosis's [`Signal`]s, decided by the tool's own
//! functions); an empty section names what would fill it. [`markdown`] writes it as Markdown
//! with the account plan's writer and words.

mod gather;
pub mod markdown;

pub use gather::report;
pub use markdown::markdown;

use crate::domain::diagnosis::signals::Signal;
use crate::domain::ltc::calc::Coverage;

/// A value of a figure or a table cell; the words of the caller format it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A count.
    Count(usize),
    /// A percentage (`None`: not known).
    Pct(Option<f64>),
    /// A money amount, yuan.
    Amount(f64),
    /// A plain number with the given decimals (`None`: not known).
    Number(Option<f64>, usize),
    /// Full-time equivalents.
    Fte(f64),
    /// Text as it is (a name from the data).
    Text(String),
    /// A name kept in Chinese and English.
    Pair(String, String),
    /// A catalogue key.
    Key(String),
    /// Pipeline coverage (4.1×, target met, no target).
    Coverage(Coverage),
}

/// One headline figure: its label's catalogue key (`report.fig_<label>`) and value.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The label's key suffix.
    pub label: &'static str,
    /// The value.
    pub value: Value,
}

/// A table of a section: column labels (`report.col_<key>`) and rows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    /// Column label key suffixes.
    pub head: Vec<&'static str>,
    /// Rows, one value per column.
    pub rows: Vec<Vec<Value>>,
}

/// One section of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// Identifier: the title is `report.section_<key>`, the empty note `report.empty_<key>`.
    pub key: &'static str,
    /// The location hash of its tool.
    pub link: &'static str,
    /// True when the tool has no data yet; then figures and table are empty.
    pub empty: bool,
    /// Headline figures.
    pub figures: Vec<Figure>,
    /// Its table (no rows: none).
    pub table: Table,
    /// The tool's findings, in the diagnosis's order; `None` for a section whose tool has no
    /// findings of its own (concentration, the diagnosis).
    pub findings: Option<Vec<Signal>>,
}

/// The plan report.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanReport {
    /// The workspace's name (the company).
    pub workspace: String,
    /// The reference date of the figures (`YYYY-MM-DD`).
    pub today: String,
    /// The fiscal year.
    pub fiscal_year: i32,
    /// The sections, in the order of the method; the diagnosis last.
    pub sections: Vec<Section>,
}

impl PlanReport {
    /// The section of `key`.
    pub fn section(&self, key: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.key == key)
    }
}

impl Section {
    /// The value of the figure `label`.
    pub fn figure(&self, label: &str) -> Option<&Value> {
        self.figures
            .iter()
            .find(|f| f.label == label)
            .map(|f| &f.value)
    }
}
