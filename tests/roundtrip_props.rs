//! Property tests of the workspace file: export → import of random workspaces (customers,
//! tiers and the organisation documents: roles, templates, stages, people, assignments,
//! overrides, role cards, RACI activities, talent) is lossless, any import compared and merged
//! with itself changes nothing, and a merge keeps every record of both sides with no dangling
//! reference.

mod support;

use std::collections::BTreeMap;
use std::rc::Rc;

use kam_planner::domain::merge::{self, compare, Choices, Side};
use kam_planner::domain::org::duties::{Activity, Duties, Duty, Raci, RoleCard};
use kam_planner::domain::org::stamp::same_content;
use kam_planner::domain::org::talent::{
    Enablement, LadderStep, PlanSettings, RoleTalent, Source, Talent,
};
use kam_planner::domain::org::{
    defaults, Assignment, Bilingual, CoverageRow, Doubling, Involvement, OrgDesign, Person,
    PurchaseStage, RoleDef, TriangleOverride, TriangleRules, TriangleType,
};
use kam_planner::domain::tiering::TieringConfig;
use kam_planner::domain::workspace::{Customer, Meta, TierOverride, Workspace, YearPurchase};
use kam_planner::persist::envelope::{load, load_stored, to_json};
use proptest::prelude::*;
use support::references::dangling_references;

/// Text as users type it: Chinese, Latin, digits, punctuation, quotes, escapes, emoji.
fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "[a-zA-Z0-9 华东电力集团有限公司“”\"\\\\/\\n\\t,;:{}\\[\\]😀-]{0,24}",
    )
    .expect("valid regex")
}

fn name() -> impl Strategy<Value = String> {
    text().prop_map(|t| format!("N{t}"))
}

fn amount() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u64..10_000_000_000).prop_map(|n| n as f64),
        (-1e12f64..1e12),
        any::<f64>().prop_filter("finite", |v| v.is_finite()),
    ]
}

