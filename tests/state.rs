//! The reducer: edits, undo and redo (≥ 100 steps), refusals, and opening another workspace.

use std::rc::Rc;

use kam_planner::domain::edit::{apply, is_iso_date, Edit, EditError};
use kam_planner::domain::workspace::Workspace;
use kam_planner::ui::state::{Session, SessionAction, UNDO_LIMIT};
use yew::functional::Reducible;

fn session() -> Rc<Session> {
    Rc::new(Session::new(Workspace::empty("ws-1", "甲公司", 100)))
}

fn rename(s: Rc<Session>, name: &str, now: i64) -> Rc<Session> {
    s.reduce(SessionAction::Edit {
        edit: Edit::Rename(name.into()),
        now_ms: now,
    })
}

#[test]
fn an_edit_changes_the_document_and_stamps_it() {
    let s = rename(session(), "  乙公司 ", 5_000);
    assert_eq!(s.workspace.meta.name, "乙公司");
    assert_eq!(s.workspace.meta.updated_at, 5_000);
    assert_eq!(s.undo_depth(), 1);
}

#[test]
fn undo_and_redo_walk_the_history() {
    let mut s = session();
    for i in 0..5 {
        s = rename(s, &format!("名称{i}"), 1_000 + i);
    }
    s = s.reduce(SessionAction::Undo);
    s = s.reduce(SessionAction::Undo);
    assert_eq!(s.workspace.meta.name, "名称2");
    assert_eq!(s.redo_depth(), 2);
    s = s.reduce(SessionAction::Redo);
    assert_eq!(s.workspace.meta.name, "名称3");
    // A new edit drops the redo branch.
    s = rename(s, "分支", 9_000);
    assert_eq!(s.redo_depth(), 0);
    let same = s.clone().reduce(SessionAction::Redo);
    assert!(
        Rc::ptr_eq(&same, &s),
        "redo with nothing to redo changes nothing"
    );
}

#[test]
fn at_least_a_hundred_steps_can_be_undone() {
    let mut s = session();
    for i in 0..150 {
        s = rename(s, &format!("第{i}版"), i);
    }
    for _ in 0..150 {
        s = s.reduce(SessionAction::Undo);
    }
    assert_eq!(s.workspace.meta.name, "甲公司");
    let mut s = session();
    for i in 0..(UNDO_LIMIT + 50) {
        s = rename(s, &format!("v{i}"), i as i64);
    }
    assert_eq!(s.undo_depth(), UNDO_LIMIT);
    const { assert!(UNDO_LIMIT >= 100) };
}

#[test]
fn no_op_and_invalid_edits_keep_the_same_state() {
    let s = session();
    let same = rename(s.clone(), "甲公司", 1);
    assert!(Rc::ptr_eq(&s, &same));
    let refused = rename(s.clone(), "   ", 1);
    assert!(Rc::ptr_eq(&s, &refused));
    assert_eq!(s.undo_depth(), 0);
}

#[test]
fn opening_another_workspace_clears_the_history() {
    let s = rename(session(), "乙", 1);
    let s = s.reduce(SessionAction::Open(Rc::new(Workspace::empty(
        "ws-2", "丙", 2,
    ))));
    assert_eq!(s.workspace.meta.id, "ws-2");
    assert_eq!((s.undo_depth(), s.redo_depth()), (0, 0));
}

#[test]
fn edit_validation_messages() {
    let ws = Workspace::empty("ws", "x", 0);
    assert_eq!(
        apply(&ws, &Edit::Rename("".into()), 1),
        Err(EditError::EmptyName)
    );
    assert_eq!(
        apply(&ws, &Edit::Rename("长".repeat(81)), 1),
        Err(EditError::NameTooLong { max: 80 })
    );
    assert_eq!(
        apply(&ws, &Edit::SetFiscalYear(1999), 1),
        Err(EditError::FiscalYearOutOfRange(1999))
    );
    assert_eq!(
        apply(&ws, &Edit::SetToday("2026-02-30".into()), 1),
        Err(EditError::BadDate("2026-02-30".into()))
    );
    let next = apply(&ws, &Edit::SetToday("2028-02-29".into()), 7)
        .unwrap()
        .unwrap();
    assert_eq!(next.meta.today, "2028-02-29");
    assert!(!is_iso_date("2100-02-29"));
    assert!(is_iso_date("2000-02-29"));
    assert!(!is_iso_date("2026-1-01"));
}

#[test]
fn reset_demo_keeps_identity_and_name() {
    let ws = Workspace::empty("ws-mine", "我的示例", 42);
    let demo =
        kam_planner::domain::demo::build("other", 99, kam_planner::domain::demo::DemoLocale::Zh);
    let next = apply(&ws, &Edit::ResetDemo(Box::new(demo.clone())), 100)
        .unwrap()
        .unwrap();
    assert_eq!(next.meta.id, "ws-mine");
    assert_eq!(next.meta.name, "我的示例");
    assert_eq!(next.meta.created_at, 42);
    assert_eq!(next.customers, demo.customers);
}

mod customer_edits {
    use std::rc::Rc;

    use kam_planner::domain::edit::{apply, Edit, EditError};
    use kam_planner::domain::tiering::TieringConfig;
    use kam_planner::domain::workspace::{Customer, TierOverride, Workspace};

