//! Comparing the open workspace ("mine") with one read from a file ("theirs"), and the three ways
//! of taking the file in: replace, merge, or a new workspace (SPEC §4).
//!
//! Entities are compared by id: customers, tiers, industry lines and every record of the
//! organisation documents (roles, coverage templates, purchase stages, people, assignments,
//! triangle-type overrides, role cards, RACI activities, the talent of each role) one by one;
//! the workspace settings, the tiering settings, the organisation settings and the hiring-plan
//! settings each as one entity. An entity in both copies whose content differs (its `updated_at`
//! aside) is a *conflict*; merging takes, for each conflict, the side the user chose or by
//! default the side changed last (mine on a tie). What only the file has is added; what only
//! mine has is kept — a file cannot say whether it never had an entity or deleted it.
//!
//! The same comparison and merge serve the three-way merge of two tabs' copies
//! ([`three_way`], [`merge_three_way`]), which can also leave out records one side deleted.
//!
//! Because a merge never drops a record and matches records by the same keys that references
//! use (person, customer, role and tier ids), every id either copy holds is in the merged copy:
//! a reference that holds in the copy it comes from (an assignment to a person and a customer, a
//! triangle override to a customer, a card to a role) holds in the merged one too.

mod diagnosis;
mod engagement;
mod governance;
mod kpi;
mod ltc;
mod mcr;
mod org;
mod portfolio;
mod three_way;

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use serde::Serialize;
use serde_json::Value;

use super::tiering::Tier;
use super::workspace::{Customer, Workspace};
use crate::domain::sort::sort;

pub use diagnosis::differing_diagnosis_fields;
pub use engagement::differing_engagement_fields;
pub use governance::differing_governance_fields;
pub use kpi::differing_kpi_fields;
pub use ltc::differing_ltc_fields;
pub use mcr::differing_mcr_fields;
pub use org::differing_org_fields;
pub use portfolio::differing_portfolio_fields;
pub use three_way::{merge_three_way, three_way, ThreeWay};

/// The kinds of entity compared, in the order they are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// Name, currency, fiscal year and reference date (one entity, id `settings`).
    Settings,
    /// Tiering mode, score model and thresholds (one entity, id `tiering`).
    TieringSettings,
    /// A tier, by id.
    Tier,
    /// An industry line, by its name.
    IndustryLine,
    /// A customer, by id.
    Customer,
    /// Account tiers, triangle thresholds and the under-staffed threshold (one entity, id
    /// `org_settings`).
    OrgSettings,
    /// A role of the account team, by id.
    Role,
    /// A row of the coverage template, by id.
    CoverageTemplate,
    /// A stage of the customer's purchase process, by id.
    PurchaseStage,
    /// A person of the account teams, by id.
    Person,
    /// A person's assignment to an account, by id.
    Assignment,
    /// A triangle type set by hand, by the customer it is set for.
    TriangleOverride,
    /// A role card, by id.
    RoleCard,
    /// A row of the RACI matrix, by id.
    Activity,
    /// The sources, ladder and enablement of one role (one entity with its lists), by id.
    RoleTalent,
    /// The hiring-plan settings (one entity, id `talent_plan`).
    TalentPlan,
    /// The 151 yearly targets of a tier, by tier id.
    EngagementTarget,
    /// An entry of the 151 log, by id.
    EngagementEntry,
    /// The 151 behind-target rule (one entity, id `engagement_rule`).
    EngagementRule,
    /// A management body of the routine management mechanism, by id.
    GovernanceBody,
    /// A routine meeting, by id.
    Meeting,
    /// A KPI scorecard with its indicators, by id.
    KpiScorecard,
    /// A KPI cascade of a team indicator onto the roles, by id.
    KpiCascade,
    /// A person's actual on a KPI indicator, by id.
    KpiActual,
    /// A business line of Tool 2, by id.
    BusinessLine,
    /// The target horizon mix and its tolerance (one entity, id `target_mix`).
    TargetMix,
    /// The market insight of an industry, by industry.
    Insight,
    /// An opportunity of the market insight, by id.
    Opportunity,
    /// The business design of an industry, by industry.
    Design,
    /// A whitespace cell, by `account|line`.
    WhitespaceCell,
    /// A stage of the LTC pipeline, by id.
    LtcStage,
    /// An opportunity of the LTC pipeline, by id.
    LtcOpportunity,
    /// A contract with its payment milestones, by id.
    LtcContract,
    /// An orders and collections target, by id.
    LtcTarget,
    /// LTC's settings: the coverage threshold (one entity, id `ltc_settings`).
    LtcSettings,
    /// A stakeholder of an account (MCR), by id.
    McrStakeholder,
    /// A contact with a stakeholder, by id.
    McrContact,
    /// An item of an account's MCR plan, by id.
    McrPlanItem,
    /// A VCT check of an account, by id.
    McrVct,
    /// MCR's settings: the stale-contact threshold (one entity, id `mcr_settings`).
    McrSettings,
    /// A statement of the SOTI self-assessment, by id.
    DiagnosisStatement,
    /// A respondent of the self-assessment with their ratings, by id.
    DiagnosisRespondent,
    /// A symptom of the checklist, by id.
    DiagnosisSymptom,
}

