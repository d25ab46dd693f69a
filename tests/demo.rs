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
