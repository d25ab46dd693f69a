//! The pipeline board's model: its columns' totals against `calc::column_totals`, the order of
//! the cards (aged first, then the earliest close date), the filters, and the index kept across
//! edits — after every stage move, save, addition and deletion, the updated index gives the
//! same board, bit for bit, as one built from scratch (hand-picked sequences and random ones).

use std::collections::HashMap;
use std::rc::Rc;

use kam_planner::domain::dates::day_number;
use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::edit::{apply, Edit};
use kam_planner::domain::ltc::board::{model, BoardIndex, Filter, Model, PAGE};
use kam_planner::domain::ltc::calc::{column_totals, is_aged};
use kam_planner::domain::workspace::Workspace;
use proptest::prelude::*;

const NOW: i64 = 1_768_435_200_000;

fn demo_ws() -> Rc<Workspace> {
    Rc::new(demo::build("demo", NOW, DemoLocale::Zh))
}

fn tiers(ws: &Workspace) -> Rc<HashMap<String, String>> {
    Rc::new(ws.tier_map())
}

fn today(ws: &Workspace) -> i64 {
    day_number(&ws.meta.today).expect("the demo has a reference day")
}

fn edit(ws: &Workspace, e: Edit) -> Rc<Workspace> {
    Rc::new(apply(ws, &e, NOW).expect("a valid edit").expect("a change"))
}

/// Applies the edits one by one, updating the index after each, and checks it against a
/// board built from scratch; returns how many edits changed the document and how many of those
/// updated the index in place.
fn follow(
    ws: Rc<Workspace>,
    filter: &Filter,
    shown: &HashMap<String, usize>,
    edits: &[Edit],
) -> (usize, usize) {
    let t = tiers(&ws);
    let day = today(&ws);
    let mut ix = BoardIndex::new(&ws, &t, filter, day);
    let mut ws = ws;
    let (mut applied, mut in_place) = (0, 0);
    for e in edits {
        let Ok(Some(next)) = apply(&ws, e, NOW) else {
            continue;
        };
        applied += 1;
        ws = Rc::new(next);
        in_place += usize::from(ix.update(&ws, &t, filter, day));
        let fresh: Model = model(&ws, &t, filter, shown, day);
        assert_eq!(ix.model(shown), fresh, "after {e:?}");
    }
    (applied, in_place)
}

#[test]
fn column_totals_match_the_calculation_and_cards_come_aged_first_then_by_close_date() {
    let ws = demo_ws();
    let t = tiers(&ws);
    let day = today(&ws);
    let m = model(&ws, &t, &Filter::default(), &HashMap::new(), day);
    let expected = column_totals(&ws.ltc, ws.ltc.opportunities.iter().map(|o| &**o), day);
    let got: Vec<_> = m.columns.iter().map(|c| c.totals).collect();
    assert_eq!(got, expected);
    // The demo's 60 opportunities: 9/9/8/8/6 open, 12 won, 8 lost.
    let counts: Vec<usize> = got.iter().map(|t| t.count).collect();
    assert_eq!(counts, vec![9, 9, 8, 8, 6, 12, 8]);
    assert!(
        got.iter().map(|t| t.aged).sum::<usize>() > 0,
        "the demo plants aged deals"
    );
    for c in &m.columns {
        assert_eq!(c.cards.len() + c.more, c.totals.count);
        let keys: Vec<(bool, String)> = c
            .cards
            .iter()
            .map(|o| {
                let close = if o.close_date.is_empty() {
                    "9999".to_string()
                } else {
                    o.close_date.clone()
                };
                (!is_aged(&ws.ltc, o, day), close)
            })
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted, "column {}", c.stage);
    }
    // Owners: the people owning an opportunity, in the order of the people list.
    let ids: Vec<&str> = m.owners.iter().map(|(id, _)| id.as_str()).collect();
    let expected: Vec<&str> = ws
        .org
        .people
        .iter()
        .filter(|p| {
            ws.ltc
                .opportunities
                .iter()
                .any(|o| o.owner.as_deref() == Some(p.id.as_str()))
        })
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, expected);
    assert!(!ids.is_empty());
}

#[test]
fn pages_of_a_column_show_the_first_cards_and_count_the_rest() {
    let ws = demo_ws();
    let t = tiers(&ws);
    let day = today(&ws);
    let lead = ws.ltc.stages[0].id.clone();
    let shown = HashMap::from([(lead, 4usize)]);
    let m = model(&ws, &t, &Filter::default(), &shown, day);
    assert_eq!(m.columns[0].cards.len(), 4);
    assert_eq!(m.columns[0].more, 5);
    let all = model(&ws, &t, &Filter::default(), &HashMap::new(), day);
    assert_eq!(m.columns[0].cards[..], all.columns[0].cards[..4]);
    assert!(all.columns.iter().all(|c| c.cards.len() <= PAGE));
}

#[test]
fn filters_keep_only_matching_opportunities() {
    let ws = demo_ws();
    let t = tiers(&ws);
    let day = today(&ws);
    let owner = ws.ltc.opportunities[0].owner.clone().expect("an owner");
    let f = Filter {
        owner: owner.clone(),
        ..Filter::default()
    };
    let m = model(&ws, &t, &f, &HashMap::new(), day);
    let n = ws
        .ltc
        .opportunities
        .iter()
        .filter(|o| o.owner.as_deref() == Some(owner.as_str()))
        .count();
    assert_eq!(m.columns.iter().map(|c| c.totals.count).sum::<usize>(), n);
    assert!(m
        .columns
        .iter()
        .flat_map(|c| &c.cards)
        .all(|o| o.owner.as_deref() == Some(owner.as_str())));
    // The owner filter's options do not depend on the filters.
    assert_eq!(
        m.owners,
        model(&ws, &t, &Filter::default(), &HashMap::new(), day).owners
    );
    // Text: an account's name finds its opportunities.
    let acc = &ws.ltc.opportunities[3].account;
    let name = ws
        .customers
        .iter()
        .find(|c| &c.id == acc)
        .map(|c| c.name.clone())
        .expect("the account exists");
    let f = Filter {
        text: name,
        ..Filter::default()
    };
    let m = model(&ws, &t, &f, &HashMap::new(), day);
    let n = ws
        .ltc
        .opportunities
        .iter()
        .filter(|o| &o.account == acc)
        .count();
    assert!(m.columns.iter().map(|c| c.totals.count).sum::<usize>() >= n);
}