impl EntityKind {
    /// Every kind, in listing order.
    pub const ALL: [EntityKind; 43] = [
        EntityKind::Settings,
        EntityKind::TieringSettings,
        EntityKind::Tier,
        EntityKind::IndustryLine,
        EntityKind::Customer,
        EntityKind::OrgSettings,
        EntityKind::Role,
        EntityKind::CoverageTemplate,
        EntityKind::PurchaseStage,
        EntityKind::Person,
        EntityKind::Assignment,
        EntityKind::TriangleOverride,
        EntityKind::RoleCard,
        EntityKind::Activity,
        EntityKind::RoleTalent,
        EntityKind::TalentPlan,
        EntityKind::EngagementTarget,
        EntityKind::EngagementEntry,
        EntityKind::EngagementRule,
        EntityKind::GovernanceBody,
        EntityKind::Meeting,
        EntityKind::KpiScorecard,
        EntityKind::KpiCascade,
        EntityKind::KpiActual,
        EntityKind::BusinessLine,
        EntityKind::TargetMix,
        EntityKind::Insight,
        EntityKind::Opportunity,
        EntityKind::Design,
        EntityKind::WhitespaceCell,
        EntityKind::LtcStage,
        EntityKind::LtcOpportunity,
        EntityKind::LtcContract,
        EntityKind::LtcTarget,
        EntityKind::LtcSettings,
        EntityKind::McrStakeholder,
        EntityKind::McrContact,
        EntityKind::McrPlanItem,
        EntityKind::McrVct,
        EntityKind::McrSettings,
        EntityKind::DiagnosisStatement,
        EntityKind::DiagnosisRespondent,
        EntityKind::DiagnosisSymptom,
    ];

