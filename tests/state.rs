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