#[test]
fn stage_moves_saves_and_additions_update_the_index_in_place() {
    let ws = demo_ws();
    let stages: Vec<String> = ws.ltc.stages.iter().map(|s| s.id.clone()).collect();
    let date = ws.meta.today.clone();
    let mut edits = Vec::new();
    for (k, o) in ws.ltc.opportunities.iter().enumerate().take(20) {
        // To another stage: 1–3 stages on.
        let here = stages.iter().position(|s| *s == o.stage).unwrap_or(0);
        edits.push(Edit::MoveOpportunity {
            id: o.id.clone(),
            stage: stages[(here + 1 + k % 3) % stages.len()].clone(),
            date: date.clone(),
        });
    }
    // A save from the editor: another owner, amount and close date.
    let mut o = (*ws.ltc.opportunities[5]).clone();
    o.owner = ws.ltc.opportunities[30].owner.clone();
    o.amount += 1_234.5;
    o.close_date = "2026-02-01".into();
    edits.push(Edit::UpsertOpportunity(Box::new(o)));
    // A new opportunity.
    let mut n = (*ws.ltc.opportunities[7]).clone();
    n.id = "opp-new".into();
    n.name = "新增商机".into();
    edits.push(Edit::UpsertOpportunity(Box::new(n)));
    let shown = HashMap::new();
    let (applied, in_place) = follow(ws.clone(), &Filter::default(), &shown, &edits);
    assert!(
        applied >= 20,
        "{applied} of {} edits changed the document",
        edits.len()
    );
    assert_eq!(in_place, applied, "every edit updated the index in place");
    // The same under a filter and with a short page.
    let owner = ws.ltc.opportunities[2].owner.clone().expect("an owner");
    let f = Filter {
        owner,
        ..Filter::default()
    };
    let shown = HashMap::from([(stages[0].clone(), 2usize), (stages[1].clone(), 3usize)]);
    follow(ws, &f, &shown, &edits);
}

#[test]
fn deletions_and_stage_changes_rebuild_the_index() {
    let ws = demo_ws();
    let t = tiers(&ws);
    let day = today(&ws);
    let f = Filter::default();
    let mut ix = BoardIndex::new(&ws, &t, &f, day);
    let mut doc = ws.ltc.clone();
    doc.opportunities.remove(4);
    let next = edit(&ws, Edit::SetLtc(Box::new(doc)));
    assert!(!ix.update(&next, &t, &f, day), "a shorter list is rebuilt");
    assert_eq!(
        ix.model(&HashMap::new()),
        model(&next, &t, &f, &HashMap::new(), day)
    );
    let mut doc = next.ltc.clone();
    doc.stages[1].ageing_days = 1;
    let next2 = edit(&next, Edit::SetLtc(Box::new(doc)));
    assert!(
        !ix.update(&next2, &t, &f, day),
        "a stage's threshold is rebuilt"
    );
    let m = ix.model(&HashMap::new());
    assert_eq!(m, model(&next2, &t, &f, &HashMap::new(), day));
    assert_eq!(m.columns[1].totals.aged, m.columns[1].totals.count);
    // Another filter, another day: rebuilt.
    let g = Filter {
        quarter: 2,
        ..Filter::default()
    };
    assert!(!ix.update(&next2, &t, &g, day));
    assert!(!ix.update(&next2, &t, &g, day + 1));
    assert!(ix.update(&next2, &t, &g, day + 1), "nothing changed: kept");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Random moves and saves under random filters: the index kept up to date is the board
    /// built from scratch.
    #[test]
    fn an_updated_index_is_the_board_built_again(
        moves in prop::collection::vec((0usize..60, 0usize..7, 0u8..4), 1..25),
        owner_filter in any::<bool>(),
        quarter in 0usize..5,
        page in 1usize..12,
    ) {
        let ws = demo_ws();
        let stages: Vec<String> = ws.ltc.stages.iter().map(|s| s.id.clone()).collect();
        let edits: Vec<Edit> = moves
            .iter()
            .map(|&(i, s, kind)| {
                let o = &ws.ltc.opportunities[i % ws.ltc.opportunities.len()];
                if kind == 0 {
                    let mut o = (**o).clone();
                    o.amount = (o.amount + 10_000.0 * s as f64).max(0.0);
                    o.owner = ws.ltc.opportunities[(i * 7) % 60].owner.clone();
                    Edit::UpsertOpportunity(Box::new(o))
                } else {
                    Edit::MoveOpportunity {
                        id: o.id.clone(),
                        stage: stages[s % stages.len()].clone(),
                        date: ws.meta.today.clone(),
                    }
                }
            })
            .collect();
        let f = Filter {
            owner: if owner_filter {
                ws.ltc.opportunities[0].owner.clone().unwrap_or_default()
            } else {
                String::new()
            },
            quarter,
            ..Filter::default()
        };
        let shown: HashMap<String, usize> = stages.iter().map(|s| (s.clone(), page)).collect();
        follow(ws, &f, &shown, &edits);
    }
}
