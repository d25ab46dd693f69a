//! Random organisation documents for the round-trip and merge properties: custom roles,
//! templates and stages beside the defaults, people, assignments referencing generated people and
//! customers, triangle overrides, role cards, RACI activities and talent roles with sources,
//! ladders and enablement — with every reference resolved and every id unique, so the load path
//! takes them without a repair.

use std::collections::BTreeMap;

use kam_planner::domain::org::duties::{Activity, Duties, Duty, Raci, RoleCard};
use kam_planner::domain::org::talent::{
    Enablement, LadderStep, PlanSettings, RoleTalent, Source, Talent,
};
use kam_planner::domain::org::{
    defaults, Assignment, Bilingual, CoverageRow, Doubling, Involvement, OrgDesign, Person,
    PurchaseStage, RoleDef, TriangleOverride, TriangleRules, TriangleType,
};
use proptest::prelude::*;

use super::{amount, name, text};

/// An index into a list not known yet; taken modulo its length when the list is.
fn pick<T: Clone>(list: &[T], i: usize) -> Option<T> {
    (!list.is_empty()).then(|| list[i % list.len()].clone())
}

fn bilingual() -> impl Strategy<Value = Bilingual> {
    (text(), text()).prop_map(|(zh, en)| Bilingual { zh, en })
}

fn triangle() -> impl Strategy<Value = TriangleType> {
    proptest::sample::select(TriangleType::ALL.to_vec())
}

// Raw records: references are indices resolved in `build_org`.
type RawTemplate = (
    usize,
    TriangleType,
    Vec<(usize, f64)>,
    Vec<(usize, usize)>,
    bool,
    i64,
);
type RawStage = (String, String, Vec<(usize, u8)>, String, i64);
type RawPerson = ((String, usize, String, f64), (String, String, i64));
type RawCard = (
    usize,
    Bilingual,
    Vec<Bilingual>,
    Vec<Bilingual>,
    String,
    i64,
);
type RawActivity = (String, String, Vec<(usize, u8)>, i64);
type RawSource = (String, String, f64, u32, u32, String, i64);
type RawStep = (String, String, f64, Bilingual, i64);
type RawTalent = (
    usize,
    Vec<RawSource>,
    Vec<RawStep>,
    Vec<(String, Bilingual, i64)>,
    i64,
);

/// The raw parts of the organisation documents; references are indices resolved in [`build_org`].
#[derive(Clone, Debug)]
pub struct OrgParts {
    roles: Vec<(String, String, String, i64)>,
    templates: Vec<RawTemplate>,
    stages: Vec<RawStage>,
    people: Vec<RawPerson>,
    assignments: Vec<(usize, usize, usize, f64, i64)>,
    overrides: Vec<(usize, TriangleType, String, i64)>,
    settings: (Vec<usize>, f64, u32, f64, i64),
    cards: Vec<RawCard>,
    activities: Vec<RawActivity>,
    talent: Vec<RawTalent>,
    plan: (String, u32, i64),
}

