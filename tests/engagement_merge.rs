//! The 151 document in a comparison and a merge of two copies: targets by tier, log entries by id,
//! the rule as one entity; each conflict resolved to the side changed last unless chosen.

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::engagement::{stamp, Action, Engagement, Entry, Status};
use kam_planner::domain::merge::{
    compare, differing_engagement_fields, merge, Choices, EntityKind, EntityRef, Side,
};

const NOW: i64 = 1_768_435_200_000;

#[test]
fn targets_entries_and_the_rule_are_compared_and_merged() {
    let mine = demo::build("demo", NOW, DemoLocale::Zh);
    let mut theirs = mine.clone();
    let mut doc = theirs.engagement.clone();
    // The file: e-5 done, one entry more, strategic executive visits 5, threshold 80 %.
    doc.entries[4].status = Status::Done;
    doc.entries.push(Entry {
        id: "e-900".into(),
        account: "c-0046".into(),
        action: Action::OnsiteMeeting,
        date: "2026-03-03".into(),
        status: Status::Planned,
        ..Entry::default()
    });
    doc.targets[0].counts.set(Action::ExecutiveVisit, 5);
    doc.rule.plan_threshold_pct = 80.0;
    theirs.engagement = stamp(&mine.engagement, &doc, NOW + 10);
    // Mine: e-6 deleted since, and e-5 edited earlier than the file.
    let mut mine_doc = mine.engagement.clone();
    mine_doc.entries.retain(|e| e.id != "e-6");
    mine_doc.entries[4].notes = "改期".into();
    let mut mine = mine.clone();
    mine.engagement = stamp(&mine.engagement, &mine_doc, NOW + 5);

    let cmp = compare(&mine, &theirs);
    let counts = |k| cmp.counts_of(k);
    assert_eq!(counts(EntityKind::EngagementTarget).changed, 1);
    assert_eq!(counts(EntityKind::EngagementTarget).unchanged, 2);
    let entries = counts(EntityKind::EngagementEntry);
    assert_eq!(
        (entries.added, entries.changed, entries.unchanged),
        (2, 1, 208)
    );
    assert_eq!(counts(EntityKind::EngagementRule).changed, 1);
    let e5 = EntityRef {
        kind: EntityKind::EngagementEntry,
        id: "e-5".into(),
    };
    let conflict = cmp.conflicts.iter().find(|c| c.entity == e5).expect("e-5");
    assert_eq!(
        conflict.default_side,
        Side::Theirs,
        "the file changed it last"
    );
    assert!(conflict.label.starts_with("2026-"), "{}", conflict.label);
    assert_eq!(
        differing_engagement_fields(&mine, &theirs, &e5),
        ["notes", "status"]
    );
    let rule = EntityRef {
        kind: EntityKind::EngagementRule,
        id: "engagement_rule".into(),
    };
    assert_eq!(
        differing_engagement_fields(&mine, &theirs, &rule),
        ["plan_threshold_pct"]
    );

    // Defaults: the file's versions (newer); e-6 comes back from the file, e-900 is added.
    let merged = merge(&mine, &theirs, &cmp, &Choices::new());
    let sorted = |d: &Engagement| {
        let mut v = d.entries.clone();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    };
    assert_eq!(sorted(&merged.engagement), sorted(&theirs.engagement));
    assert_eq!(merged.engagement.targets, theirs.engagement.targets);
    assert_eq!(merged.engagement.rule, theirs.engagement.rule);
    // Keep mine's e-5 and rule.
    let mut choices = Choices::new();
    choices.insert(e5.clone(), Side::Mine);
    choices.insert(rule, Side::Mine);
    let merged = merge(&mine, &theirs, &cmp, &choices);
    let e = merged
        .engagement
        .entries
        .iter()
        .find(|e| e.id == "e-5")
        .expect("e-5");
    assert_eq!((e.notes.as_str(), e.status), ("改期", Status::Planned));
    assert_eq!(merged.engagement.rule.plan_threshold_pct, 100.0);
    assert_eq!(merged.engagement.targets_of("strategic").executive_visit, 5);
    assert_eq!(merged.engagement.entries.len(), 211);
    assert!(compare(&merged, &merged).is_identical());
}