    /// Identifier used in catalogue keys and test ids.
    pub fn key(self) -> &'static str {
        match self {
            EntityKind::Settings => "settings",
            EntityKind::TieringSettings => "tiering",
            EntityKind::Tier => "tier",
            EntityKind::IndustryLine => "industry_line",
            EntityKind::Customer => "customer",
            EntityKind::OrgSettings => "org_settings",
            EntityKind::Role => "role",
            EntityKind::CoverageTemplate => "template",
            EntityKind::PurchaseStage => "stage",
            EntityKind::Person => "person",
            EntityKind::Assignment => "assignment",
            EntityKind::TriangleOverride => "triangle_override",
            EntityKind::RoleCard => "role_card",
            EntityKind::Activity => "activity",
            EntityKind::RoleTalent => "talent_role",
            EntityKind::TalentPlan => "talent_plan",
            EntityKind::EngagementTarget => "engagement_target",
            EntityKind::EngagementEntry => "engagement_entry",
            EntityKind::EngagementRule => "engagement_rule",
            EntityKind::GovernanceBody => "governance_body",
            EntityKind::Meeting => "meeting",
            EntityKind::KpiScorecard => "kpi_scorecard",
            EntityKind::KpiCascade => "kpi_cascade",
            EntityKind::KpiActual => "kpi_actual",
            EntityKind::BusinessLine => "business_line",
            EntityKind::TargetMix => "target_mix",
            EntityKind::Insight => "insight",
            EntityKind::Opportunity => "opportunity",
            EntityKind::Design => "design",
            EntityKind::WhitespaceCell => "whitespace_cell",
            EntityKind::LtcStage => "ltc_stage",
            EntityKind::LtcOpportunity => "ltc_opportunity",
            EntityKind::LtcContract => "ltc_contract",
            EntityKind::LtcTarget => "ltc_target",
            EntityKind::LtcSettings => "ltc_settings",
            EntityKind::McrStakeholder => "mcr_stakeholder",
            EntityKind::McrContact => "mcr_contact",
            EntityKind::McrPlanItem => "mcr_plan_item",
            EntityKind::McrVct => "mcr_vct",
            EntityKind::McrSettings => "mcr_settings",
            EntityKind::DiagnosisStatement => "diagnosis_statement",
            EntityKind::DiagnosisRespondent => "diagnosis_respondent",
            EntityKind::DiagnosisSymptom => "diagnosis_symptom",
        }
    }
}

/// One entity.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityRef {
    /// What it is.
    pub kind: EntityKind,
    /// Its id.
    pub id: String,
}

/// Which copy an entity is taken from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The open workspace.
    Mine,
    /// The file.
    Theirs,
}

/// An entity present in both copies with different content.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The entity.
    pub entity: EntityRef,
    /// A name to show: the customer, person or tier name, the Chinese name of a role, stage or
    /// activity, "person · customer" for an assignment; empty for the settings groups.
    pub label: String,
    /// The same name in English where the record has one (otherwise equal to `label`).
    pub label_en: String,
    /// When mine was last changed, ms since epoch.
    pub mine_updated_at: i64,
    /// When theirs was last changed.
    pub theirs_updated_at: i64,
    /// The side merging takes unless told otherwise: the one changed last, mine on a tie.
    pub default_side: Side,
}

/// Numbers of one kind of entity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Only in the file.
    pub added: usize,
    /// In both, different.
    pub changed: usize,
    /// Only in mine (a replace removes them; a merge keeps them).
    pub removed: usize,
    /// In both, the same.
    pub unchanged: usize,
}

/// What differs between mine and theirs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    /// Counts per kind, in [`EntityKind::ALL`] order.
    pub counts: Vec<(EntityKind, Counts)>,
    /// Entities only in the file, in its order.
    pub added: Vec<EntityRef>,
    /// Entities in both with different content.
    pub conflicts: Vec<Conflict>,
    /// Entities only in mine.
    pub removed: Vec<EntityRef>,
}

impl Comparison {
    /// True when the two copies hold the same content.
    pub fn is_identical(&self) -> bool {
        self.added.is_empty() && self.conflicts.is_empty() && self.removed.is_empty()
    }

    /// The counts of one kind.
    pub fn counts_of(&self, kind: EntityKind) -> Counts {
        self.counts
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, c)| *c)
            .unwrap_or_default()
    }
}

/// The user's choice per conflict; conflicts not in the map take their default side.
pub type Choices = HashMap<EntityRef, Side>;

/// The side a conflict resolves to under `choices`.
pub fn chosen(conflict: &Conflict, choices: &Choices) -> Side {
    choices
        .get(&conflict.entity)
        .copied()
        .unwrap_or(conflict.default_side)
}

fn newer(mine: i64, theirs: i64) -> Side {
    if theirs > mine {
        Side::Theirs
    } else {
        Side::Mine
    }
}

