//! Comparing and merging the KPI documents of two copies of a workspace: scorecards (with their
//! indicators), cascades and actuals per person are entities of their own kinds.

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::edit::{apply, Edit};
use kam_planner::domain::kpi::Kpi;
use kam_planner::domain::merge::{
    self, compare, differing_kpi_fields, Choices, EntityKind, EntityRef, Side,
};
use kam_planner::domain::workspace::Workspace;

const T0: i64 = 1_763_800_000_000;

fn edit_kpi(ws: &Workspace, f: impl FnOnce(&mut Kpi), at: i64) -> Workspace {
    let mut kpi = ws.kpi.clone();
    f(&mut kpi);
    apply(ws, &Edit::SetKpi(Box::new(kpi)), at)
        .ok()
        .flatten()
        .unwrap_or_else(|| ws.clone())
}

#[test]
fn a_changed_weight_and_actual_are_conflicts_labelled_and_merged_per_choice() {
    let base = demo::build("ws-a", T0, DemoLocale::Zh);
    let cmp = compare(&base, &base);
    assert!(cmp.conflicts.is_empty());
    let counts = cmp.counts_of(EntityKind::KpiScorecard);
    assert_eq!(counts.unchanged, 7);
    assert_eq!(cmp.counts_of(EntityKind::KpiCascade).unchanged, 4);
    assert_eq!(cmp.counts_of(EntityKind::KpiActual).unchanged, 195);

    let mine = edit_kpi(
        &base,
        |k| k.scorecards[0].indicators[0].weight = 25.0,
        T0 + 10,
    );
    let theirs = edit_kpi(
        &base,
        |k| {
            k.scorecards[0].indicators[0].weight = 30.0;
            k.set_actual("p-ar01", "role-AR.orders", Some(130.0));
            k.cascades.remove(3);
        },
        T0 + 20,
    );
    let cmp = compare(&mine, &theirs);
    let card = cmp
        .conflicts
        .iter()
        .find(|c| c.entity.kind == EntityKind::KpiScorecard)
        .expect("the scorecard conflicts");
    assert_eq!(
        (
            card.entity.id.as_str(),
            card.label.as_str(),
            card.label_en.as_str()
        ),
        ("org-expansion", "拓展型客户群", "Expansion accounts")
    );
    assert_eq!(card.default_side, Side::Theirs, "theirs changed it last");
    assert_eq!(
        differing_kpi_fields(&mine, &theirs, &card.entity),
        vec!["indicators".to_string()]
    );
    let actual = cmp
        .conflicts
        .iter()
        .find(|c| c.entity.kind == EntityKind::KpiActual)
        .expect("the actual conflicts");
    assert_eq!(actual.label, "刘洋 · 订货达成率");
    assert_eq!(cmp.counts_of(EntityKind::KpiCascade).removed, 1);

    // Defaults: the file's weight and actual; the cascade the file lacks stays.
    let merged = merge::merge(&mine, &theirs, &cmp, &Choices::new());
    assert_eq!(merged.kpi.scorecards[0].indicators[0].weight, 30.0);
    assert_eq!(merged.kpi.actual("p-ar01", "role-AR.orders"), Some(130.0));
    assert_eq!(merged.kpi.cascades.len(), 4);

    // Keeping mine for the scorecard.
    let mut choices = Choices::new();
    choices.insert(
        EntityRef {
            kind: EntityKind::KpiScorecard,
            id: "org-expansion".into(),
        },
        Side::Mine,
    );
    let merged = merge::merge(&mine, &theirs, &cmp, &choices);
    assert_eq!(merged.kpi.scorecards[0].indicators[0].weight, 25.0);
}
