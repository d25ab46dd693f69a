//! Signals from the data: findings every tool already computes, each placed on its SOTI
//! dimension with a link to the view where it shows. What no questionnaire has — the page sets
//! them beside the self-assessment, dimension by dimension.

use super::{Soti, Tool};
use crate::domain::workspace::Workspace;

/// The kind of a finding. Each belongs to one tool and so to one dimension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SignalKind {
    /// Tool 1: a fault of the tier structure (e.g. a tier whose purchases overlap the next).
    StructureFault,
    /// Tool 1: key accounts under one of the three curses (进不来 / 做不大 / 留不住);
    /// `subject` is the curse key (`entry`, `growth`, `retention`).
    Curse,
    /// Tool 2: no growth or emerging business to become the next engine.
    NoNextEngine,
    /// Tool 3: accounts of a tier lacking a role their template asks for; `subject` is the role.
    MissingRole,
    /// Tool 3: people allocated over their capacity.
    OverAllocated,
    /// Tool 5: tiers without a management body that reviews them.
    TierWithoutReview,
    /// The 151 programme: accounts behind their target of sales actions.
    EngagementBehind,
    /// Tool 6: team scorecards that do not differ by triangle type.
    CardsNotDifferentiated,
    /// Tool 6: cascades that break 利出一孔 (parts not adding up, or from another source).
    CascadeBroken,
    /// LTC: accounts or tiers whose pipeline coverage is under target.
    CoverageUnderTarget,
    /// LTC: payment milestones overdue.
    OverdueCollections,
    /// MCR: accounts whose decision maker is opposed or neutral, or that have no coach.
    RelationshipRedFlag,
    /// MCR: accounts whose key stakeholders are all owned by one person.
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
            SignalKind::OverAllocated => "over_allocated",
            SignalKind::TierWithoutReview => "tier_without_review",
            SignalKind::EngagementBehind => "engagement_behind",
            SignalKind::CardsNotDifferentiated => "cards_not_differentiated",
            SignalKind::CascadeBroken => "cascade_broken",
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
            SignalKind::MissingRole | SignalKind::OverAllocated => Tool::Team,
            SignalKind::TierWithoutReview => Tool::Rhythm,
            SignalKind::EngagementBehind => Tool::Engagement,
            SignalKind::CardsNotDifferentiated | SignalKind::CascadeBroken => Tool::Kpi,
            SignalKind::CoverageUnderTarget | SignalKind::OverdueCollections => Tool::Ltc,
            SignalKind::RelationshipRedFlag | SignalKind::SingleThreaded => Tool::Mcr,
        }
    }

    /// The SOTI dimension it is evidence for.
    pub fn dimension(self) -> Soti {
        self.tool().dimension()
    }
}

/// One finding from the data.
#[derive(Clone, Debug, PartialEq)]
pub struct Signal {
    /// What was found.
    pub kind: SignalKind,
    /// What it is about, when the kind needs it (the role of a missing role, the tier, the
    /// curse key); empty otherwise.
    pub subject: String,
    /// How many (accounts, people, tiers, cards, milestones).
    pub count: usize,
    /// Out of how many, when that is meaningful.
    pub of: Option<usize>,
    /// A money amount that goes with it (the overdue amount), in the workspace's currency.
    pub amount: Option<f64>,
    /// The names of the first few concerned (accounts, people, cards), at most five.
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

/// Every finding of the workspace's tools, grouped by dimension in SOTI order and, within a
/// dimension, in the order of the tools.
pub fn signals(ws: &Workspace) -> Vec<Signal> {
    let _ = ws;
    Vec::new()
}

/// How many findings fall on each dimension, in SOTI order.
pub fn counts(signals: &[Signal]) -> [usize; 4] {
    let mut c = [0; 4];
    for s in signals {
        c[s.dimension().index()] += 1;
    }
    c
}