/// True when two customers are the same apart from when they were last changed.
pub fn same_customer(a: &Customer, b: &Customer) -> bool {
    if a.updated_at == b.updated_at {
        return a == b;
    }
    let mut b = b.clone();
    b.updated_at = a.updated_at;
    *a == b
}

fn same_settings(a: &Workspace, b: &Workspace) -> bool {
    a.meta.name == b.meta.name
        && a.meta.currency == b.meta.currency
        && a.meta.fiscal_year == b.meta.fiscal_year
        && a.meta.today == b.meta.today
}

/// The names of the fields in which two records differ (`updated_at` aside), for showing a
/// conflict. Records that cannot be serialised compare as having no differing fields.
pub fn differing_fields<T: Serialize>(a: &T, b: &T) -> Vec<String> {
    let (Some(Value::Object(a)), Some(Value::Object(b))) = (
        crate::domain::json::to_value(a),
        crate::domain::json::to_value(b),
    ) else {
        return Vec::new();
    };
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    sort(&mut keys);
    keys.dedup();
    keys.into_iter()
        .filter(|k| k.as_str() != "updated_at" && a.get(*k) != b.get(*k))
        .cloned()
        .collect()
}

/// A record of a list compared and merged by id.
/// The fields in which the records with id `id` of `a` and `b` differ (empty when either list
/// lacks it).
fn differing_by_id<T: Record + Serialize>(a: &[T], b: &[T], id: &str) -> Vec<String> {
    match (
        a.iter().find(|x| x.id() == id),
        b.iter().find(|x| x.id() == id),
    ) {
        (Some(a), Some(b)) => differing_fields(a, b),
        _ => Vec::new(),
    }
}

/// Implements [`Record`] for entity types stamped through `org::stamp::Entity`.
macro_rules! record {
    ($($t:ty),*) => {$(
        impl super::Record for $t {
            fn id(&self) -> &str {
                crate::domain::org::stamp::Entity::key(self)
            }
            fn same(&self, other: &Self) -> bool {
                crate::domain::org::stamp::same_content(self, other)
            }
            fn changed_at(&self) -> i64 {
                self.updated_at
            }
        }
    )*};
}
use record;

trait Record: Clone {
    /// The key records are matched by.
    fn id(&self) -> &str;
    /// True when the two hold the same content, their change times aside.
    fn same(&self, other: &Self) -> bool;
    /// Last change, ms since epoch.
    fn changed_at(&self) -> i64;
}

impl Record for Rc<Customer> {
    fn id(&self) -> &str {
        &self.id
    }
    fn same(&self, other: &Self) -> bool {
        Rc::ptr_eq(self, other) || same_customer(self, other)
    }
    fn changed_at(&self) -> i64 {
        self.updated_at
    }
}

impl Record for Tier {
    fn id(&self) -> &str {
        &self.id
    }
    fn same(&self, other: &Self) -> bool {
        self.same_content(other)
    }
    fn changed_at(&self) -> i64 {
        self.updated_at
    }
}

/// An industry line is its name, so two lines with one id are never "changed".
impl Record for String {
    fn id(&self) -> &str {
        self
    }
    fn same(&self, _: &Self) -> bool {
        true
    }
    fn changed_at(&self) -> i64 {
        0
    }
}

/// A name in Chinese and in English, for a conflict's label.
type Label = (String, String);