pub fn org_parts() -> impl Strategy<Value = OrgParts> {
    let idx = || any::<usize>();
    let stamp = || any::<i64>();
    (
        (
            proptest::collection::vec((name(), text(), text(), stamp()), 0..3),
            proptest::collection::vec(
                (
                    idx(),
                    triangle(),
                    proptest::collection::vec((idx(), amount()), 0..4),
                    proptest::collection::vec((idx(), idx()), 0..2),
                    any::<bool>(),
                    stamp(),
                ),
                0..3,
            ),
            proptest::collection::vec(
                (
                    name(),
                    text(),
                    proptest::collection::vec((idx(), 0u8..3), 0..4),
                    text(),
                    stamp(),
                ),
                0..3,
            ),
            proptest::collection::vec(
                ((name(), idx(), text(), amount()), (text(), text(), stamp())),
                0..6,
            ),
        ),
        (
            proptest::collection::vec((idx(), idx(), idx(), amount(), stamp()), 0..8),
            proptest::collection::vec((idx(), triangle(), text(), stamp()), 0..4),
            (
                proptest::collection::vec(idx(), 0..4),
                amount(),
                any::<u32>(),
                amount(),
                stamp(),
            ),
        ),
        (
            proptest::collection::vec(
                (
                    idx(),
                    bilingual(),
                    proptest::collection::vec(bilingual(), 0..3),
                    proptest::collection::vec(bilingual(), 0..3),
                    text(),
                    stamp(),
                ),
                0..3,
            ),
            proptest::collection::vec(
                (
                    name(),
                    text(),
                    proptest::collection::vec((idx(), 0u8..4), 0..4),
                    stamp(),
                ),
                0..4,
            ),
            proptest::collection::vec(
                (
                    idx(),
                    proptest::collection::vec(
                        (
                            name(),
                            text(),
                            amount(),
                            any::<u32>(),
                            any::<u32>(),
                            text(),
                            stamp(),
                        ),
                        0..3,
                    ),
                    proptest::collection::vec(
                        (text(), name(), amount(), bilingual(), stamp()),
                        0..3,
                    ),
                    proptest::collection::vec((name(), bilingual(), stamp()), 0..3),
                    stamp(),
                ),
                0..3,
            ),
            (text(), any::<u32>(), stamp()),
        ),
    )
        .prop_map(
            |(
                (roles, templates, stages, people),
                (assignments, overrides, settings),
                (cards, activities, talent, plan),
            )| OrgParts {
                roles,
                templates,
                stages,
                people,
                assignments,
                overrides,
                settings,
                cards,
                activities,
                talent,
                plan,
            },
        )
}

