//! Signals from the data: findings every tool already computes, each placed on its SOTI
//! dimension with a link to the view where it shows. What no questionnaire has — the page sets
//! them beside the self-assessment, dimension by dimension.
//!
//! Every finding is decided by the tool's own function, called the way the tool's view calls
//! it, so the diagnosis never says something the tool's page does not. The customers are tiered
//! once and shared (see [`Basis`]); nothing scans all customers per account.

mod incentives;
mod organization;
mod strategy;
mod tactic;

use std::collections::HashMap;

use super::{Soti, Tool};
use crate::domain::org::staffing::{staffing, Staffing};
use crate::domain::tiering;
use crate::domain::workspace::Workspace;

/// At most this many names are given as examples of a finding.
pub const MAX_EXAMPLES: usize = 5;

/// The kind of a finding. Each belongs to one tool and so to one dimension. What `subject`,
/// `count`, `of` and `amount` of a [`Signal`] hold depends on the kind, as said on each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SignalKind {
    /// Tool 1: a fault of the tier structure, as the tiering page lists it; `subject` is the
    /// diagnostic's kind (`tiers_not_distinct`, `top_too_thin`, `empty_tier`,
    /// `override_conflict`, `dependency_risk`), `count` how many of it (pairs of tiers, tiers,
    /// customers; 1 for `top_too_thin`), examples the tiers (`upper / lower` for a pair) or the
    /// customers.
    StructureFault,
    /// Tool 1: key accounts (customers of the account tiers) under one of the three curses
    /// (进不来 / 做不大 / 留不住) in the latest history year; `subject` is the curse key
    /// (`entry`, `growth`, `retention`), `count` the accounts with it, `of` the key accounts.
    /// Left out when the data cannot decide the curse.
    Curse,
    /// Tool 2: industries with lines but no growth or emerging one to become the next engine;
    /// `count` of `of` industries with lines, `amount` their core revenue.
    NoNextEngine,
    /// Tool 3: key accounts lacking a role their coverage template asks for; `subject` is the
    /// role id, `count` the accounts with nothing assigned in it, `of` the accounts whose
    /// template asks for it.
    MissingRole,
    /// Tool 3: key accounts covered under the threshold (80 %) of what their template asks;
    /// `count` of `of` accounts with a requirement.
    UnderStaffed,
    /// Tool 3: people allocated over their capacity; `count` of `of` people.
    OverAllocated,
    /// Tool 4: activities of the RACI matrix without exactly one A and at least one R (or
    /// naming a role that does not exist); `count` of `of` activities, examples their names.
    RaciGap,
    /// Tool 5: account tiers that no recurring review meeting covers; `count` of `of` account
    /// tiers, examples their names.
    TierWithoutReview,
    /// Tool 5: a role whose people spend over 20 % of their month in meetings; `subject` is the
    /// role id, `count` the months over the limit, `of` 12.
    MeetingOverload,
    /// The 151 programme: accounts behind their target of sales actions; `count` of `of`
    /// accounts with a target.
    EngagementBehind,
    /// Tool 6: team scorecards that do not differ by triangle type (the same weight per
    /// dimension as another type's card); `count` of `of` team cards with a triangle type.
    CardsNotDifferentiated,
    /// Tool 6: cascades that break 利出一孔 (shares not adding up to 100, a negative share, or
    /// a team financial indicator no role carries); `count` the problems, `of` the cascades.
    CascadeBroken,
    /// Tool 7: a role whose headcount gap (Tool 3) the hiring plan does not close — it closes
    /// not within the plan's 24 months, or cannot be planned (no sources, shares not 100 %);
    /// `subject` is the role id, `count` the full-time hires needed.
    HiringGapOpen,
    /// LTC: pipeline coverage under the threshold; `subject` is the scope (`account`, `tier`),
    /// `count` the flagged accounts or tiers, `of` those with an orders target still open or
    /// met.
    CoverageUnderTarget,
    /// LTC: payment milestones overdue; `count` the milestones, `amount` what is overdue.
    OverdueCollections,
    /// MCR: accounts with a red flag of their relationships; `subject` is the flag key
    /// (`no_stakeholders`, `decision_maker_against`, `no_coach`, `no_owner`, `stale`,
    /// `level_mismatch`), `count` of `of` accounts on the health list.
    RelationshipRedFlag,
    /// MCR: accounts whose key stakeholders (two or more) are all owned by one person; `count`
    /// of `of` accounts on the health list.
    SingleThreaded,
}

