//! Tool 2 — business portfolio, market insight and business design (业务组合与业务设计, 五看三定;
//! SPEC §3.3): the company's business lines per industry and horizon, the market insight and the
//! business design of each industry, and the whitespace of which accounts buy which lines.
//!
//! The calculations (growth, share, mix, the diagnostics, the expansion ranking, the whitespace
//! totals) are in [`calc`]; the demo's document in [`demo`].

pub mod calc;
mod demo;
pub mod whitespace_table;

use serde::{Deserialize, Serialize};

use super::org::stamp::{entity, stamp_list};

pub use demo::demo;

/// The three horizons of a business (三层业务).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    /// 核心业务: today's revenue.
    #[default]
    Core,
    /// 成长业务: the next engine.
    Growth,
    /// 新兴业务: options on the future.
    Emerging,
}

impl Horizon {
    /// Every horizon, core first.
    pub const ALL: [Horizon; 3] = [Horizon::Core, Horizon::Growth, Horizon::Emerging];

    /// Identifier used in the file, in catalogue keys, class names and test ids.
    pub fn key(self) -> &'static str {
        match self {
            Horizon::Core => "core",
            Horizon::Growth => "growth",
            Horizon::Emerging => "emerging",
        }
    }

    /// The horizon of a [`key`](Horizon::key).
    pub fn from_key(key: &str) -> Option<Horizon> {
        Horizon::ALL.into_iter().find(|h| h.key() == key)
    }

    /// Position in [`Horizon::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A business line (业务线) of the company in one industry (SPEC §3.3).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BusinessLine {
    /// Stable id.
    pub id: String,
    /// The industry it serves: the same values customers use (`Customer::industry`).
    pub industry: String,
    /// Name, e.g. 智能运维平台.
    pub name: String,
    /// Core, growth or emerging.
    pub horizon: Horizon,
    /// Revenue of the current year, yuan.
    pub revenue: f64,
    /// Revenue of the year before, yuan; growth is unknown without it.
    pub revenue_last_year: Option<f64>,
    /// Gross margin in percent.
    pub gross_margin_pct: Option<f64>,
    /// The size of the addressable market, yuan; share is unknown without it.
    pub market_size: Option<f64>,
    /// The strategic control point (战略控制点) that protects it: what competitors cannot copy
    /// quickly. Core and growth lines need one.
    pub control_point: String,
    /// How its risks are managed (风险管理). Emerging lines need it.
    pub risk_management: String,
    /// Person id of the line's owner.
    pub owner: Option<String>,
    /// Free text.
    pub notes: String,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// The target share of revenue per horizon, and how far the actual mix may be from it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TargetMix {
    /// Core, percent of revenue.
    pub core_pct: f64,
    /// Growth, percent of revenue.
    pub growth_pct: f64,
    /// Emerging, percent of revenue.
    pub emerging_pct: f64,
    /// A mix is "far from target" when one horizon's share is more than this many percentage
    /// points away from its target.
    pub tolerance_pts: f64,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

impl Default for TargetMix {
    fn default() -> Self {
        TargetMix {
            core_pct: 70.0,
            growth_pct: 20.0,
            emerging_pct: 10.0,
            tolerance_pts: 10.0,
            updated_at: 0,
        }
    }
}

impl TargetMix {
    /// The target of one horizon, percent.
    pub fn of(&self, h: Horizon) -> f64 {
        match h {
            Horizon::Core => self.core_pct,
            Horizon::Growth => self.growth_pct,
            Horizon::Emerging => self.emerging_pct,
        }
    }

    /// Sets the target of one horizon, percent.
    pub fn set(&mut self, h: Horizon, pct: f64) {
        match h {
            Horizon::Core => self.core_pct = pct,
            Horizon::Growth => self.growth_pct = pct,
            Horizon::Emerging => self.emerging_pct = pct,
        }
    }
}

/// One of the five looks (五看) as a structured note.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Look {
    /// What was found.
    pub findings: String,
    /// What it rests on (sources, figures).
    pub evidence: String,
    /// When it was looked at, `YYYY-MM-DD` (empty when not yet).
    pub date: String,
}