/// The organisation documents of `parts`, every reference resolved against the roles, tiers and
/// `customers` (ids), every id unique: a document the load path takes without a repair.
pub fn build_org(
    parts: OrgParts,
    tier_ids: &[String],
    customers: &[String],
) -> (OrgDesign, Duties, Talent) {
    let mut roles = defaults::roles();
    for (i, (name_zh, name_en, notes, updated_at)) in parts.roles.into_iter().enumerate() {
        roles.push(RoleDef {
            id: format!("r-{i}"),
            name_zh,
            name_en,
            built_in: false,
            notes,
            updated_at,
        });
    }
    let role_ids: Vec<String> = roles.iter().map(|r| r.id.clone()).collect();
    let role = |i: usize| pick(&role_ids, i).unwrap_or_default();
    let involvement = |n: u8| match n {
        0 => Involvement::None,
        1 => Involvement::Participate,
        _ => Involvement::Lead,
    };
    let raci = |n: u8| Raci::ALL[usize::from(n) % 4];

    let mut templates = defaults::templates();
    for (i, (tier, triangle, fte, doubles, pooled, updated_at)) in
        parts.templates.into_iter().enumerate()
    {
        templates.push(CoverageRow {
            id: format!("tpl-x{i}"),
            tier: pick(tier_ids, tier).unwrap_or_default(),
            triangle,
            fte: fte.into_iter().map(|(r, f)| (role(r), f)).collect(),
            doubles: doubles
                .into_iter()
                .map(|(by, covers)| Doubling {
                    by: role(by),
                    covers: role(covers),
                })
                .collect(),
            pooled,
            updated_at,
        });
    }
    let mut stages = defaults::stages();
    for (i, (name_zh, name_en, cells, notes, updated_at)) in parts.stages.into_iter().enumerate() {
        stages.push(PurchaseStage {
            id: format!("stage-x{i}"),
            name_zh,
            name_en,
            cells: cells
                .into_iter()
                .map(|(r, n)| (role(r), involvement(n)))
                .collect(),
            notes,
            updated_at,
        });
    }
    let people: Vec<Person> = parts
        .people
        .into_iter()
        .enumerate()
        .map(
            |(i, ((name, r, level, capacity_fte), (source, notes, updated_at)))| Person {
                id: format!("p-{i}"),
                name,
                role: role(r),
                level,
                capacity_fte,
                source,
                notes,
                updated_at,
            },
        )
        .collect();
    let person_ids: Vec<String> = people.iter().map(|p| p.id.clone()).collect();
    let assignments: Vec<Assignment> = parts
        .assignments
        .into_iter()
        .enumerate()
        .filter_map(|(i, (p, c, r, fte, updated_at))| {
            Some(Assignment {
                id: format!("as-{i}"),
                person: pick(&person_ids, p)?,
                account: pick(customers, c)?,
                role: role(r),
                fte,
                updated_at,
            })
        })
        .collect();
    let mut triangle_overrides: Vec<TriangleOverride> = Vec::new();
    for (c, triangle, reason, updated_at) in parts.overrides {
        if let Some(customer) = pick(customers, c) {
            if triangle_overrides.iter().all(|o| o.customer != customer) {
                triangle_overrides.push(TriangleOverride {
                    customer,
                    triangle,
                    reason,
                    updated_at,
                });
            }
        }
    }
    let (tiers, growth_min_pct, new_max_years, understaffed_below_pct, updated_at) = parts.settings;
    let org = OrgDesign {
        roles,
        templates,
        stages,
        people,
        assignments,
        account_tiers: tiers
            .into_iter()
            .filter_map(|t| pick(tier_ids, t))
            .collect(),
        triangle_overrides,
        triangle_rules: TriangleRules {
            growth_min_pct,
            new_max_years,
        },
        understaffed_below_pct,
        updated_at,
    };

    let duty = |prefix: &str, list: Vec<Bilingual>| -> Vec<Duty> {
        list.into_iter()
            .enumerate()
            .map(|(j, text)| Duty {
                id: format!("{prefix}-{j}"),
                text,
            })
            .collect()
    };
    let mut duties = Duties::default();
    for (i, (r, mission, resp, acts, notes, updated_at)) in parts.cards.into_iter().enumerate() {
        duties.cards.push(RoleCard {
            id: format!("card-x{i}"),
            role: role(r),
            mission,
            responsibilities: duty(&format!("x{i}-resp"), resp),
            key_activities: duty(&format!("x{i}-act"), acts),
            notes,
            updated_at,
        });
    }
    for (i, (name_zh, name_en, letters, updated_at)) in parts.activities.into_iter().enumerate() {
        duties.activities.push(Activity {
            id: format!("act-x{i}"),
            name_zh,
            name_en,
            raci: letters
                .into_iter()
                .map(|(r, n)| (role(r), raci(n)))
                .collect::<BTreeMap<_, _>>(),
            updated_at,
        });
    }
    let mut talent = Talent::default();
    for (i, (r, sources, ladder, enablement, updated_at)) in parts.talent.into_iter().enumerate() {
        talent.roles.push(RoleTalent {
            id: format!("talent-x{i}"),
            role: role(r),
            sources: sources
                .into_iter()
                .enumerate()
                .map(
                    |(j, (name_zh, name_en, share_pct, lead, ramp, notes, at))| Source {
                        id: format!("src-{j}"),
                        name_zh,
                        name_en,
                        share_pct,
                        lead_time_months: lead,
                        ramp_up_months: ramp,
                        notes,
                        updated_at: at,
                    },
                )
                .collect(),
            ladder: ladder
                .into_iter()
                .enumerate()
                .map(
                    |(j, (level, title_zh, typical_years, criteria, at))| LadderStep {
                        id: format!("step-{j}"),
                        level,
                        title_en: title_zh.to_uppercase(),
                        title_zh,
                        typical_years,
                        criteria,
                        updated_at: at,
                    },
                )
                .collect(),
            enablement: enablement
                .into_iter()
                .enumerate()
                .map(|(j, (name_zh, description, at))| Enablement {
                    id: format!("en-{j}"),
                    name_en: name_zh.clone(),
                    name_zh,
                    description,
                    updated_at: at,
                })
                .collect(),
            updated_at,
        });
    }
    let (start_month, hires_per_month, at) = parts.plan;
    talent.plan = PlanSettings {
        start_month,
        hires_per_month,
        updated_at: at,
    };
    (org, duties, talent)
}