impl SignalKind {
    /// Identifier used in catalogue keys and test ids.
    pub fn key(self) -> &'static str {
        match self {
            SignalKind::StructureFault => "structure_fault",
            SignalKind::Curse => "curse",
            SignalKind::NoNextEngine => "no_next_engine",
            SignalKind::MissingRole => "missing_role",
            SignalKind::UnderStaffed => "under_staffed",
            SignalKind::OverAllocated => "over_allocated",
            SignalKind::RaciGap => "raci_gap",
            SignalKind::TierWithoutReview => "tier_without_review",
            SignalKind::MeetingOverload => "meeting_overload",
            SignalKind::EngagementBehind => "engagement_behind",
            SignalKind::CardsNotDifferentiated => "cards_not_differentiated",
            SignalKind::CascadeBroken => "cascade_broken",
            SignalKind::HiringGapOpen => "hiring_gap_open",
            SignalKind::CoverageUnderTarget => "coverage_under_target",
            SignalKind::OverdueCollections => "overdue_collections",
            SignalKind::RelationshipRedFlag => "relationship_red_flag",
            SignalKind::SingleThreaded => "single_threaded",
        }
    }

    /// The tool that computes it.
    pub fn tool(self) -> Tool {
        match self {
            SignalKind::StructureFault | SignalKind::Curse => Tool::Tiering,
            SignalKind::NoNextEngine => Tool::Portfolio,
            SignalKind::MissingRole | SignalKind::UnderStaffed | SignalKind::OverAllocated => {
                Tool::Team
            }
            SignalKind::RaciGap => Tool::Roles,
            SignalKind::TierWithoutReview | SignalKind::MeetingOverload => Tool::Rhythm,
            SignalKind::EngagementBehind => Tool::Engagement,
            SignalKind::CardsNotDifferentiated | SignalKind::CascadeBroken => Tool::Kpi,
            SignalKind::HiringGapOpen => Tool::Talent,
            SignalKind::CoverageUnderTarget | SignalKind::OverdueCollections => Tool::Ltc,
            SignalKind::RelationshipRedFlag | SignalKind::SingleThreaded => Tool::Mcr,
        }
    }

    /// The SOTI dimension it is evidence for.
    pub fn dimension(self) -> Soti {
        self.tool().dimension()
    }

    /// The location hash of the view (and tab, where the tab is in the hash) that shows it.
    pub fn link(self) -> &'static str {
        match self {
            SignalKind::CoverageUnderTarget => "#/ltc/forecast",
            SignalKind::OverdueCollections => "#/ltc/contracts",
            SignalKind::RelationshipRedFlag | SignalKind::SingleThreaded => "#/mcr/accounts",
            _ => match self.tool() {
                Tool::Tiering => "#/tiering",
                Tool::Portfolio => "#/portfolio",
                Tool::Team => "#/team",
                Tool::Roles => "#/roles",
                Tool::Rhythm => "#/rhythm",
                Tool::Engagement => "#/engagement",
                Tool::Ltc => "#/ltc",
                Tool::Mcr => "#/mcr",
                Tool::Kpi => "#/kpi",
                Tool::Talent => "#/talent",
            },
        }
    }
}

/// One finding from the data.
#[derive(Clone, Debug, PartialEq)]
pub struct Signal {
    /// What was found.
    pub kind: SignalKind,
    /// What it is about, when the kind needs it (a role id, a curse, diagnostic or flag key, a
    /// coverage scope; see each [`SignalKind`]); empty otherwise.
    pub subject: String,
    /// How many (accounts, people, tiers, activities, cards, milestones, months, hires).
    pub count: usize,
    /// Out of how many, when that is meaningful.
    pub of: Option<usize>,
    /// A money amount that goes with it (the overdue amount, the core revenue without a next
    /// engine), in the workspace's currency.
    pub amount: Option<f64>,
    /// The names of the first few concerned (accounts, people, tiers, industries, cards,
    /// activities, indicators), most important first, at most [`MAX_EXAMPLES`]. Names kept in
    /// both languages (tiers, cards, activities, indicators) are given in Chinese, else English.
    pub examples: Vec<String>,
    /// The location hash of the view where it shows (`#/team`, `#/mcr/accounts`).
    pub link: String,
}

impl Signal {
    /// The dimension it is evidence for.
    pub fn dimension(&self) -> Soti {
        self.kind.dimension()
    }
}

/// Every finding of the workspace's tools: by dimension in SOTI order, within a dimension in
/// the order of its tools ([`Soti::tools`]), then by kind; one signal per kind and subject.
pub fn signals(ws: &Workspace) -> Vec<Signal> {
    let basis = Basis::new(ws);
    let mut out = Vec::new();
    strategy::tiering(&basis, &mut out);
    strategy::portfolio(&basis, &mut out);
    organization::team(&basis, &mut out);
    organization::roles(&basis, &mut out);
    organization::rhythm(&basis, &mut out);
    tactic::ltc(&basis, &mut out);
    tactic::mcr(&basis, &mut out);
    tactic::engagement(&basis, &mut out);
    incentives::kpi(&basis, &mut out);
    incentives::talent(&basis, &mut out);
    // Stable: the subjects of a kind keep the order their tool gives them.
    out.sort_by_key(|s| order(s.kind));
    out
}