impl Look {
    /// True when nothing is written.
    pub fn is_empty(&self) -> bool {
        self.findings.trim().is_empty() && self.evidence.trim().is_empty()
    }
}

/// The five looks, in the order of the method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LookKind {
    /// 看行业: the industry and its trends.
    Industry,
    /// 看市场/看客户: the market and the customers.
    Customers,
    /// 看竞争/看对手: the competitors.
    Competition,
    /// 看自己: ourselves.
    Ourselves,
    /// 看机会: the opportunities.
    Opportunities,
}

impl LookKind {
    /// Every look, in the order of the method.
    pub const ALL: [LookKind; 5] = [
        LookKind::Industry,
        LookKind::Customers,
        LookKind::Competition,
        LookKind::Ourselves,
        LookKind::Opportunities,
    ];

    /// Identifier used in catalogue keys and test ids.
    pub fn key(self) -> &'static str {
        match self {
            LookKind::Industry => "industry",
            LookKind::Customers => "customers",
            LookKind::Competition => "competition",
            LookKind::Ourselves => "ourselves",
            LookKind::Opportunities => "opportunities",
        }
    }
}

/// The market insight of one industry: the five looks and the three decisions (三定).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Insight {
    /// The industry; the key of the record (one insight per industry).
    pub industry: String,
    /// 看行业.
    pub look_industry: Look,
    /// 看市场/看客户.
    pub look_customers: Look,
    /// 看竞争.
    pub look_competition: Look,
    /// 看自己.
    pub look_ourselves: Look,
    /// 看机会.
    pub look_opportunities: Look,
    /// 定控制点: the control points to build.
    pub control_points: String,
    /// 定目标: the targets.
    pub targets: String,
    /// 定策略: the strategies.
    pub strategies: String,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

impl Insight {
    /// One of the five looks.
    pub fn look(&self, kind: LookKind) -> &Look {
        match kind {
            LookKind::Industry => &self.look_industry,
            LookKind::Customers => &self.look_customers,
            LookKind::Competition => &self.look_competition,
            LookKind::Ourselves => &self.look_ourselves,
            LookKind::Opportunities => &self.look_opportunities,
        }
    }

    /// One of the five looks, to edit.
    pub fn look_mut(&mut self, kind: LookKind) -> &mut Look {
        match kind {
            LookKind::Industry => &mut self.look_industry,
            LookKind::Customers => &mut self.look_customers,
            LookKind::Competition => &mut self.look_competition,
            LookKind::Ourselves => &mut self.look_ourselves,
            LookKind::Opportunities => &mut self.look_opportunities,
        }
    }
}

/// When an opportunity pays off.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Do now.
    High,
    /// Do this year.
    #[default]
    Medium,
    /// Watch.
    Low,
}

impl Priority {
    /// Every priority, highest first.
    pub const ALL: [Priority; 3] = [Priority::High, Priority::Medium, Priority::Low];

    /// Identifier used in the file, in catalogue keys and test ids.
    pub fn key(self) -> &'static str {
        match self {
            Priority::High => "high",
            Priority::Medium => "medium",
            Priority::Low => "low",
        }
    }

    /// The priority of a [`key`](Priority::key).
    pub fn from_key(key: &str) -> Option<Priority> {
        Priority::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// An opportunity found by the market insight (看机会).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Opportunity {
    /// Stable id.
    pub id: String,
    /// What it is.
    pub title: String,
    /// The industry it is in.
    pub industry: String,
    /// The horizon of business it would feed.
    pub horizon: Horizon,
    /// Its size, yuan (when estimated).
    pub size: Option<f64>,
    /// When, free text (e.g. 2026 H2).
    pub timing: String,
    /// How urgent.
    pub priority: Priority,
    /// Person id of who owns it.
    pub owner: Option<String>,
    /// The next step.
    pub next_step: String,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// Whether an element of the design is agreed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ElementStatus {
    /// Written, not agreed yet.
    #[default]
    Draft,
    /// Agreed by the team.
    Agreed,
}

