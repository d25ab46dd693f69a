//! The synthetic LTC document of the benchmark: its sizes, that it passes `ltc::check`, that it
//! is deterministic, and that it reaches every stage and every ageing bucket.

use std::collections::HashSet;

use kam_planner::domain::ltc::{self, cash, synthetic, StageKind};
use kam_planner::domain::synthetic as customers;

fn people() -> Vec<String> {
    (0..50).map(|i| format!("p-{i:03}")).collect()
}

#[test]
fn sizes_check_and_spread() {
    let cs = customers::customers(2_000, customers::BENCH_SEED);
    let doc = synthetic::ltc(&cs, &people(), 5_000, 2_500, 7);
    assert_eq!(doc.opportunities.len(), 5_000);
    assert_eq!(doc.contracts.len(), 2_500);
    assert_eq!(doc.targets.len(), 200, "a target for every tenth account");
    assert_eq!(ltc::check(&doc), Ok(()));

    let stages: HashSet<&str> = doc.opportunities.iter().map(|o| o.stage.as_str()).collect();
    for s in &doc.stages {
        assert!(stages.contains(s.id.as_str()), "no opportunity in {}", s.id);
    }
    let lines: HashSet<&str> = doc
        .opportunities
        .iter()
        .filter_map(|o| o.line.as_deref())
        .collect();
    assert_eq!(lines.len(), synthetic::LINES);
    assert!(lines.contains("line-1") && lines.contains("line-8"));
    let accounts: HashSet<&str> = cs.iter().map(|c| c.id.as_str()).collect();
    for o in &doc.opportunities {
        assert!((1..=4).contains(&o.history.len()), "{}", o.id);
        assert_eq!(
            o.history.last().map(|h| h.stage.as_str()),
            Some(o.stage.as_str())
        );
        assert_eq!(
            o.history.last().map(|h| h.date.as_str()),
            Some(o.stage_entered.as_str())
        );
        assert!(o.amount > 0.0);
        assert!(accounts.contains(o.account.as_str()));
        if doc.kind_of(o) == StageKind::Open {
            assert_eq!(
                ltc::calc::year_of(&o.close_date),
                Some(synthetic::FISCAL_YEAR)
            );
        }
    }
    assert!(doc.opportunities.iter().any(|o| o.owner.is_some()));
    for c in &doc.contracts {
        assert_eq!(c.milestones, {
            let mut m = ltc::default_milestones();
            for (a, b) in m.iter_mut().zip(&c.milestones) {
                (a.invoiced, a.invoiced_date) = (b.invoiced, b.invoiced_date.clone());
                (a.collected, a.collected_date) = (b.collected, b.collected_date.clone());
            }
            m
        });
        for m in &c.milestones {
            assert!(m.collected <= m.invoiced);
        }
    }

    let r = cash::receivables(doc.contracts.iter().map(|c| &**c), synthetic::today());
    assert!(r.receivable > 0.0);
    assert!(r.dso.is_some());
    for (b, n) in r.ageing.counts.iter().enumerate() {
        assert!(*n > 0, "ageing bucket {b} is empty");
    }
}

#[test]
fn deterministic() {
    let cs = customers::customers(500, customers::BENCH_SEED);
    let a = synthetic::ltc(&cs, &people(), 1_000, 500, 42);
    let b = synthetic::ltc(&cs, &people(), 1_000, 500, 42);
    assert_eq!(a, b);
    assert_ne!(a, synthetic::ltc(&cs, &people(), 1_000, 500, 43));
    assert_eq!(ltc::check(&synthetic::ltc(&[], &[], 10, 10, 1)), Ok(()));
}