/// Compares the open workspace with one read from a file.
pub fn compare(mine: &Workspace, theirs: &Workspace) -> Comparison {
    let mut out = Comparison::default();
    compare_single(
        EntityKind::Settings,
        same_settings(mine, theirs),
        (
            mine.meta.settings_updated_at,
            theirs.meta.settings_updated_at,
        ),
        &mut out,
    );
    compare_single(
        EntityKind::TieringSettings,
        mine.tiering.same_settings(&theirs.tiering),
        (mine.tiering.updated_at, theirs.tiering.updated_at),
        &mut out,
    );
    compare_by_id(
        EntityKind::Tier,
        &mine.tiering.tiers,
        &theirs.tiering.tiers,
        |t| (t.name_zh.clone(), t.name_en.clone()),
        &mut out,
    );
    compare_by_id(
        EntityKind::IndustryLine,
        &mine.industry_lines,
        &theirs.industry_lines,
        |l| (l.clone(), l.clone()),
        &mut out,
    );
    compare_by_id(
        EntityKind::Customer,
        &mine.customers,
        &theirs.customers,
        |c| (c.name.clone(), c.name.clone()),
        &mut out,
    );
    org::compare_org(mine, theirs, &mut out);
    engagement::compare_engagement(mine, theirs, &mut out);
    governance::compare_governance(mine, theirs, &mut out);
    kpi::compare_kpi(mine, theirs, &mut out);
    portfolio::compare_portfolio(mine, theirs, &mut out);
    ltc::compare_ltc(mine, theirs, &mut out);
    mcr::compare_mcr(mine, theirs, &mut out);
    diagnosis::compare_diagnosis(mine, theirs, &mut out);
    out
}

/// Compares an entity of which each workspace has exactly one (the settings groups); its id is
/// the kind's key.
fn compare_single(
    kind: EntityKind,
    same: bool,
    (mine_at, theirs_at): (i64, i64),
    out: &mut Comparison,
) {
    let mut counts = Counts::default();
    if same {
        counts.unchanged = 1;
    } else {
        counts.changed = 1;
        out.conflicts.push(Conflict {
            entity: EntityRef {
                kind,
                id: kind.key().to_string(),
            },
            label: String::new(),
            label_en: String::new(),
            mine_updated_at: mine_at,
            theirs_updated_at: theirs_at,
            default_side: newer(mine_at, theirs_at),
        });
    }
    out.counts.push((kind, counts));
}

/// Compares two lists of one kind by id and appends the counts, additions, conflicts (named by
/// `label` of mine's record) and removals to `out`. A repeated id counts once.
fn compare_by_id<T: Record>(
    kind: EntityKind,
    mine: &[T],
    theirs: &[T],
    label: impl Fn(&T) -> Label,
    out: &mut Comparison,
) {
    let mut counts = Counts::default();
    let by_id: HashMap<&str, &T> = mine.iter().map(|m| (m.id(), m)).collect();
    let mut seen: HashSet<&str> = HashSet::with_capacity(theirs.len());
    let entity = |key: &str| EntityRef {
        kind,
        id: key.to_string(),
    };
    for t in theirs {
        let key = t.id();
        if !seen.insert(key) {
            continue;
        }
        match by_id.get(key) {
            None => {
                counts.added += 1;
                out.added.push(entity(key));
            }
            Some(m) if m.same(t) => counts.unchanged += 1,
            Some(m) => {
                counts.changed += 1;
                let (label, label_en) = label(m);
                let (mine_at, theirs_at) = (m.changed_at(), t.changed_at());
                out.conflicts.push(Conflict {
                    entity: entity(key),
                    label,
                    label_en,
                    mine_updated_at: mine_at,
                    theirs_updated_at: theirs_at,
                    default_side: newer(mine_at, theirs_at),
                });
            }
        }
    }
    let mut removed_seen: HashSet<&str> = HashSet::new();
    for m in mine {
        let key = m.id();
        if !seen.contains(key) && removed_seen.insert(key) {
            counts.removed += 1;
            out.removed.push(entity(key));
        }
    }
    out.counts.push((kind, counts));
}

/// Replace: the file's content under the open workspace's id and creation time.
pub fn replace(mine: &Workspace, theirs: &Workspace) -> Workspace {
    let mut next = theirs.clone();
    next.meta.id = mine.meta.id.clone();
    next.meta.created_at = mine.meta.created_at;
    next
}

