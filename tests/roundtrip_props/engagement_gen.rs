//! Random 151 documents for the round-trip and merge properties: targets for some tiers, log
//! entries on generated customers and people (valid dates, both statuses, notes as users type
//! them) and a rule; ids unique, references resolved.

use kam_planner::domain::engagement::{
    Action, ActionCounts, BehindRule, Engagement, Entry, Status, TierTarget,
};
use proptest::prelude::*;

use super::text;

/// A target row: tier index, counts, change time.
type RawTarget = (usize, [u32; 5], i64);
/// An entry: account index, action, (year, month, day), done, owner index, notes, change time.
type RawEntry = (
    usize,
    Action,
    (i32, u32, u32),
    bool,
    Option<usize>,
    String,
    i64,
);
/// Targets, entries and the rule (pace, threshold, change time).
pub type EngagementParts = (Vec<RawTarget>, Vec<RawEntry>, (bool, f64, i64));

/// The random parts; references are indices resolved in [`build_engagement`].
pub fn engagement_parts() -> impl Strategy<Value = EngagementParts> {
    let target = (
        any::<usize>(),
        [0u32..1000, 0..1000, 0..1000, 0..1000, 0..1000],
        any::<i64>(),
    );
    let entry = (
        any::<usize>(),
        proptest::sample::select(Action::ALL.to_vec()),
        (2020i32..2031, 1u32..13, 1u32..29),
        any::<bool>(),
        proptest::option::of(any::<usize>()),
        text(),
        any::<i64>(),
    );
    (
        proptest::collection::vec(target, 0..5),
        proptest::collection::vec(entry, 0..12),
        (any::<bool>(), 0.0f64..=100.0, any::<i64>()),
    )
}

/// The document on these tiers, customers and people.
pub fn build_engagement(
    (targets, entries, (pace, threshold, rule_at)): EngagementParts,
    tier_ids: &[String],
    customer_ids: &[String],
    person_ids: &[String],
) -> Engagement {
    let mut doc = Engagement {
        targets: Vec::new(),
        entries: Vec::new(),
        rule: BehindRule {
            pace,
            plan_threshold_pct: threshold,
            updated_at: rule_at,
        },
    };
    if !tier_ids.is_empty() {
        for (tier, counts, at) in targets {
            let tier = tier_ids[tier % tier_ids.len()].clone();
            if doc.targets.iter().any(|t| t.tier == tier) {
                continue;
            }
            doc.targets.push(TierTarget {
                tier,
                counts: ActionCounts::from_array(counts),
                updated_at: at,
            });
        }
    }
    if !customer_ids.is_empty() {
        for (i, (account, action, (y, m, d), done, owner, notes, at)) in
            entries.into_iter().enumerate()
        {
            doc.entries.push(Entry {
                id: format!("e-{i}"),
                account: customer_ids[account % customer_ids.len()].clone(),
                action,
                date: format!("{y:04}-{m:02}-{d:02}"),
                status: if done { Status::Done } else { Status::Planned },
                owner: owner
                    .filter(|_| !person_ids.is_empty())
                    .map(|o| person_ids[o % person_ids.len()].clone()),
                stakeholders: Vec::new(),
                notes,
                updated_at: at,
            });
        }
    }
    doc
}
