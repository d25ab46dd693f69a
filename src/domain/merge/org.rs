//! The organisation documents in a comparison and a merge: roles, coverage templates, purchase
//! stages, people, assignments and triangle overrides of Tool 3 with its settings, the role cards
//! and RACI activities of Tool 4, the talent of each role and the plan settings of Tool 7.

use std::cell::OnceCell;
use std::collections::HashMap;

use super::{
    compare_by_id, compare_single, differing_fields, merge_by_id, Comparison, EntityKind,
    EntityRef, Label, Placement, Record, Taken,
};
use crate::domain::org::duties::{Activity, RoleCard};
use crate::domain::org::stamp::{same_content, same_org_settings, Entity};
use crate::domain::org::talent::RoleTalent;
use crate::domain::org::{
    Assignment, CoverageRow, OrgDesign, Person, PurchaseStage, RoleDef, TriangleOverride,
    TriangleType,
};
use crate::domain::workspace::Workspace;

macro_rules! record {
    ($($t:ty),*) => {$(
        impl Record for $t {
            fn id(&self) -> &str {
                self.key()
            }
            fn same(&self, other: &Self) -> bool {
                same_content(self, other)
            }
            fn changed_at(&self) -> i64 {
                self.updated_at
            }
        }
    )*};
}

record!(
    RoleDef,
    CoverageRow,
    PurchaseStage,
    Person,
    Assignment,
    TriangleOverride,
    RoleCard,
    Activity
);

/// A role's talent is one entity with its lists: the change times inside them do not make it
/// differ.
impl Record for RoleTalent {
    fn id(&self) -> &str {
        &self.id
    }
    fn same(&self, other: &Self) -> bool {
        unstamped(self) == unstamped(other)
    }
    fn changed_at(&self) -> i64 {
        self.updated_at
    }
}

/// The talent of a role with every change time (its own and those in its lists) at 0.
fn unstamped(t: &RoleTalent) -> RoleTalent {
    let mut t = t.clone();
    t.updated_at = 0;
    t.sources.iter_mut().for_each(|s| s.updated_at = 0);
    t.ladder.iter_mut().for_each(|s| s.updated_at = 0);
    t.enablement.iter_mut().for_each(|s| s.updated_at = 0);
    t
}

/// Names used in the labels of conflicts, looked up in mine first, then in the file. The
/// customer names are indexed only when an assignment or override needs one.
struct Names<'a> {
    mine: &'a Workspace,
    theirs: &'a Workspace,
    customers: OnceCell<HashMap<&'a str, &'a str>>,
}

impl<'a> Names<'a> {
    fn customer(&self, id: &str) -> String {
        let index = self.customers.get_or_init(|| {
            let mut index = HashMap::new();
            for c in self.theirs.customers.iter().chain(&self.mine.customers) {
                index.insert(c.id.as_str(), c.name.as_str());
            }
            index
        });
        index.get(id).copied().unwrap_or(id).to_string()
    }

    fn person(&self, id: &str) -> String {
        self.mine
            .org
            .person(id)
            .or_else(|| self.theirs.org.person(id))
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    }

    fn role(&self, id: &str) -> Label {
        match self.mine.org.role(id).or_else(|| self.theirs.org.role(id)) {
            Some(r) => bilingual(&r.name_zh, &r.name_en),
            None => (id.to_string(), id.to_string()),
        }
    }

    fn tier(&self, id: &str) -> Label {
        let find = |ws: &'a Workspace| ws.tiering.tiers.iter().find(|t| t.id == id);
        match find(self.mine).or_else(|| find(self.theirs)) {
            Some(t) => bilingual(&t.name_zh, &t.name_en),
            None => (id.to_string(), id.to_string()),
        }
    }
}

/// A Chinese and an English name, each falling back on the other when empty.
fn bilingual(zh: &str, en: &str) -> Label {
    let zh_or = if zh.is_empty() { en } else { zh };
    let en_or = if en.is_empty() { zh } else { en };
    (zh_or.to_string(), en_or.to_string())
}

fn triangle_name(t: TriangleType) -> (&'static str, &'static str) {
    match t {
        TriangleType::Expansion => ("拓展型", "expansion"),
        TriangleType::Growth => ("成长型", "growth"),
        TriangleType::Mature => ("成熟型", "mature"),
    }
}

