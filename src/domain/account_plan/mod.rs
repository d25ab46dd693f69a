//! The account plan one-pager (SPEC §3.12): everything the tools know about one account,
//! gathered by calling each tool's own functions — tiering, the iron triangle's staffing, MCR,
//! the 151 programme, LTC, the team's KPI scorecard, the whitespace of Tool 2, the MCR plan and
//! VCT. Each block holds its figures or the reason it is empty ([`Empty`]), so the page and the
//! Markdown export can say what would fill it. [`markdown`] writes the plan as Markdown.

mod gather;
pub mod markdown;
pub mod words;

pub use gather::plan;
pub use markdown::markdown;
pub use words::Words;

use crate::domain::engagement::completion::{BehindReason, Tally};
use crate::domain::kpi::score::CardResult;
use crate::domain::ltc::calc::{Coverage, WinRate};
use crate::domain::ltc::MilestoneKind;
use crate::domain::mcr::calc::{self as mcr_calc, Flag};
use crate::domain::mcr::{ItemStatus, PlanArea};
use crate::domain::org::board::CellStatus;
use crate::domain::org::triangle::TriangleCall;
use crate::domain::portfolio::CellStatus as WhitespaceStatus;
use crate::domain::tiering::{Explanation, Tier};
use crate::domain::workspace::YearPurchase;

/// A block of the plan: its figures, or why it has none.
pub type Block<T> = Result<T, Empty>;

/// Why a block is empty; each says what would fill it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Empty {
    /// No purchase history is recorded.
    NoHistory,
    /// The customer's tier is not one of the iron triangle's account tiers.
    NotAnAccount,
    /// No coverage template for its tier and triangle type.
    NoTemplate,
    /// No stakeholder is recorded.
    NoStakeholders,
    /// The account is not in the 151 programme (its tier has no target).
    NotInProgramme,
    /// No opportunity is recorded.
    NoOpportunities,
    /// No contract is recorded.
    NoContracts,
    /// No team scorecard for its triangle type.
    NoScorecard,
    /// No business line serves its industry.
    NoLines,
    /// No MCR plan item.
    NoPlanItems,
    /// No VCT check.
    NoVct,
}

impl Empty {
    /// Identifier used in catalogue keys (`account.empty_<key>`) and test ids.
    pub fn key(self) -> &'static str {
        match self {
            Empty::NoHistory => "no_history",
            Empty::NotAnAccount => "not_an_account",
            Empty::NoTemplate => "no_template",
            Empty::NoStakeholders => "no_stakeholders",
            Empty::NotInProgramme => "not_in_programme",
            Empty::NoOpportunities => "no_opportunities",
            Empty::NoContracts => "no_contracts",
            Empty::NoScorecard => "no_scorecard",
            Empty::NoLines => "no_lines",
            Empty::NoPlanItems => "no_plan_items",
            Empty::NoVct => "no_vct",
        }
    }
}

/// The account plan of one customer.
#[derive(Clone, Debug, PartialEq)]
pub struct AccountPlan {
    /// The workspace's name (the company).
    pub workspace: String,
    /// The reference date of the figures (`YYYY-MM-DD`).
    pub today: String,
    /// The fiscal year.
    pub fiscal_year: i32,
    /// Who the customer is and what it buys.
    pub profile: Profile,
    /// Its tier and why (`None` only without tiers).
    pub tier: Option<TierCall>,
    /// Purchases per year, oldest first.
    pub history: Block<Vec<YearPurchase>>,
    /// Its triangle type and why.
    pub triangle: TriangleCall,
    /// The iron triangle: people per role against the template.
    pub staffing: Block<Staffing>,
    /// The decision chain in figures.
    pub relations: Block<Relations>,
    /// The 151 programme's progress.
    pub engagement: Block<Engagement>,
    /// Open opportunities and coverage.
    pub pipeline: Block<Pipeline>,
    /// Contracts, receivables and overdue collections.
    pub contracts: Block<Contracts>,
    /// The team's KPI scorecard.
    pub kpi: Block<KpiCard>,
    /// Business lines sold, in pursuit and open.
    pub whitespace: Block<Whitespace>,
    /// MCR plan items.
    pub mcr_plan: Block<Vec<PlanLine>>,
    /// The latest VCT check and its change.
    pub vct: Block<Vct>,
}

/// Who the customer is.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    /// Customer id.
    pub id: String,
    /// Company name.
    pub name: String,
    /// Industry.
    pub industry: String,
    /// Region.
    pub region: String,
    /// The owner's name (empty when none).
    pub owner: String,
    /// Annual purchase, yuan.
    pub annual_purchase: f64,
    /// Our revenue, yuan.
    pub revenue: f64,
    /// Gross margin, %.
    pub gross_margin_pct: Option<f64>,
    /// Share of wallet, %.
    pub share_of_wallet_pct: Option<f64>,
    /// Growth, % (entered or from the history).
    pub growth_pct: Option<f64>,
    /// Years of cooperation.
    pub years: u32,
}

/// The tier and the rule (or override) that put the customer there.
#[derive(Clone, Debug, PartialEq)]
pub struct TierCall {
    /// The tier.
    pub tier: Tier,
    /// Why.
    pub explanation: Explanation,
}

/// One role of the iron triangle on the account.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleLine {
    /// Role id.
    pub role: String,
    /// Role name in Chinese and English.
    pub name: (String, String),
    /// Required FTE by the template.
    pub required: f64,
    /// Assigned FTE.
    pub assigned: f64,
    /// The people and their FTE.
    pub people: Vec<(String, f64)>,
    /// Met, short, missing, over or not required.
    pub status: CellStatus,
}