fn customer(tier_ids: Vec<String>) -> impl Strategy<Value = Customer> {
    (
        (
            name(),
            text(),
            proptest::option::of(name()),
            text(),
            proptest::option::of(text()),
        ),
        (
            amount(),
            amount(),
            proptest::option::of(amount()),
            proptest::option::of(amount()),
        ),
        (
            proptest::option::of(amount()),
            proptest::option::of(any::<u32>()),
            any::<bool>(),
            any::<bool>(),
            any::<u32>(),
        ),
        (
            proptest::collection::vec((1990i32..2100, amount()), 0..4),
            proptest::collection::vec(text(), 0..3),
            proptest::option::of((proptest::sample::select(tier_ids), text())),
            text(),
            any::<i64>(),
        ),
    )
        .prop_map(
            |(
                (name, industry, industry_line, region, owner),
                (annual_purchase, revenue, gross_margin_pct, wallet),
                (growth_pct, industry_rank, on_named_list, repeat_purchase, years_of_cooperation),
                (history, tags, tier_override, notes, updated_at),
            )| Customer {
                id: String::new(),
                name,
                industry,
                industry_line,
                region,
                owner,
                annual_purchase,
                revenue,
                gross_margin_pct,
                wallet,
                growth_pct,
                industry_rank,
                on_named_list,
                repeat_purchase,
                years_of_cooperation,
                history: history
                    .into_iter()
                    .map(|(year, annual_purchase)| YearPurchase {
                        year,
                        annual_purchase,
                    })
                    .collect(),
                tags,
                tier_override: tier_override.map(|(tier, reason)| TierOverride { tier, reason }),
                notes,
                updated_at,
            },
        )
}

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
struct OrgParts {
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

fn org_parts() -> impl Strategy<Value = OrgParts> {
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
fn build_org(
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

fn workspace() -> impl Strategy<Value = Workspace> {
    let tiering = TieringConfig::default();
    let tier_ids: Vec<String> = tiering.tiers.iter().map(|t| t.id.clone()).collect();
    (
        (
            name(),
            name(),
            2000i32..2101,
            any::<i64>(),
            any::<i64>(),
            any::<bool>(),
        ),
        proptest::collection::vec(customer(tier_ids), 0..12),
        (
            proptest::collection::vec((name(), 0.0f64..100.0, any::<i64>()), 5),
            any::<i64>(),
        ),
        org_parts(),
    )
        .prop_map(
            move |(
                (id, ws_name, fiscal_year, created_at, updated_at, is_demo),
                customers,
                (tier_edits, tiering_at),
                org_parts,
            )| {
                let mut tiering = tiering.clone();
                tiering.updated_at = tiering_at;
                for (tier, (name, share, at)) in tiering.tiers.iter_mut().zip(tier_edits) {
                    tier.name_zh = name;
                    tier.target_share_pct = share;
                    tier.updated_at = at;
                }
                let mut lines: Vec<String> = Vec::new();
                let customers: Vec<Rc<Customer>> = customers
                    .into_iter()
                    .enumerate()
                    .map(|(i, mut c)| {
                        c.id = format!("c-{i}");
                        if let Some(line) = c.industry_line.as_deref().map(str::trim) {
                            if !line.is_empty() && !lines.iter().any(|l| l == line) {
                                lines.push(line.to_string());
                            }
                        }
                        Rc::new(c)
                    })
                    .collect();
                let tier_ids: Vec<String> = tiering.tiers.iter().map(|t| t.id.clone()).collect();
                let customer_ids: Vec<String> = customers.iter().map(|c| c.id.clone()).collect();
                let (org, duties, talent) = build_org(org_parts, &tier_ids, &customer_ids);
                Workspace {
                    meta: Meta {
                        id: format!("ws-{id}"),
                        name: ws_name,
                        currency: "CNY".into(),
                        fiscal_year,
                        today: "2026-02-28".into(),
                        created_at,
                        updated_at,
                        settings_updated_at: updated_at,
                        is_demo,
                    },
                    customers,
                    tiering,
                    industry_lines: lines,
                    org,
                    duties,
                    talent,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn export_then_import_is_lossless(ws in workspace(), at in any::<i64>()) {
        let text = to_json(&ws, at);
        let loaded = load(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&loaded.repairs, &vec![]);
        prop_assert_eq!(&loaded.workspace, &ws);
        prop_assert_eq!(loaded.exported_at, Some(at));
        // The stored-copy path reads an intact copy the same way.
        let stored = load_stored(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&stored.workspace, &ws);
    }

    #[test]
    fn an_import_compared_with_its_source_is_identical(ws in workspace()) {
        let loaded = load(&to_json(&ws, 0)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let cmp = compare(&ws, &loaded.workspace);
        prop_assert!(cmp.is_identical());
        prop_assert_eq!(&merge::merge(&ws, &loaded.workspace, &cmp, &Choices::new()), &ws);
    }

    #[test]
    fn merging_keeps_every_customer_of_both_sides(a in workspace(), b in workspace()) {
        let cmp = compare(&a, &b);
        let merged = merge::merge(&a, &b, &cmp, &Choices::new());
        for c in a.customers.iter().chain(&b.customers) {
            prop_assert!(merged.customers.iter().any(|m| m.id == c.id));
        }
        let ids: std::collections::HashSet<&str> = merged.customers.iter().map(|c| c.id.as_str()).collect();
        prop_assert_eq!(ids.len(), merged.customers.len(), "ids stay unique");
        prop_assert_eq!(dangling_references(&merged), Vec::<String>::new());
        // Merged and saved, it loads without any repair.
        let loaded = load(&to_json(&merged, 0)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&loaded.repairs, &vec![]);
    }

    #[test]
    fn a_workspace_merged_with_itself_is_unchanged(ws in workspace()) {
        prop_assert_eq!(dangling_references(&ws), Vec::<String>::new());
        let cmp = compare(&ws, &ws);
        prop_assert!(cmp.is_identical(), "{:?}", cmp.conflicts);
        prop_assert_eq!(&merge::merge(&ws, &ws, &cmp, &Choices::new()), &ws);
    }

    #[test]
    fn taking_every_conflict_from_the_file_holds_every_record_of_the_file(
        a in workspace(),
        b in workspace(),
    ) {
        let cmp = compare(&a, &b);
        let all_theirs: Choices = cmp
            .conflicts
            .iter()
            .map(|c| (c.entity.clone(), Side::Theirs))
            .collect();
        let merged = merge::merge(&a, &b, &cmp, &all_theirs);
        // Against the file, nothing is missing and nothing differs: each record of the file is
        // in the merged copy with the file's content; only what mine alone has is extra.
        let after = compare(&merged, &b);
        prop_assert_eq!(&after.added, &vec![]);
        prop_assert_eq!(&after.conflicts, &vec![]);
        prop_assert_eq!(after.removed.len(), cmp.removed.len());
        for p in &b.org.people {
            let m = merged.org.person(&p.id);
            prop_assert!(m.is_some_and(|m| same_content(m, p)), "person {}", p.id);
        }
        for x in &b.org.assignments {
            prop_assert!(
                merged.org.assignments.iter().any(|m| m.id == x.id && same_content(m, x)),
                "assignment {}", x.id
            );
        }
        prop_assert_eq!(&merged.talent.plan, &b.talent.plan);
        prop_assert_eq!(dangling_references(&merged), Vec::<String>::new());
        // Against mine, nothing of mine is lost.
        let against_mine = compare(&merged, &a);
        prop_assert_eq!(&against_mine.added, &vec![]);
    }
}