/// One element of the business design.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DesignElement {
    /// The element's content.
    pub text: String,
    /// Draft or agreed.
    pub status: ElementStatus,
    /// Person id of who owns it.
    pub owner: Option<String>,
}

/// The six elements of a business design, in the order of the method (customer selection first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElementKind {
    /// 客户选择.
    CustomerSelection,
    /// 价值主张.
    ValueProposition,
    /// 价值获取.
    ValueCapture,
    /// 活动范围.
    Scope,
    /// 战略控制.
    StrategicControl,
    /// 风险管理.
    RiskManagement,
}

impl ElementKind {
    /// Every element, in the order of the method.
    pub const ALL: [ElementKind; 6] = [
        ElementKind::CustomerSelection,
        ElementKind::ValueProposition,
        ElementKind::ValueCapture,
        ElementKind::Scope,
        ElementKind::StrategicControl,
        ElementKind::RiskManagement,
    ];

    /// Identifier used in catalogue keys and test ids.
    pub fn key(self) -> &'static str {
        match self {
            ElementKind::CustomerSelection => "customer_selection",
            ElementKind::ValueProposition => "value_proposition",
            ElementKind::ValueCapture => "value_capture",
            ElementKind::Scope => "scope",
            ElementKind::StrategicControl => "strategic_control",
            ElementKind::RiskManagement => "risk_management",
        }
    }
}

/// The business design of one industry: the six elements (业务设计六要素).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Design {
    /// The industry; the key of the record (one design per industry).
    pub industry: String,
    /// 客户选择.
    pub customer_selection: DesignElement,
    /// 价值主张.
    pub value_proposition: DesignElement,
    /// 价值获取.
    pub value_capture: DesignElement,
    /// 活动范围.
    pub scope: DesignElement,
    /// 战略控制.
    pub strategic_control: DesignElement,
    /// 风险管理.
    pub risk_management: DesignElement,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

impl Design {
    /// One of the six elements.
    pub fn element(&self, kind: ElementKind) -> &DesignElement {
        match kind {
            ElementKind::CustomerSelection => &self.customer_selection,
            ElementKind::ValueProposition => &self.value_proposition,
            ElementKind::ValueCapture => &self.value_capture,
            ElementKind::Scope => &self.scope,
            ElementKind::StrategicControl => &self.strategic_control,
            ElementKind::RiskManagement => &self.risk_management,
        }
    }

    /// One of the six elements, to edit.
    pub fn element_mut(&mut self, kind: ElementKind) -> &mut DesignElement {
        match kind {
            ElementKind::CustomerSelection => &mut self.customer_selection,
            ElementKind::ValueProposition => &mut self.value_proposition,
            ElementKind::ValueCapture => &mut self.value_capture,
            ElementKind::Scope => &mut self.scope,
            ElementKind::StrategicControl => &mut self.strategic_control,
            ElementKind::RiskManagement => &mut self.risk_management,
        }
    }
}

/// Where an account stands with a business line.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum CellStatus {
    /// The account buys it.
    Sold,
    /// We are selling it to the account.
    InPursuit,
    /// The account could buy it and nobody is on it: whitespace.
    #[default]
    Open,
    /// The account has no use for it.
    NotRelevant,
}

impl CellStatus {
    /// Every status.
    pub const ALL: [CellStatus; 4] = [
        CellStatus::Sold,
        CellStatus::InPursuit,
        CellStatus::Open,
        CellStatus::NotRelevant,
    ];

