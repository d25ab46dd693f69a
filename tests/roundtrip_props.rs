//! Property tests of the workspace file: export → import of random workspaces (customers,
//! tiers and the organisation documents: roles, templates, stages, people, assignments,
//! overrides, role cards, RACI activities, talent; the 151 targets and log; the rhythm; KPI;
//! Tool 2's lines, insight, design and whitespace; LTC's stages, opportunities, contracts and
//! targets; MCR's stakeholders, contacts, plan items, VCT checks and the stakeholders a 151
//! entry met; the diagnosis's statements, respondents and symptoms) is lossless, any
//! import compared and merged with itself changes nothing, and a merge keeps every record of
//! both sides with no dangling reference.

#[path = "roundtrip_props/diagnosis_gen.rs"]
mod diagnosis_gen;
#[path = "roundtrip_props/engagement_gen.rs"]
mod engagement_gen;
#[path = "roundtrip_props/governance_gen.rs"]
mod governance_gen;
#[path = "roundtrip_props/kpi_gen.rs"]
mod kpi_gen;
#[path = "roundtrip_props/ltc_gen.rs"]
mod ltc_gen;
#[path = "roundtrip_props/mcr_gen.rs"]
mod mcr_gen;
#[path = "roundtrip_props/org_gen.rs"]
mod org_gen;
#[path = "roundtrip_props/portfolio_gen.rs"]
mod portfolio_gen;
mod support;

use std::rc::Rc;

use kam_planner::domain::merge::{self, compare, Choices, Side};
use kam_planner::domain::org::stamp::same_content;
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
        org_gen::org_parts(),
        engagement_gen::engagement_parts(),
        governance_gen::governance(),
        kpi_gen::kpi(),
        portfolio_gen::portfolio_parts(),
        ltc_gen::ltc_parts(),
        mcr_gen::mcr_parts(),
        diagnosis_gen::diagnosis_parts(),
    )
        .prop_map(
            move |(
                (id, ws_name, fiscal_year, created_at, updated_at, is_demo),
                customers,
                (tier_edits, tiering_at),
                org_parts,
                engagement_parts,
                governance,
                kpi,
                portfolio_parts,
                ltc_parts,
                mcr_parts,
                diagnosis_parts,
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
                let (org, duties, talent) = org_gen::build_org(org_parts, &tier_ids, &customer_ids);
                let person_ids: Vec<String> = org.people.iter().map(|p| p.id.clone()).collect();
                let mut engagement = engagement_gen::build_engagement(
                    engagement_parts,
                    &tier_ids,
                    &customer_ids,
                    &person_ids,
                );
                let portfolio = portfolio_gen::build_portfolio(portfolio_parts, &customer_ids);
                let line_ids: Vec<String> = portfolio.lines.iter().map(|l| l.id.clone()).collect();
                let ltc = ltc_gen::build_ltc(
                    ltc_parts,
                    &customer_ids,
                    &person_ids,
                    &line_ids,
                    fiscal_year,
                );
                let mcr =
                    mcr_gen::build_mcr(mcr_parts, &customer_ids, &person_ids, &mut engagement);
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
                    engagement,
                    governance,
                    kpi,
                    portfolio,
                    ltc,
                    mcr,
                    diagnosis: diagnosis_gen::build_diagnosis(diagnosis_parts),
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