/// The iron triangle against its template.
#[derive(Clone, Debug, PartialEq)]
pub struct Staffing {
    /// Per role, in role order.
    pub roles: Vec<RoleLine>,
    /// Required roles with nobody assigned (role ids).
    pub missing: Vec<String>,
    /// Covered ÷ required, %.
    pub coverage_pct: Option<f64>,
    /// Below the under-staffed threshold.
    pub under_staffed: bool,
}

/// The decision chain in figures (MCR).
#[derive(Clone, Debug, PartialEq)]
pub struct Relations {
    /// Stakeholders recorded.
    pub count: usize,
    /// Relationship score −100…100.
    pub score: Option<f64>,
    /// Decision-maker coverage.
    pub coverage: mcr_calc::Coverage,
    /// A coach is among them.
    pub has_coach: bool,
    /// The red flags.
    pub flags: Vec<Flag>,
}

/// The 151 programme on the account.
#[derive(Clone, Debug, PartialEq)]
pub struct Engagement {
    /// Per action, in [`crate::domain::engagement::Action::ALL`] order.
    pub actions: [Tally; 5],
    /// Summed over the actions.
    pub total: Tally,
    /// Why it is behind; empty when it is not.
    pub behind: Vec<BehindReason>,
}

/// An open opportunity.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenDeal {
    /// Its name.
    pub name: String,
    /// Stage name in Chinese and English.
    pub stage: (String, String),
    /// Amount, yuan.
    pub amount: f64,
    /// Weighted amount, yuan.
    pub weighted: f64,
    /// Expected close date.
    pub close_date: String,
}

/// The pipeline of the account.
#[derive(Clone, Debug, PartialEq)]
pub struct Pipeline {
    /// Open opportunities, earliest close first.
    pub open: Vec<OpenDeal>,
    /// Σ amount of the open ones, yuan.
    pub open_amount: f64,
    /// Σ weighted amount of the open ones, yuan.
    pub open_weighted: f64,
    /// The year's orders target, if any.
    pub target: Option<f64>,
    /// Booked in the year, yuan.
    pub won: f64,
    /// Coverage of what is left of the target.
    pub coverage: Option<Coverage>,
    /// Win rate of the year.
    pub win_rate: Option<WinRate>,
}

/// An overdue payment milestone.
#[derive(Clone, Debug, PartialEq)]
pub struct OverdueLine {
    /// The contract's name.
    pub contract: String,
    /// Which payment.
    pub kind: MilestoneKind,
    /// Days overdue.
    pub days: i64,
    /// Still to collect, yuan.
    pub amount: f64,
}

/// Contracts and receivables of the account.
#[derive(Clone, Debug, PartialEq)]
pub struct Contracts {
    /// Contracts recorded.
    pub count: usize,
    /// Σ contract value, yuan.
    pub value: f64,
    /// Invoiced − collected, yuan.
    pub receivable: f64,
    /// Σ overdue, yuan.
    pub overdue: f64,
    /// The overdue milestones, longest overdue first.
    pub overdue_lines: Vec<OverdueLine>,
}

/// One indicator of the team scorecard.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiLine {
    /// Name in Chinese and English.
    pub name: (String, String),
    /// Weight, %.
    pub weight: f64,
    /// Target.
    pub target: f64,
    /// Unit.
    pub unit: String,
    /// The actual used.
    pub actual: Option<f64>,
    /// The score.
    pub score: f64,
}

/// The team's KPI card (the organisation scorecard of the account's triangle type).
#[derive(Clone, Debug, PartialEq)]
pub struct KpiCard {
    /// Scorecard name in Chinese and English.
    pub name: (String, String),
    /// Its indicators.
    pub lines: Vec<KpiLine>,
    /// The result: Σ weight × score / 100.
    pub result: CardResult,
}

/// One business line for the account.
#[derive(Clone, Debug, PartialEq)]
pub struct WhitespaceLine {
    /// Line name.
    pub line: String,
    /// Sold, in pursuit or open.
    pub status: WhitespaceStatus,
    /// Revenue when sold, potential otherwise, yuan.
    pub figure: f64,
}

/// The whitespace of the account: the lines of its industry.
#[derive(Clone, Debug, PartialEq)]
pub struct Whitespace {
    /// The relevant lines.
    pub lines: Vec<WhitespaceLine>,
    /// Σ potential of the open lines, yuan.
    pub open_potential: f64,
    /// Σ potential in pursuit, yuan.
    pub pursuit_potential: f64,
    /// Σ revenue sold, yuan.
    pub sold_revenue: f64,
}

/// An MCR plan item.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanLine {
    /// Its area (营 or 赢).
    pub area: PlanArea,
    /// The goal.
    pub goal: String,
    /// Owner's name.
    pub owner: String,
    /// Due date.
    pub due: String,
    /// Status.
    pub status: ItemStatus,
    /// Past due and not done.
    pub overdue: bool,
}

/// The VCT checks of the account.
#[derive(Clone, Debug, PartialEq)]
pub struct Vct {
    /// Checks recorded.
    pub checks: usize,
    /// The latest check's date.
    pub date: String,
    /// Its answers per question (1–5).
    pub answers: [Option<u8>; 5],
    /// The check before's answers.
    pub previous: Option<[Option<u8>; 5]>,
    /// Mean of the latest answers.
    pub mean: Option<f64>,
    /// Mean of the check before.
    pub previous_mean: Option<f64>,
}