/// The position of a kind: dimension, then its tool within the dimension, then the kind.
fn order(kind: SignalKind) -> (usize, usize, SignalKind) {
    let dim = kind.dimension();
    let tool = dim
        .tools()
        .iter()
        .position(|t| *t == kind.tool())
        .unwrap_or(usize::MAX);
    (dim.index(), tool, kind)
}

/// How many findings fall on each dimension, in SOTI order.
pub fn counts(signals: &[Signal]) -> [usize; 4] {
    let mut c = [0; 4];
    for s in signals {
        c[s.dimension().index()] += 1;
    }
    c
}

impl Signal {
    /// A finding of `count` with no subject, total, amount or examples yet, linked to the view
    /// of its kind.
    fn new(kind: SignalKind, count: usize) -> Signal {
        Signal {
            kind,
            subject: String::new(),
            count,
            of: None,
            amount: None,
            examples: Vec::new(),
            link: kind.link().to_string(),
        }
    }

    fn about(mut self, subject: &str) -> Signal {
        self.subject = subject.to_string();
        self
    }

    fn of(mut self, total: usize) -> Signal {
        self.of = Some(total);
        self
    }

    fn amount(mut self, amount: f64) -> Signal {
        self.amount = Some(amount);
        self
    }

    /// The first [`MAX_EXAMPLES`] names, in the order given (most important first).
    fn examples<S: Into<String>>(mut self, names: impl IntoIterator<Item = S>) -> Signal {
        self.examples = names
            .into_iter()
            .take(MAX_EXAMPLES)
            .map(Into::into)
            .collect();
        self
    }
}

/// What several tools need, computed once per call: the customers' tiers, their names and the
/// staffing of the accounts.
struct Basis<'a> {
    ws: &'a Workspace,
    /// Tool 1's assignment of each customer, in customer order.
    assignments: Vec<Option<tiering::Assignment>>,
    /// The tier id of each customer, in customer order.
    tier_ids: Vec<Option<String>>,
    /// Customer id → tier id (customers in no tier left out), as `Workspace::tier_map` gives.
    tier_map: HashMap<String, String>,
    /// Customer id → name.
    names: HashMap<&'a str, &'a str>,
    /// Tool 3's staffing, as the team page computes it.
    staffing: Staffing,
}

impl<'a> Basis<'a> {
    fn new(ws: &'a Workspace) -> Basis<'a> {
        let assignments = ws.tiering.assign_all(&ws.customers);
        let tier_ids: Vec<Option<String>> = assignments
            .iter()
            .map(|a| {
                a.as_ref()
                    .and_then(|a| ws.tiering.tiers.get(a.tier))
                    .map(|t| t.id.clone())
            })
            .collect();
        let tier_map = ws
            .customers
            .iter()
            .zip(&tier_ids)
            .filter_map(|(c, t)| Some((c.id.clone(), t.clone()?)))
            .collect();
        let names = ws
            .customers
            .iter()
            .map(|c| (c.id.as_str(), c.name.as_str()))
            .collect();
        let staffing = staffing(&ws.org, &ws.tiering, &ws.customers, &assignments);
        Basis {
            ws,
            staffing,
            assignments,
            tier_ids,
            tier_map,
            names,
        }
    }

    /// A customer's name by id (the id when there is no such customer).
    fn customer_name(&self, id: &str) -> String {
        self.names.get(id).copied().unwrap_or(id).to_string()
    }

    /// A tier's name by id (the id when there is no such tier).
    fn tier_name(&self, id: &str) -> String {
        self.ws
            .tiering
            .tiers
            .iter()
            .find(|t| t.id == id)
            .map_or_else(|| id.to_string(), |t| bilingual(&t.name_zh, &t.name_en, id))
    }
}

/// A name kept in both languages, for examples: "中文 / English" when it has both (the page and
/// the report show the part of their language, [`crate::domain::text::in_language`]), else the
/// one it has, else `fallback`.
fn bilingual(zh: &str, en: &str, fallback: &str) -> String {
    match (zh.trim(), en.trim()) {
        ("", "") => fallback.trim().to_string(),
        (one, "") | ("", one) => one.to_string(),
        (zh, en) if zh == en => zh.to_string(),
        (zh, en) => format!("{zh} / {en}"),
    }
}
