//! Native tests of the demo workspace: its shape, the tier structure the default tiering finds in
//! it, the purchase concentration and determinism.

use std::collections::{BTreeMap, BTreeSet};

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::tiering::{self, Explanation};
use kam_planner::domain::workspace::{Customer, Workspace};

const NOW: i64 = 1_768_435_200_000;

fn zh() -> Workspace {
    demo::build("demo-1", NOW, DemoLocale::Zh)
}

/// Customers of each tier (by index into the default tiers).
fn by_tier(ws: &Workspace) -> Vec<Vec<&Customer>> {
    let mut tiers = vec![Vec::new(); ws.tiering.tiers.len()];
    for (c, a) in ws
        .customers
        .iter()
        .zip(ws.tiering.assign_all(&ws.customers))
    {
        let a = a.expect("default tiering has tiers");
        tiers[a.tier].push(c.as_ref());
    }
    tiers
}

/// Ascending annual purchases.
fn purchases(cs: &[&Customer]) -> Vec<f64> {
    let mut p: Vec<f64> = cs.iter().map(|c| c.annual_purchase).collect();
    p.sort_by(f64::total_cmp);
    p
}

/// Linear-interpolated quantile of an ascending slice.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let pos = q * (sorted.len() - 1) as f64;
    let (i, frac) = (pos.floor() as usize, pos - pos.floor());
    let next = sorted.get(i + 1).copied().unwrap_or(sorted[i]);
    sorted[i] + (next - sorted[i]) * frac
}

fn year(c: &Customer, y: i32) -> f64 {
    c.history
        .iter()
        .find(|h| h.year == y)
        .map(|h| h.annual_purchase)
        .expect("year present")
}

#[test]
fn meta_and_shape() {
    let ws = zh();
    assert_eq!(ws.meta.id, "demo-1");
    assert_eq!(ws.meta.name, "示例集团");
    assert_eq!(ws.meta.currency, "CNY");
    assert_eq!(ws.meta.fiscal_year, 2026);
    assert_eq!(ws.meta.today, "2026-01-15");
    assert_eq!((ws.meta.created_at, ws.meta.updated_at), (NOW, NOW));
    assert!(ws.meta.is_demo);
    assert_eq!(ws.tiering, tiering::TieringConfig::default().stamped(NOW));
    assert_eq!(ws.meta.settings_updated_at, NOW);
    assert_eq!(ws.customers.len(), 250);

    let ids: BTreeSet<&str> = ws.customers.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), 250);
    assert_eq!(ws.customers[0].id, "c-0001");
    assert_eq!(ws.customers[249].id, "c-0250");
    let names: BTreeSet<&str> = ws.customers.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), 250);
    assert!(ws.customers.iter().all(|c| !c.name.trim().is_empty()));

    let mut industries: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &ws.customers {
        *industries.entry(c.industry.as_str()).or_default() += 1;
    }
    assert_eq!(industries.len(), 8);
    assert!(industries.values().all(|&n| n >= 20), "{industries:?}");
    let regions: BTreeSet<&str> = ws.customers.iter().map(|c| c.region.as_str()).collect();
    assert_eq!(regions.len(), 7);

    for c in &ws.customers {
        let years: Vec<i32> = c.history.iter().map(|h| h.year).collect();
        assert_eq!(years, [2023, 2024, 2025], "{}", c.name);
        assert_eq!(c.annual_purchase, year(c, 2025));
        assert_eq!(c.updated_at, NOW);
        assert_eq!(c.growth_pct, None);
        assert!(c.owner.is_none() && c.tier_override.is_none() && c.notes.is_empty());
        assert!(c.years_of_cooperation <= 15);
        assert!(c
            .history
            .iter()
            .all(|h| h.annual_purchase >= 0.0 && h.annual_purchase.fract() == 0.0));
        if let Some(line) = &c.industry_line {
            assert_eq!(
                line, &c.industry,
                "the industry line is the customer's industry"
            );
        }
        if c.annual_purchase > 0.0 {
            let r = c.revenue / c.annual_purchase;
            assert!((0.849..=1.0).contains(&r), "{}: revenue factor {r}", c.name);
            let m = c.gross_margin_pct.expect("margin");
            assert!((12.0..=42.0).contains(&m));
            let share = c.share_of_wallet_pct().expect("wallet");
            assert!((5.0..=60.0).contains(&share), "{}: share {share}", c.name);
        } else {
            assert_eq!(c.revenue, 0.0);
            assert_eq!(c.years_of_cooperation, 0);
            let w = c.wallet.expect("prospect wallet");
            assert!((500_000.0..=5_000_000.0).contains(&w));
        }
        if c.industry_rank.is_some_and(|r| r <= 3) {
            assert!(c.on_named_list, "{} ranks top 3 but is not named", c.name);
        }
    }
    let tagged = ws.customers.iter().filter(|c| !c.tags.is_empty()).count();
    assert!((50..250).contains(&tagged), "{tagged} tagged");
}