    /// Identifier used in the file, in catalogue keys, class names and test ids.
    pub fn key(self) -> &'static str {
        match self {
            CellStatus::Sold => "sold",
            CellStatus::InPursuit => "in_pursuit",
            CellStatus::Open => "open",
            CellStatus::NotRelevant => "not_relevant",
        }
    }

    /// The status of a [`key`](CellStatus::key).
    pub fn from_key(key: &str) -> Option<CellStatus> {
        CellStatus::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// One cell of the whitespace: an account and a business line.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WhitespaceCell {
    /// `account|line` ([`WhitespaceCell::key_of`]); the load path keeps it so.
    pub id: String,
    /// Customer id of the account.
    pub account: String,
    /// Business line id.
    pub line: String,
    /// Where the account stands with the line.
    pub status: CellStatus,
    /// What the account buys of the line a year, yuan.
    pub revenue: f64,
    /// What more it could buy a year, yuan.
    pub potential: f64,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

impl WhitespaceCell {
    /// The key of a cell: `account|line` (one cell per pair).
    pub fn key_of(account: &str, line: &str) -> String {
        format!("{account}|{line}")
    }

    /// A cell of `account` and `line` with its key set.
    pub fn new(
        account: &str,
        line: &str,
        status: CellStatus,
        revenue: f64,
        potential: f64,
    ) -> Self {
        WhitespaceCell {
            id: WhitespaceCell::key_of(account, line),
            account: account.to_string(),
            line: line.to_string(),
            status,
            revenue,
            potential,
            updated_at: 0,
        }
    }
}

/// Tool 2's document inside the workspace.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Portfolio {
    /// The business lines.
    pub lines: Vec<BusinessLine>,
    /// The target horizon mix and its tolerance.
    pub target_mix: TargetMix,
    /// The market insight per industry.
    pub insights: Vec<Insight>,
    /// The opportunities found.
    pub opportunities: Vec<Opportunity>,
    /// The business design per industry.
    pub designs: Vec<Design>,
    /// The whitespace cells that are filled in; a pair without a cell is open with no figures.
    pub whitespace: Vec<WhitespaceCell>,
}

impl Portfolio {
    /// An id not used by any business line yet (`bl-1`, `bl-2`, …).
    pub fn next_line_id(&self) -> String {
        (1..)
            .map(|n| format!("bl-{n}"))
            .find(|id| self.lines.iter().all(|l| &l.id != id))
            .unwrap_or_default()
    }

    /// An id not used by any opportunity yet (`op-1`, `op-2`, …).
    pub fn next_opportunity_id(&self) -> String {
        (1..)
            .map(|n| format!("op-{n}"))
            .find(|id| self.opportunities.iter().all(|o| &o.id != id))
            .unwrap_or_default()
    }

    /// The whitespace cell of an account and a line, if filled in.
    pub fn cell(&self, account: &str, line: &str) -> Option<&WhitespaceCell> {
        self.whitespace
            .iter()
            .find(|c| c.account == account && c.line == line)
    }

    /// The insight of an industry, if any.
    pub fn insight(&self, industry: &str) -> Option<&Insight> {
        self.insights.iter().find(|i| i.industry == industry)
    }

    /// The design of an industry, if any.
    pub fn design(&self, industry: &str) -> Option<&Design> {
        self.designs.iter().find(|d| d.industry == industry)
    }
}

entity!(BusinessLine, id);
entity!(Insight, industry);
entity!(Opportunity, id);
entity!(Design, industry);
entity!(WhitespaceCell, id);

/// `new` with `updated_at` set to `now_ms` on each record that is new or changed against `old`;
/// the others keep their time.
pub fn stamp(old: &Portfolio, new: &Portfolio, now_ms: i64) -> Portfolio {
    let mut next = new.clone();
    stamp_list(&old.lines, &mut next.lines, now_ms);
    stamp_list(&old.insights, &mut next.insights, now_ms);
    stamp_list(&old.opportunities, &mut next.opportunities, now_ms);
    stamp_list(&old.designs, &mut next.designs, now_ms);
    stamp_list(&old.whitespace, &mut next.whitespace, now_ms);
    next.target_mix.updated_at = if same_mix(&old.target_mix, &next.target_mix) {
        old.target_mix.updated_at
    } else {
        now_ms
    };
    next
}

/// True when two target mixes are the same apart from when they were last changed.
pub fn same_mix(a: &TargetMix, b: &TargetMix) -> bool {
    a.core_pct == b.core_pct
        && a.growth_pct == b.growth_pct
        && a.emerging_pct == b.emerging_pct
        && a.tolerance_pts == b.tolerance_pts
}
