//! The edits the roles page makes to Tool 4's document: RACI letters typed and cycled, cells set
//! and cleared (and what the checks then say), lines moved, tidied and numbered, cards created
//! for custom roles and reset to their defaults, activities added.

use kam_planner::domain::org::duties::{check_raci, raci_counts, Duties, Raci, RaciError};
use kam_planner::domain::org::duties_edit::{
    add_activity, blank_card, default_card, fresh_id, is_default_card, move_item, new_duty,
    put_card, reset_card, set_raci, tidy_card,
};
use kam_planner::domain::org::{Bilingual, OrgDesign, RoleDef, AD, AR, FR, SR};

fn s(x: &str) -> String {
    x.to_string()
}

#[test]
fn typed_letters_and_clicks_give_raci_values() {
    assert_eq!(Raci::from_key("a"), Some(Raci::A));
    assert_eq!(Raci::from_key("R"), Some(Raci::R));
    assert_eq!(Raci::from_key("c"), Some(Raci::C));
    assert_eq!(Raci::from_key("I"), Some(Raci::I));
    assert_eq!(Raci::from_key("x"), None);
    assert_eq!(Raci::from_key("Delete"), None);
    assert_eq!(Raci::from_key("ArrowRight"), None);
    // A click walks — → R → A → C → I → — and comes back where it started.
    let mut v = None;
    let mut seen = Vec::new();
    for _ in 0..5 {
        v = Raci::cycle(v);
        seen.push(v);
    }
    assert_eq!(
        seen,
        [
            Some(Raci::R),
            Some(Raci::A),
            Some(Raci::C),
            Some(Raci::I),
            None
        ]
    );
}

#[test]
fn a_second_a_is_an_error_on_its_row_and_clearing_it_fixes_the_row() {
    let design = OrgDesign::default();
    let duties = Duties::default();
    // Contract signing: AD is A, AR R. Give the SR an A too.
    let two = set_raci(&duties, "contract", SR, Some(Raci::A));
    assert_eq!(
        check_raci(&design, &two),
        [RaciError::SeveralAccountable {
            activity: s("contract"),
            count: 2,
            roles: vec![s(AD), s(SR)],
        }]
    );
    assert_eq!(raci_counts(&design, &two)[2].a, 1);
    // Clearing the cell leaves the SR without a part, and the matrix valid again.
    let cleared = set_raci(&two, "contract", SR, None);
    assert_eq!(check_raci(&design, &cleared), []);
    assert_eq!(cleared.activities[7].raci.get(SR), None);
    assert_eq!(raci_counts(&design, &cleared)[2].c, 7);
    // An unknown activity changes nothing.
    assert_eq!(set_raci(&duties, "nope", AR, Some(Raci::A)), duties);
}

#[test]
fn lines_move_within_their_list_and_stop_at_the_ends() {
    let mut v = vec!['a', 'b', 'c'];
    assert!(move_item(&mut v, 1, true));
    assert_eq!(v, ['b', 'a', 'c']);
    assert!(move_item(&mut v, 1, false));
    assert_eq!(v, ['b', 'c', 'a']);
    assert!(!move_item(&mut v, 0, true));
    assert!(!move_item(&mut v, 2, false));
    assert!(!move_item(&mut v, 7, true));
    assert_eq!(v, ['b', 'c', 'a']);
}

#[test]
fn new_lines_and_activities_get_unused_ids() {
    assert_eq!(fresh_id("x-", ["x-1", "x-3"].into_iter()), "x-2");
    let duties = Duties::default();
    let ar = duties.card(AR).expect("AR card");
    // The AR has resp 1–4 and act 1–3.
    assert_eq!(new_duty(ar, "resp").id, "ar-resp-5");
    assert_eq!(new_duty(ar, "act").id, "ar-act-4");
    let more = add_activity(&duties, Bilingual::new("投标复盘", "Bid review"));
    let added = more.activities.last().expect("added");
    assert_eq!(
        (added.id.as_str(), added.name_zh.as_str()),
        ("activity-1", "投标复盘")
    );
    // It has no A and no R yet: both are reported on its row.
    assert_eq!(
        check_raci(&OrgDesign::default(), &more),
        [
            RaciError::NoAccountable {
                activity: s("activity-1")
            },
            RaciError::NoResponsible {
                activity: s("activity-1")
            },
        ]
    );
    let again = add_activity(&more, Bilingual::new("复盘", "Review"));
    assert_eq!(again.activities[14].id, "activity-2");
}

#[test]
fn saving_a_card_drops_blank_lines_and_trims() {
    let duties = Duties::default();
    let mut card = duties.card(SR).expect("SR").clone();
    card.responsibilities.push(new_duty(&card, "resp"));
    card.key_activities[0].text.en = s("  Manages product requirements  ");
    card.mission.zh = s(" 方案 ");
    let tidy = tidy_card(&card);
    assert_eq!(tidy.responsibilities.len(), 5);
    assert_eq!(
        tidy.key_activities[0].text.en,
        "Manages product requirements"
    );
    assert_eq!(tidy.mission.zh, "方案");
    // A line with text in one language only is kept.
    card.responsibilities[5].text.en = s("Pricing");
    assert_eq!(tidy_card(&card).responsibilities.len(), 6);
}

#[test]
fn a_custom_role_gets_a_card_in_role_order_and_only_built_in_cards_reset() {
    let mut design = OrgDesign::default();
    // A custom role between the SR and the FR.
    design.roles.insert(
        3,
        RoleDef {
            id: s("PM"),
            name_zh: s("项目经理"),
            name_en: s("Project manager"),
            ..RoleDef::default()
        },
    );
    let duties = Duties::default();
    assert_eq!(default_card("PM"), None);
    let card = blank_card(&duties, "PM");
    assert_eq!(card.id, "card-pm");
    assert!(card.responsibilities.is_empty());
    let next = put_card(&design, &duties, card);
    let order: Vec<&str> = next.cards.iter().map(|c| c.role.as_str()).collect();
    assert_eq!(order, [AD, AR, SR, "PM", FR]);
    // Resetting a custom role changes nothing.
    assert_eq!(reset_card(&design, &next, "PM"), next);

    // Edit the FR card, then reset it: back to the five roles of the source, same id.
    let mut fr = next.card(FR).expect("FR").clone();
    fr.key_activities.remove(0);
    fr.mission.en = s("Delivers");
    let edited = put_card(&design, &next, fr);
    assert!(!is_default_card(edited.card(FR).expect("FR")));
    assert_eq!(edited.card(FR).expect("FR").key_activities.len(), 4);
    let reset = reset_card(&design, &edited, FR);
    let fr = reset.card(FR).expect("FR");
    assert!(is_default_card(fr));
    assert_eq!(fr.key_activities.len(), 5);
    assert_eq!(fr.id, "card-fr");
    assert_eq!(reset.cards.len(), 5);
    // A blank card for a role whose usual id is taken gets another one.
    assert_eq!(blank_card(&reset, FR).id, "card-fr-1");
}