#[test]
fn default_tiers_have_the_intended_sizes() {
    let ws = zh();
    let stats = tiering::distribution(
        &ws.tiering,
        &ws.customers,
        &ws.tiering.assign_all(&ws.customers),
    );
    let counts: Vec<usize> = stats.iter().map(|s| s.count).collect();
    eprintln!("tier counts {counts:?}");
    assert_eq!(&counts[..3], [5, 10, 75]);
    assert!(counts[3].abs_diff(90) <= 10, "{counts:?}");
    assert!(counts[4].abs_diff(70) <= 10, "{counts:?}");
    assert_eq!(counts[3] + counts[4], 160);
    let shares: Vec<f64> = stats.iter().map(|s| s.count_share_pct).collect();
    assert_eq!(&shares[..3], [2.0, 4.0, 30.0]);
    assert_eq!(shares[3] + shares[4], 64.0);

    let tiers = by_tier(&ws);
    for c in &tiers[0] {
        assert!(c.industry_line.is_some());
        if c.on_named_list {
            assert!((6e6..=9.5e6).contains(&c.annual_purchase));
            assert!(c.industry_rank.is_some_and(|r| (1..=3).contains(&r)));
        } else {
            assert!((12e6..=60e6).contains(&c.annual_purchase));
        }
    }
    assert_eq!(tiers[0].iter().filter(|c| c.on_named_list).count(), 2);
    for c in &tiers[1] {
        assert!(c.industry_line.is_some() && !c.on_named_list);
        assert!((2e6..=9.5e6).contains(&c.annual_purchase));
        assert!(c.industry_rank.is_none_or(|r| r > 3));
    }
    for c in &tiers[2] {
        assert!(c.industry_line.is_none() && !c.on_named_list && c.repeat_purchase);
        assert!((1e6..=4.8e6).contains(&c.annual_purchase));
        assert!(c.industry_rank.is_none_or(|r| r > 3));
    }
    for c in tiers[3].iter().chain(&tiers[4]) {
        assert!(c.industry_line.is_none() && !c.on_named_list);
        assert!(c.annual_purchase < 1e6);
    }
    assert!(tiers[4].iter().all(|c| !c.repeat_purchase));
}

#[test]
fn strategic_accounts_are_explained_by_a_rule() {
    let ws = zh();
    for (c, a) in ws
        .customers
        .iter()
        .zip(ws.tiering.assign_all(&ws.customers))
    {
        let a = a.expect("tiers");
        if a.tier == 0 {
            assert!(
                matches!(a.explanation, Explanation::Matched { ref conditions, .. } if !conditions.is_empty()),
                "{}: {:?}",
                c.name,
                a.explanation
            );
        }
    }
}