    fn ws_with(names: &[&str]) -> Workspace {
        let mut ws = Workspace::empty("ws", "x", 0);
        ws.customers = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                Rc::new(Customer {
                    id: format!("c-{}", i + 1),
                    name: n.to_string(),
                    ..Customer::default()
                })
            })
            .collect();
        ws
    }

    fn named(id: &str, name: &str) -> Customer {
        Customer {
            id: id.into(),
            name: name.into(),
            ..Customer::default()
        }
    }

    #[test]
    fn imported_customers_get_fresh_ids_and_their_industry_lines_are_listed() {
        let ws = ws_with(&["甲"]);
        let mut b = named("c-1", "乙"); // id taken
        b.industry_line = Some("电力".into());
        let edit = Edit::AddCustomers {
            customers: vec![named("", "丙"), b, named("keep-me", "丁")],
            id_prefix: "imp-".into(),
            replace: false,
        };
        let next = apply(&ws, &edit, 9).unwrap().unwrap();
        let ids: Vec<&str> = next.customers.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c-1", "imp-1", "imp-2", "keep-me"]);
        assert_eq!(next.industry_lines, ["电力"]);
        assert!(next.customers[1..].iter().all(|c| c.updated_at == 9));
        // Nothing is added when one customer has no name: all or nothing.
        let bad = Edit::AddCustomers {
            customers: vec![named("", "戊"), named("", " ")],
            id_prefix: "imp-".into(),
            replace: false,
        };
        assert_eq!(apply(&ws, &bad, 9), Err(EditError::MissingCustomerName));
    }

    #[test]
    fn overrides_need_an_existing_tier_and_a_reason() {
        let ws = ws_with(&["甲", "乙"]);
        let ov = |tier: &str, reason: &str| Edit::SetTierOverride {
            ids: vec!["c-1".into(), "c-2".into()],
            value: Some(TierOverride {
                tier: tier.into(),
                reason: reason.into(),
            }),
        };
        assert_eq!(
            apply(&ws, &ov("vip", "x"), 1),
            Err(EditError::UnknownTier("vip".into()))
        );
        assert_eq!(
            apply(&ws, &ov("value", "  "), 1),
            Err(EditError::MissingReason)
        );
        let next = apply(&ws, &ov("value", " 战略合作 "), 1).unwrap().unwrap();
        assert!(next
            .customers
            .iter()
            .all(|c| c.tier_override.as_ref().unwrap().reason == "战略合作"));
        let cleared = apply(
            &next,
            &Edit::SetTierOverride {
                ids: vec!["c-2".into()],
                value: None,
            },
            2,
        )
        .unwrap()
        .unwrap();
        assert!(cleared.customers[0].tier_override.is_some());
        assert!(cleared.customers[1].tier_override.is_none());
        // The untouched customer is still the same shared record.
        assert!(Rc::ptr_eq(&cleared.customers[0], &next.customers[0]));
    }

    #[test]
    fn upsert_replaces_by_id_and_delete_removes() {
        let ws = ws_with(&["甲", "乙"]);
        let next = apply(
            &ws,
            &Edit::UpsertCustomer(Box::new(named("c-2", "乙公司"))),
            5,
        )
        .unwrap()
        .unwrap();
        assert_eq!(next.customers.len(), 2);
        assert_eq!(next.customers[1].name, "乙公司");
        let next = apply(
            &next,
            &Edit::UpsertCustomer(Box::new(named("c-9", "丙"))),
            6,
        )
        .unwrap()
        .unwrap();
        assert_eq!(next.customers.len(), 3);
        let next = apply(
            &next,
            &Edit::DeleteCustomers(vec!["c-1".into(), "c-9".into()]),
            7,
        )
        .unwrap()
        .unwrap();
        let names: Vec<&str> = next.customers.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["乙公司"]);
        assert_eq!(
            apply(&next, &Edit::DeleteCustomers(vec!["nope".into()]), 8),
            Ok(None)
        );
        assert_eq!(
            apply(&next, &Edit::UpsertCustomer(Box::new(named("c-3", ""))), 8),
            Err(EditError::MissingCustomerName)
        );
    }

    #[test]
    fn a_tiering_without_tiers_is_refused_and_lines_are_deduplicated() {
        let ws = ws_with(&[]);
        let empty = TieringConfig {
            tiers: vec![],
            ..TieringConfig::default()
        };
        assert_eq!(
            apply(&ws, &Edit::SetTiering(Box::new(empty)), 1),
            Err(EditError::NoTiers)
        );
        let next = apply(
            &ws,
            &Edit::SetIndustryLines(vec![
                " 电力 ".into(),
                "电力".into(),
                "".into(),
                "金融".into(),
            ]),
            1,
        )
        .unwrap()
        .unwrap();
        assert_eq!(next.industry_lines, ["电力", "金融"]);
    }
}

/// An edit applied ahead of the reducer (`WorkspaceHandle::try_edit`) is taken as it is when
/// the document is still the one it was applied to, and applied again to the document as it is
/// when another edit came first — so two edits in one tick both count.
#[test]
fn an_edit_applied_ahead_is_kept_or_applied_again_to_the_newer_document() {
    let s = session();
    let base = s.workspace.clone();
    let edit = Edit::SetFiscalYear(2031);
    let next = Rc::new(
        apply(&base, &edit, 7_000)
            .expect("a valid year")
            .expect("a change"),
    );
    let kept = s.clone().reduce(SessionAction::Applied {
        base: base.clone(),
        next: next.clone(),
        edit: edit.clone(),
        now_ms: 7_000,
    });
    assert!(
        Rc::ptr_eq(&kept.workspace, &next),
        "the result is used as it is"
    );
    assert_eq!(kept.undo_depth(), 1);
    // Another edit landed first: the year edit is applied to the renamed document.
    let renamed = rename(s, "丙公司", 6_000);
    let both = renamed.reduce(SessionAction::Applied {
        base,
        next,
        edit,
        now_ms: 7_000,
    });
    assert_eq!(both.workspace.meta.name, "丙公司");
    assert_eq!(both.workspace.meta.fiscal_year, 2031);
    assert_eq!(both.undo_depth(), 2);
}