/// Import as a new workspace: the file's content under a new id.
pub fn as_new(theirs: &Workspace, new_id: &str, now_ms: i64) -> Workspace {
    let mut next = theirs.clone();
    next.meta.id = new_id.to_string();
    next.meta.created_at = now_ms;
    next.meta.is_demo = false;
    next
}

/// The ids of the conflicts resolved to the file, per kind, and the ids of the records left out
/// of the merged copy altogether (see [`merge_three_way`]).
struct Taken<'a> {
    theirs: HashMap<EntityKind, HashSet<&'a str>>,
    left_out: HashMap<EntityKind, HashSet<&'a str>>,
}

impl<'a> Taken<'a> {
    fn new(comparison: &'a Comparison, choices: &Choices, left_out: &'a [EntityRef]) -> Self {
        let mut taken = Taken {
            theirs: HashMap::new(),
            left_out: HashMap::new(),
        };
        for c in &comparison.conflicts {
            if chosen(c, choices) == Side::Theirs {
                taken
                    .theirs
                    .entry(c.entity.kind)
                    .or_default()
                    .insert(c.entity.id.as_str());
            }
        }
        for e in left_out {
            taken
                .left_out
                .entry(e.kind)
                .or_default()
                .insert(e.id.as_str());
        }
        taken
    }

    fn has(&self, kind: EntityKind, id: &str) -> bool {
        self.theirs.get(&kind).is_some_and(|ids| ids.contains(id))
    }

    fn single(&self, kind: EntityKind) -> bool {
        self.has(kind, kind.key())
    }
}

/// Where a record only the file has goes in mine's list.
#[derive(Clone, Copy)]
enum Placement {
    /// At the end, in the file's order.
    Append,
    /// After the record that precedes it in the file (first when none does): for lists whose
    /// order means something (tiers from highest, the stages of the purchase process).
    AfterPredecessor,
}

/// Merges one list: each record of `next` whose conflict was resolved to the file is replaced
/// by the file's, and each record only the file has is added (see [`Placement`]); mine's order
/// is kept. Records left out (deleted on one side of a three-way merge) go from either side.
fn merge_by_id<T: Record>(
    kind: EntityKind,
    next: &mut Vec<T>,
    theirs: &[T],
    taken: &Taken<'_>,
    placement: Placement,
) {
    if taken.theirs.contains_key(&kind) {
        let theirs_by_id: HashMap<&str, &T> = theirs.iter().map(|t| (t.id(), t)).collect();
        for item in next.iter_mut() {
            if taken.has(kind, item.id()) {
                if let Some(t) = theirs_by_id.get(item.id()) {
                    *item = (*t).clone();
                }
            }
        }
    }
    match placement {
        Placement::Append => {
            let have: HashSet<&str> = next.iter().map(Record::id).collect();
            let mut added: HashSet<&str> = HashSet::new();
            let new: Vec<T> = theirs
                .iter()
                .filter(|t| !have.contains(t.id()) && added.insert(t.id()))
                .cloned()
                .collect();
            next.extend(new);
        }
        Placement::AfterPredecessor => {
            for (i, t) in theirs.iter().enumerate() {
                if next.iter().any(|x| x.id() == t.id()) {
                    continue;
                }
                let at = match i.checked_sub(1).and_then(|p| theirs.get(p)) {
                    Some(prev) => next
                        .iter()
                        .position(|x| x.id() == prev.id())
                        .map_or(next.len(), |p| p + 1),
                    None => 0,
                };
                next.insert(at, t.clone());
            }
        }
    }
    if let Some(gone) = taken.left_out.get(&kind) {
        next.retain(|x| !gone.contains(x.id()));
    }
}

/// Merge: mine, with what only the file has added and each conflict resolved by `choices` (or
/// its default side). The order of mine is kept; records only the file has come last, except
/// tiers and purchase stages, which go after the record that precedes them in the file.
pub fn merge(
    mine: &Workspace,
    theirs: &Workspace,
    comparison: &Comparison,
    choices: &Choices,
) -> Workspace {
    merge_leaving_out(mine, theirs, comparison, choices, &[])
}