#[test]
fn ordinary_and_general_are_hardly_distinct() {
    let ws = zh();
    let stats = tiering::distribution(
        &ws.tiering,
        &ws.customers,
        &ws.tiering.assign_all(&ws.customers),
    );
    let (mo, mg) = (stats[3].median_purchase, stats[4].median_purchase);
    assert!(mo > 0.0 && mg > 0.0);
    assert!(mo.max(mg) / mo.min(mg) <= 1.5, "medians {mo} vs {mg}");

    let tiers = by_tier(&ws);
    let (o, g) = (purchases(&tiers[3]), purchases(&tiers[4]));
    let (o1, o3) = (quantile(&o, 0.25), quantile(&o, 0.75));
    let (g1, g3) = (quantile(&g, 0.25), quantile(&g, 0.75));
    let overlap = (o3.min(g3) - o1.max(g1)).max(0.0);
    let smaller = (o3 - o1).min(g3 - g1);
    eprintln!(
        "ordinary median {mo:.0} IQR {o1:.0}–{o3:.0}; general median {mg:.0} IQR {g1:.0}–{g3:.0}; \
         overlap {:.0} %",
        overlap / smaller * 100.0
    );
    assert!(overlap > 0.5 * smaller, "IQRs {o1}–{o3} vs {g1}–{g3}");
}

#[test]
fn top_two_tiers_are_below_their_target_share() {
    let ws = zh();
    let stats = tiering::distribution(
        &ws.tiering,
        &ws.customers,
        &ws.tiering.assign_all(&ws.customers),
    );
    let actual = stats[0].count_share_pct + stats[1].count_share_pct;
    let target = ws.tiering.tiers[0].target_share_pct + ws.tiering.tiers[1].target_share_pct;
    assert_eq!(actual, 6.0);
    assert_eq!(target, 15.0);
    assert!(actual < target);
}

#[test]
fn purchases_are_concentrated_like_pareto() {
    let ws = zh();
    let mut p: Vec<f64> = ws.customers.iter().map(|c| c.annual_purchase).collect();
    p.sort_by(|a, b| b.total_cmp(a));
    let total: f64 = p.iter().sum();
    let top2 = p[..5].iter().sum::<f64>() / total * 100.0;
    let top20 = p[..50].iter().sum::<f64>() / total * 100.0;
    let revenue: f64 = ws.customers.iter().map(|c| c.revenue).sum();
    let max_rev = ws.customers.iter().map(|c| c.revenue).fold(0.0, f64::max) / revenue * 100.0;
    eprintln!(
        "total purchase {total:.0}; top 2 % hold {top2:.1} %, top 20 % hold {top20:.1} %; \
         largest revenue share {max_rev:.1} %"
    );
    assert!((25.0..=45.0).contains(&top2), "top 2 %: {top2}");
    assert!((60.0..=80.0).contains(&top20), "top 20 %: {top20}");
    assert!(max_rev < 25.0, "largest revenue share {max_rev}");
}