/// Compares the organisation documents, appending to `out` in [`EntityKind::ALL`] order.
pub(super) fn compare_org(mine: &Workspace, theirs: &Workspace, out: &mut Comparison) {
    let names = Names {
        mine,
        theirs,
        customers: OnceCell::new(),
    };
    let (a, b) = (&mine.org, &theirs.org);
    compare_single(
        EntityKind::OrgSettings,
        same_org_settings(a, b),
        (a.updated_at, b.updated_at),
        out,
    );
    compare_by_id(
        EntityKind::Role,
        &a.roles,
        &b.roles,
        |r| bilingual(&r.name_zh, &r.name_en),
        out,
    );
    compare_by_id(
        EntityKind::CoverageTemplate,
        &a.templates,
        &b.templates,
        |t| {
            let (tier_zh, tier_en) = names.tier(&t.tier);
            let (tri_zh, tri_en) = triangle_name(t.triangle);
            (
                format!("{tier_zh} · {tri_zh}"),
                format!("{tier_en} · {tri_en}"),
            )
        },
        out,
    );
    compare_by_id(
        EntityKind::PurchaseStage,
        &a.stages,
        &b.stages,
        |s| bilingual(&s.name_zh, &s.name_en),
        out,
    );
    compare_by_id(
        EntityKind::Person,
        &a.people,
        &b.people,
        |p| (p.name.clone(), p.name.clone()),
        out,
    );
    compare_by_id(
        EntityKind::Assignment,
        &a.assignments,
        &b.assignments,
        |x| {
            let text = format!(
                "{} · {}",
                names.person(&x.person),
                names.customer(&x.account)
            );
            (text.clone(), text)
        },
        out,
    );
    compare_by_id(
        EntityKind::TriangleOverride,
        &a.triangle_overrides,
        &b.triangle_overrides,
        |o| {
            let name = names.customer(&o.customer);
            (name.clone(), name)
        },
        out,
    );
    compare_by_id(
        EntityKind::RoleCard,
        &mine.duties.cards,
        &theirs.duties.cards,
        |c| names.role(&c.role),
        out,
    );
    compare_by_id(
        EntityKind::Activity,
        &mine.duties.activities,
        &theirs.duties.activities,
        |x| bilingual(&x.name_zh, &x.name_en),
        out,
    );
    compare_by_id(
        EntityKind::RoleTalent,
        &mine.talent.roles,
        &theirs.talent.roles,
        |t| names.role(&t.role),
        out,
    );
    let (p, q) = (&mine.talent.plan, &theirs.talent.plan);
    compare_single(
        EntityKind::TalentPlan,
        p.start_month == q.start_month && p.hires_per_month == q.hires_per_month,
        (p.updated_at, q.updated_at),
        out,
    );
}

/// Merges the organisation documents of `theirs` into `next` (a copy of mine).
pub(super) fn merge_org(next: &mut Workspace, theirs: &Workspace, taken: &Taken<'_>) {
    if taken.single(EntityKind::OrgSettings) {
        let (org, t) = (&mut next.org, &theirs.org);
        org.account_tiers = t.account_tiers.clone();
        org.triangle_rules = t.triangle_rules.clone();
        org.understaffed_below_pct = t.understaffed_below_pct;
        org.updated_at = t.updated_at;
    }
    let (org, t) = (&mut next.org, &theirs.org);
    merge_by_id(
        EntityKind::Role,
        &mut org.roles,
        &t.roles,
        taken,
        Placement::Append,
    );
    merge_by_id(
        EntityKind::CoverageTemplate,
        &mut org.templates,
        &t.templates,
        taken,
        Placement::Append,
    );
    merge_by_id(
        EntityKind::PurchaseStage,
        &mut org.stages,
        &t.stages,
        taken,
        Placement::AfterPredecessor,
    );
    merge_by_id(
        EntityKind::Person,
        &mut org.people,
        &t.people,
        taken,
        Placement::Append,
    );
    merge_by_id(
        EntityKind::Assignment,
        &mut org.assignments,
        &t.assignments,
        taken,
        Placement::Append,
    );
    merge_by_id(
        EntityKind::TriangleOverride,
        &mut org.triangle_overrides,
        &t.triangle_overrides,
        taken,
        Placement::Append,
    );
    merge_by_id(
        EntityKind::RoleCard,
        &mut next.duties.cards,
        &theirs.duties.cards,
        taken,
        Placement::Append,
    );
    merge_by_id(
        EntityKind::Activity,
        &mut next.duties.activities,
        &theirs.duties.activities,
        taken,
        Placement::Append,
    );
    merge_by_id(
        EntityKind::RoleTalent,
        &mut next.talent.roles,
        &theirs.talent.roles,
        taken,
        Placement::Append,
    );
    if taken.single(EntityKind::TalentPlan) {
        next.talent.plan = theirs.talent.plan.clone();
    }
}