/// [`merge`], leaving out of the merged copy the records in `left_out` (whichever side has
/// them). The settings groups are never left out.
fn merge_leaving_out(
    mine: &Workspace,
    theirs: &Workspace,
    comparison: &Comparison,
    choices: &Choices,
    left_out: &[EntityRef],
) -> Workspace {
    let taken = Taken::new(comparison, choices, left_out);
    let mut next = mine.clone();

    if taken.single(EntityKind::Settings) {
        next.meta.name = theirs.meta.name.clone();
        next.meta.currency = theirs.meta.currency.clone();
        next.meta.fiscal_year = theirs.meta.fiscal_year;
        next.meta.today = theirs.meta.today.clone();
        next.meta.settings_updated_at = theirs.meta.settings_updated_at;
    }
    if taken.single(EntityKind::TieringSettings) {
        let t = &theirs.tiering;
        next.tiering.mode = t.mode;
        next.tiering.score = t.score.clone();
        next.tiering.diagnostics = t.diagnostics.clone();
        next.tiering.curses = t.curses.clone();
        next.tiering.updated_at = t.updated_at;
    }
    merge_by_id(
        EntityKind::Tier,
        &mut next.tiering.tiers,
        &theirs.tiering.tiers,
        &taken,
        Placement::AfterPredecessor,
    );
    merge_by_id(
        EntityKind::IndustryLine,
        &mut next.industry_lines,
        &theirs.industry_lines,
        &taken,
        Placement::Append,
    );
    merge_by_id(
        EntityKind::Customer,
        &mut next.customers,
        &theirs.customers,
        &taken,
        Placement::Append,
    );
    org::merge_org(&mut next, theirs, &taken);
    engagement::merge_engagement(&mut next, theirs, &taken);
    governance::merge_governance(&mut next, theirs, &taken);
    kpi::merge_kpi(&mut next, theirs, &taken);
    portfolio::merge_portfolio(&mut next, theirs, &taken);
    ltc::merge_ltc(&mut next, theirs, &taken);
    mcr::merge_mcr(&mut next, theirs, &taken);
    diagnosis::merge_diagnosis(&mut next, theirs, &taken);
    next
}

/// The names of the fields in which mine's and theirs' version of any entity differ
/// (`updated_at` aside), for showing a conflict; empty for an entity missing on either side.
pub fn differing_entity_fields(
    mine: &Workspace,
    theirs: &Workspace,
    entity: &EntityRef,
) -> Vec<String> {
    fn flagged(pairs: &[(&str, bool)]) -> Vec<String> {
        pairs
            .iter()
            .filter(|(_, d)| *d)
            .map(|(f, _)| f.to_string())
            .collect()
    }
    match entity.kind {
        EntityKind::Settings => {
            let (a, b) = (&mine.meta, &theirs.meta);
            flagged(&[
                ("name", a.name != b.name),
                ("currency", a.currency != b.currency),
                ("fiscal_year", a.fiscal_year != b.fiscal_year),
                ("today", a.today != b.today),
            ])
        }
        EntityKind::TieringSettings => {
            let (a, b) = (&mine.tiering, &theirs.tiering);
            flagged(&[
                ("mode", a.mode != b.mode),
                ("score", a.score != b.score),
                ("diagnostics", a.diagnostics != b.diagnostics),
                ("curses", a.curses != b.curses),
            ])
        }
        EntityKind::Tier => differing_by_id(&mine.tiering.tiers, &theirs.tiering.tiers, &entity.id),
        EntityKind::Customer => differing_by_id(&mine.customers, &theirs.customers, &entity.id),
        EntityKind::IndustryLine => Vec::new(),
        _ => differing_org_fields(mine, theirs, entity),
    }
}