#[test]
fn build_is_deterministic_and_locale_only_changes_labels() {
    assert_eq!(zh(), zh());
    let en = demo::build("demo-1", NOW, DemoLocale::En);
    assert_eq!(en, demo::build("demo-1", NOW, DemoLocale::En));
    assert_eq!(en.meta.name, "Demo Group");

    let zh = zh();
    let mut relabelled = en.clone();
    relabelled.meta.name = zh.meta.name.clone();
    relabelled.industry_lines = zh.industry_lines.clone();
    for (e, z) in relabelled.customers.iter_mut().zip(&zh.customers) {
        let e = std::rc::Rc::make_mut(e);
        assert_ne!(e.industry, z.industry);
        assert_ne!(e.region, z.region);
        e.industry = z.industry.clone();
        e.region = z.region.clone();
        e.industry_line = z.industry_line.clone();
    }
    // Tool 2: the same figures and cells, labels aside.
    assert_eq!(en.portfolio.whitespace, zh.portfolio.whitespace);
    let figures = |ws: &kam_planner::domain::workspace::Workspace| {
        ws.portfolio
            .lines
            .iter()
            .map(|l| {
                (
                    l.id.clone(),
                    l.horizon,
                    l.revenue,
                    l.revenue_last_year,
                    l.market_size,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(figures(&en), figures(&zh));
    assert_ne!(en.portfolio.lines[0].name, zh.portfolio.lines[0].name);
    relabelled.portfolio = zh.portfolio.clone();
    // LTC: the same opportunities, contracts and targets, names and texts aside.
    let deals = |ws: &kam_planner::domain::workspace::Workspace| {
        ws.ltc
            .opportunities
            .iter()
            .map(|o| {
                (
                    o.id.clone(),
                    o.account.clone(),
                    o.stage.clone(),
                    o.amount,
                    o.close_date.clone(),
                    o.history.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(deals(&en), deals(&zh));
    let values = |ws: &kam_planner::domain::workspace::Workspace| {
        ws.ltc
            .contracts
            .iter()
            .map(|c| (c.id.clone(), c.value, c.milestones.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(values(&en), values(&zh));
    assert_eq!(en.ltc.targets, zh.ltc.targets);
    assert_ne!(en.ltc.opportunities[0].name, zh.ltc.opportunities[0].name);
    relabelled.ltc = zh.ltc.clone();
    // MCR: the same people, lines, figures and dates; titles, departments and plan texts
    // aside (names stay Chinese).
    let chains = |ws: &kam_planner::domain::workspace::Workspace| {
        let mut m = ws.mcr.clone();
        for s in m.stakeholders.iter_mut() {
            (s.title, s.department, s.notes) = Default::default();
        }
        for p in m.plan.iter_mut() {
            (p.goal, p.actions) = Default::default();
        }
        m
    };
    assert_eq!(chains(&en), chains(&zh));
    assert_ne!(en.mcr.stakeholders[0].title, zh.mcr.stakeholders[0].title);
    assert_eq!(en.mcr.stakeholders[0].name, zh.mcr.stakeholders[0].name);
    relabelled.mcr = zh.mcr.clone();
    assert_eq!(relabelled, zh);

    let en_industries: BTreeSet<&str> = en.customers.iter().map(|c| c.industry.as_str()).collect();
    assert!(en_industries.contains("Telecom carriers") && en_industries.contains("Oil & gas"));
    assert!(en.customers.iter().any(|c| c.region == "Southwest"));
}

#[test]
fn histories_show_risk_flat_and_prospects() {
    let ws = zh();
    let risk = ws
        .customers
        .iter()
        .filter(|c| year(c, 2025) < 0.7 * year(c, 2024))
        .count();
    assert!((10..=35).contains(&risk), "{risk} retention risks");
    let prospects: Vec<&Customer> = ws
        .customers
        .iter()
        .filter(|c| c.history.iter().all(|h| h.annual_purchase == 0.0))
        .map(|c| c.as_ref())
        .collect();
    assert_eq!(prospects.len(), 12);
    let flat = ws
        .customers
        .iter()
        .filter(|c| {
            let (a, b, d) = (year(c, 2023), year(c, 2024), year(c, 2025));
            a > 0.0 && (b / a - 1.0).abs() <= 0.03 && (d / b - 1.0).abs() <= 0.03
        })
        .count();
    eprintln!(
        "{risk} retention risks, {} prospects, {flat} flat",
        prospects.len()
    );
    assert!(flat >= 3, "{flat} flat");
    // Most customers with two years of history move by at most about ±30 %.
    let moving = ws
        .customers
        .iter()
        .filter_map(|c| c.effective_growth_pct())
        .filter(|g| (-30.0..=35.0).contains(g))
        .count();
    assert!(moving >= 150, "{moving} within ±30 %");
}

// ---------------------------------------------------------------------------------------------
// MCR: the decision chains and what is planted in them (src/domain/mcr/demo.rs)

/// The demo's key accounts in the order its teams are staffed (tier, then purchase): the five
/// strategic accounts S0–S4, then the ten value accounts V0–V9.
fn key_accounts(ws: &Workspace) -> Vec<String> {
    let tiers = ws.tiering.assign_all(&ws.customers);
    kam_planner::domain::org::staffing::accounts(&ws.org, &ws.tiering, &ws.customers, &tiers)
        .into_iter()
        .map(|a| a.id)
        .collect()
}

/// The accounts whose health shows the flag `key`.
fn flagged(ws: &Workspace, key: &str) -> Vec<String> {
    let mut out: Vec<String> = kam_planner::domain::mcr::calc::health(ws)
        .into_iter()
        .filter(|h| h.has(key))
        .map(|h| h.account)
        .collect();
    out.sort();
    out
}

#[test]
fn mcr_demo_plants_each_flag_on_its_account_and_leaves_the_others_clean() {
    use kam_planner::domain::mcr::calc::{self, Flag};
    use kam_planner::domain::mcr::DecisionRole;
    let ws = zh();
    let key = key_accounts(&ws);
    assert_eq!(key.len(), 15);
    let (s, v) = (&key[..5], &key[5..]);
    let one = |id: &String| vec![id.clone()];
    assert_eq!(flagged(&ws, "decision_maker_against"), one(&s[1]));
    assert_eq!(flagged(&ws, "no_coach"), one(&s[2]));
    assert_eq!(flagged(&ws, "single_thread"), one(&v[2]));
    assert_eq!(flagged(&ws, "level_mismatch"), one(&v[4]));
    assert_eq!(flagged(&ws, "no_owner"), one(&v[6]));
    let mut stale = vec![v[5].clone(), v[8].clone()];
    stale.sort();
    assert_eq!(flagged(&ws, "stale"), stale);
    assert!(flagged(&ws, "no_stakeholders").is_empty());

    let health = calc::health(&ws);
    assert_eq!(health.len(), 15, "the key accounts, nothing else");
    let planted = [&s[1], &s[2], &v[2], &v[4], &v[5], &v[6], &v[8]];
    for h in &health {
        assert_eq!(
            h.flags.is_empty(),
            !planted.contains(&&h.account),
            "{} {:?}",
            h.name,
            h.flags
        );
    }
    // Strategic accounts without a coach come first.
    assert_eq!(health[0].account, s[2]);

    let of = |id: &str| health.iter().find(|h| h.account == id).expect("listed");
    // S1: its deputy head opposes us, a decision maker at −1: coverage 2 of 3.
    let against = of(&s[1]).flags[0].stakeholders().to_vec();
    assert_eq!(against.len(), 1);
    let deputy = ws.mcr.stakeholder(&against[0]).expect("a stakeholder");
    assert_eq!(
        (deputy.support, deputy.role),
        (-1, DecisionRole::DecisionMaker)
    );
    assert_eq!(deputy.title, "副总经理");
    assert_eq!(
        (of(&s[1]).coverage.covered, of(&s[1]).coverage.total),
        (2, 3)
    );
    // V2: all its key stakeholders owned by its AR, 周强.
    let ar = ws
        .org
        .assignments
        .iter()
        .find(|a| a.account == v[2] && a.role == "AR")
        .map(|a| a.person.clone())
        .expect("V2 has an AR");
    assert_eq!(of(&v[2]).flags, vec![Flag::SingleThread(ar.clone())]);
    assert_eq!(
        ws.org
            .people
            .iter()
            .find(|p| p.id == ar)
            .map(|p| p.name.as_str()),
        Some("周强")
    );
    // V4: its CIO decides and is owned by the account's SR.
    let mismatch = of(&v[4]).flags[0].stakeholders().to_vec();
    let cio = ws.mcr.stakeholder(&mismatch[0]).expect("a stakeholder");
    assert_eq!(cio.title, "首席信息官");
    let owner = cio.owner.as_deref().expect("owned");
    assert!(ws
        .org
        .assignments
        .iter()
        .any(|a| a.account == v[4] && a.person == owner && a.role == "SR"));
    // V5: contacts 95–200 days old; V8: one engineer never contacted.
    let last = calc::last_contacts(&ws);
    let ctx = calc::FlagContext::new(&ws, &last);
    for id in of(&v[5]).flags[0].stakeholders() {
        let days = ctx.days_since(id).expect("contacted once");
        assert!((95..=200).contains(&days), "{id}: {days}");
    }
    let never = of(&v[8]).flags[0].stakeholders().to_vec();
    assert_eq!(never.len(), 1);
    assert_eq!(ctx.days_since(&never[0]), None);
    assert_eq!(of(&v[6]).flags[0].stakeholders().len(), 2);
    // Everyone else within 90 days, and owned by someone who works on the account.
    for st in &ws.mcr.stakeholders {
        if let Some(o) = &st.owner {
            assert!(
                ws.org
                    .assignments
                    .iter()
                    .any(|a| a.account == st.account && a.person == *o),
                "{} owned by {o}, who is not on the account",
                st.name
            );
        }
    }
}

#[test]
fn mcr_demo_sizes_and_a_sixty_person_chart_without_overlap() {
    use kam_planner::domain::mcr::{check, layout};
    for ws in [zh(), demo::build("demo-1", NOW, DemoLocale::En)] {
        assert_eq!(check(&ws.mcr), Ok(()));
        let key = key_accounts(&ws);
        let sizes: Vec<usize> = key.iter().map(|k| ws.mcr.of_account(k).count()).collect();
        assert_eq!(sizes[0], 60, "the largest account: {sizes:?}");
        assert!(sizes[1..].iter().all(|n| (6..=25).contains(n)), "{sizes:?}");
        assert_eq!(sizes.iter().sum::<usize>(), ws.mcr.stakeholders.len());
        for k in &key {
            let list: Vec<_> = ws.mcr.of_account(k).cloned().collect();
            assert!(layout::cycles(&list).is_empty());
            let chart = layout::layout(&list);
            assert_eq!(chart.places.len(), list.len());
            // One root: the head of the customer.
            assert_eq!(
                chart.places.iter().filter(|p| p.parent.is_none()).count(),
                1
            );
            for a in &chart.places {
                for b in &chart.places {
                    if a.index != b.index && a.y == b.y {
                        assert!((a.x - b.x).abs() >= 1.0, "{a:?} {b:?}");
                    }
                }
                if let Some(p) = a.parent {
                    assert!(a.y > chart.places[p].y);
                }
            }
        }
        // Names are unique in the demo and none is one of our own people's.
        let names: BTreeSet<&str> = ws
            .mcr
            .stakeholders
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(names.len(), ws.mcr.stakeholders.len());
        assert!(ws
            .org
            .people
            .iter()
            .all(|p| !names.contains(p.name.as_str())));
    }
}

#[test]
fn mcr_demo_plans_have_two_overdue_items_and_one_account_loses_trust() {
    use kam_planner::domain::dates::day_number;
    use kam_planner::domain::mcr::{ItemStatus, Phase, VctQuestion};
    let ws = zh();
    let key = key_accounts(&ws);
    let today = day_number(&ws.meta.today).expect("reference date");
    let overdue: Vec<&str> = ws
        .mcr
        .plan
        .iter()
        .filter(|p| p.status != ItemStatus::Done)
        .filter(|p| day_number(&p.due).is_some_and(|d| d < today))
        .map(|p| p.account.as_str())
        .collect();
    assert_eq!(overdue, [key[1].as_str(), key[7].as_str()]);
    let accounts: BTreeSet<&str> = ws.mcr.plan.iter().map(|p| p.account.as_str()).collect();
    assert!(accounts.len() >= 5, "{accounts:?}");
    for phase in Phase::ALL {
        assert!(ws.mcr.plan.iter().any(|p| p.area.phase() == phase));
    }
    for p in &ws.mcr.plan {
        let owner = p.owner.as_deref().expect("every item has an owner");
        assert!(ws
            .org
            .assignments
            .iter()
            .any(|a| a.account == p.account && a.person == owner));
        assert!(!p.goal.is_empty() && !p.actions.is_empty());
    }

    // VCT: three checks on seven accounts; S1's trust falls 4 → 3 → 2.
    let with_vct: BTreeSet<&str> = ws.mcr.vct.iter().map(|c| c.account.as_str()).collect();
    assert_eq!(with_vct.len(), 7);
    let trend = |account: &str| {
        let mut checks: Vec<_> = ws.mcr.vct.iter().filter(|c| c.account == account).collect();
        checks.sort_by(|a, b| a.date.cmp(&b.date));
        checks
            .iter()
            .map(|c| c.answer(VctQuestion::Trust).unwrap_or(0))
            .collect::<Vec<u8>>()
    };
    assert_eq!(trend(&key[1]), [4, 3, 2]);
    let falling: Vec<&&str> = with_vct
        .iter()
        .filter(|a| trend(a).windows(2).all(|w| w[1] < w[0]))
        .collect();
    assert_eq!(falling, [&key[1].as_str()]);
}

#[test]
fn mcr_demo_contacts_and_151_actions_name_the_stakeholders_met() {
    use kam_planner::domain::engagement::{Action, Status};
    use kam_planner::domain::mcr::DecisionRole;
    let ws = zh();
    assert!(ws.mcr.contacts.len() >= 15);
    for c in &ws.mcr.contacts {
        assert!(ws.mcr.stakeholder(&c.stakeholder).is_some());
        assert!(c.date.as_str() <= ws.meta.today.as_str());
    }
    let mut done_named = 0;
    for e in &ws.engagement.entries {
        let roles: Vec<DecisionRole> = e
            .stakeholders
            .iter()
            .map(|id| {
                let s = ws.mcr.stakeholder(id).expect("a stakeholder");
                assert_eq!(s.account, e.account, "met at their own account");
                s.role
            })
            .collect();
        match e.action {
            Action::ExecutiveVisit => {
                assert!(!roles.is_empty());
                assert!(roles.iter().all(|r| *r == DecisionRole::DecisionMaker));
            }
            Action::TechExchange => {
                assert!(!roles.is_empty() && roles.len() <= 3);
                assert!(roles.iter().all(|r| *r == DecisionRole::Evaluator));
            }
            _ => assert!(roles.is_empty()),
        }
        done_named += usize::from(e.status == Status::Done && !roles.is_empty());
    }
    assert!(
        done_named >= 15,
        "every account had a technical exchange done"
    );
}

#[test]
fn mcr_demo_feeds_the_expansion_teams_stakeholder_coverage() {
    use kam_planner::domain::kpi::defaults::{team_card_id, STAKEHOLDER_COVERAGE};
    use kam_planner::domain::kpi::linked::linked_actuals;
    use kam_planner::domain::kpi::people::team_result;
    use kam_planner::domain::mcr::calc::pooled_coverage_pct;
    use kam_planner::domain::org::TriangleType;
    let ws = zh();
    let card = ws
        .kpi
        .scorecards
        .iter()
        .find(|c| c.id == team_card_id(TriangleType::Expansion))
        .expect("the expansion team card");
    let ind = card
        .indicators
        .iter()
        .find(|i| i.metric == STAKEHOLDER_COVERAGE)
        .expect("its stakeholder coverage");
    assert!(ind.linked);
    let linked = linked_actuals(&ws);
    let figure = linked
        .team(STAKEHOLDER_COVERAGE, Some(TriangleType::Expansion))
        .expect("a figure from MCR");
    // No key account is of the expansion type, so the team takes every account's: three
    // decision makers on each of the 15, one of them against us: 44 / 45.
    let all = pooled_coverage_pct(&ws.mcr, |_| true).expect("decision makers");
    assert_eq!(figure, all);
    assert!((figure - 4400.0 / 45.0).abs() < 1e-9, "{figure}");
    let line = team_result(card, &linked)
        .lines
        .into_iter()
        .find(|l| l.indicator == ind.id)
        .expect("its line");
    assert!(line.linked);
    assert_eq!(line.actual, Some(figure));
    // Only that one is linked among the cards' stakeholder-coverage indicators.
    let linked_ones = ws
        .kpi
        .scorecards
        .iter()
        .flat_map(|c| &c.indicators)
        .filter(|i| i.metric == STAKEHOLDER_COVERAGE && i.linked)
        .count();
    assert_eq!(linked_ones, 1);
}