/// The names of the fields in which mine's and the file's version of an organisation entity
/// differ (`updated_at` aside), for showing a conflict; empty for the other kinds and for an
/// entity missing on either side.
pub fn differing_org_fields(
    mine: &Workspace,
    theirs: &Workspace,
    entity: &EntityRef,
) -> Vec<String> {
    let (a, b): (&OrgDesign, &OrgDesign) = (&mine.org, &theirs.org);
    let id = entity.id.as_str();
    match entity.kind {
        EntityKind::OrgSettings => [
            ("account_tiers", a.account_tiers != b.account_tiers),
            ("triangle_rules", a.triangle_rules != b.triangle_rules),
            (
                "understaffed_below_pct",
                a.understaffed_below_pct != b.understaffed_below_pct,
            ),
        ]
        .into_iter()
        .filter(|(_, d)| *d)
        .map(|(f, _)| f.to_string())
        .collect(),
        EntityKind::Role => super::differing_by_id(&a.roles, &b.roles, id),
        EntityKind::CoverageTemplate => super::differing_by_id(&a.templates, &b.templates, id),
        EntityKind::PurchaseStage => super::differing_by_id(&a.stages, &b.stages, id),
        EntityKind::Person => super::differing_by_id(&a.people, &b.people, id),
        EntityKind::Assignment => super::differing_by_id(&a.assignments, &b.assignments, id),
        EntityKind::TriangleOverride => {
            super::differing_by_id(&a.triangle_overrides, &b.triangle_overrides, id)
        }
        EntityKind::RoleCard => {
            super::differing_by_id(&mine.duties.cards, &theirs.duties.cards, id)
        }
        EntityKind::Activity => {
            super::differing_by_id(&mine.duties.activities, &theirs.duties.activities, id)
        }
        EntityKind::RoleTalent => {
            let find = |ws: &Workspace| ws.talent.roles.iter().find(|r| r.id == id).map(unstamped);
            match (find(mine), find(theirs)) {
                (Some(a), Some(b)) => differing_fields(&a, &b),
                _ => Vec::new(),
            }
        }
        EntityKind::TalentPlan => differing_fields(&mine.talent.plan, &theirs.talent.plan),
        EntityKind::EngagementTarget | EntityKind::EngagementEntry | EntityKind::EngagementRule => {
            super::differing_engagement_fields(mine, theirs, entity)
        }
        EntityKind::GovernanceBody | EntityKind::Meeting => {
            super::differing_governance_fields(mine, theirs, entity)
        }
        EntityKind::Settings
        | EntityKind::TieringSettings
        | EntityKind::Tier
        | EntityKind::IndustryLine
        | EntityKind::Customer => Vec::new(),
        EntityKind::KpiScorecard | EntityKind::KpiCascade | EntityKind::KpiActual => {
            super::differing_kpi_fields(mine, theirs, entity)
        }
        EntityKind::BusinessLine
        | EntityKind::TargetMix
        | EntityKind::Insight
        | EntityKind::Opportunity
        | EntityKind::Design
        | EntityKind::WhitespaceCell => super::differing_portfolio_fields(mine, theirs, entity),
        EntityKind::LtcStage
        | EntityKind::LtcOpportunity
        | EntityKind::LtcContract
        | EntityKind::LtcTarget
        | EntityKind::LtcSettings => super::differing_ltc_fields(mine, theirs, entity),
        EntityKind::McrStakeholder
        | EntityKind::McrContact
        | EntityKind::McrPlanItem
        | EntityKind::McrVct
        | EntityKind::McrSettings => super::differing_mcr_fields(mine, theirs, entity),
        EntityKind::DiagnosisStatement
        | EntityKind::DiagnosisRespondent
        | EntityKind::DiagnosisSymptom => super::differing_diagnosis_fields(mine, theirs, entity),
    }
}
