//! Random MCR documents for the round-trip and merge properties: stakeholders on the generated
//! customers (every role, support, influence and layer; a boss among the earlier stakeholders
//! of the same account or none; an owner of the team or none), contacts with our people, plan
//! items of every area and status, VCT checks with answers 0–5, the settings; and 151 entries
//! naming stakeholders of their account — every id unique, every date real.

use kam_planner::domain::dates::iso_from_days;
use kam_planner::domain::engagement::Engagement;
use kam_planner::domain::mcr::{
    Contact, ContactKind, DecisionRole, ItemStatus, Layer, Mcr, McrSettings, PlanArea, PlanItem,
    Stakeholder, VctCheck,
};
use proptest::prelude::*;

use super::{name, text};

/// A day between 2020 and 2030.
fn day() -> impl Strategy<Value = i64> {
    18_262i64..21_915
}

type RawStakeholder = (
    (usize, String, String, String, Option<usize>, DecisionRole),
    (i32, u32, Layer, Option<usize>, Option<i64>, String, i64),
);

type RawContact = (usize, Option<i64>, ContactKind, Vec<usize>, String, i64);

type RawPlan = (
    usize,
    PlanArea,
    String,
    String,
    Option<usize>,
    Option<i64>,
    ItemStatus,
    i64,
);

type RawVct = (usize, i64, [u8; 5], String, i64);

/// What an MCR document is built from, before the ids it refers to are known; the last list
/// names the stakeholders a 151 entry met (entry, pick).
pub type Parts = (
    Vec<RawStakeholder>,
    Vec<RawContact>,
    Vec<RawPlan>,
    Vec<RawVct>,
    (u32, i64),
    Vec<(usize, usize)>,
);

fn stakeholder() -> impl Strategy<Value = RawStakeholder> {
    (
        (
            0usize..64,
            name(),
            text(),
            text(),
            proptest::option::of(0usize..64),
            proptest::sample::select(DecisionRole::ALL.to_vec()),
        ),
        (
            -1i32..=3,
            1u32..=5,
            proptest::sample::select(Layer::ALL.to_vec()),
            proptest::option::of(0usize..64),
            proptest::option::of(day()),
            text(),
            any::<i64>(),
        ),
    )
}

/// The random parts of an MCR document.
pub fn mcr_parts() -> impl Strategy<Value = Parts> {
    (
        proptest::collection::vec(stakeholder(), 0..10),
        proptest::collection::vec(
            (
                0usize..64,
                proptest::option::of(day()),
                proptest::sample::select(ContactKind::ALL.to_vec()),
                proptest::collection::vec(0usize..64, 0..3),
                text(),
                any::<i64>(),
            ),
            0..5,
        ),
        proptest::collection::vec(
            (
                0usize..64,
                proptest::sample::select(PlanArea::ALL.to_vec()),
                text(),
                text(),
                proptest::option::of(0usize..64),
                proptest::option::of(day()),
                proptest::sample::select(ItemStatus::ALL.to_vec()),
                any::<i64>(),
            ),
            0..4,
        ),
        proptest::collection::vec(
            (
                0usize..64,
                day(),
                proptest::array::uniform5(0u8..=5),
                text(),
                any::<i64>(),
            ),
            0..4,
        ),
        (1u32..400, any::<i64>()),
        proptest::collection::vec((0usize..64, 0usize..64), 0..4),
    )
}

/// The document from its parts, on these customers and people; the 151 entries of
/// `engagement` get the stakeholders they met.
pub fn build_mcr(
    (stakeholders, contacts, plan, vct, (stale_days, settings_at), met): Parts,
    customers: &[String],
    people: &[String],
    engagement: &mut Engagement,
) -> Mcr {
    let pick = |list: &[String], i: usize| list.get(i % list.len().max(1)).cloned();
    let mut mcr = Mcr {
        settings: McrSettings {
            stale_days,
            updated_at: settings_at,
        },
        ..Mcr::default()
    };
    if customers.is_empty() {
        return mcr;
    }
    for (i, ((account, name, title, department, boss, role), rest)) in
        stakeholders.into_iter().enumerate()
    {
        let (support, influence, layer, owner, last, notes, at) = rest;
        let account = pick(customers, account).unwrap_or_default();
        // A boss among the earlier stakeholders of the account: the lines never go round.
        let earlier: Vec<String> = mcr.of_account(&account).map(|s| s.id.clone()).collect();
        let reports_to = boss
            .and_then(|b| (!earlier.is_empty()).then(|| pick(&earlier, b)))
            .flatten();
        mcr.stakeholders.push(Stakeholder {
            id: format!("sh-{i}"),
            account,
            name,
            title,
            department,
            reports_to,
            role,
            support,
            influence,
            layer,
            owner: owner.and_then(|o| pick(people, o)),
            last_contact: last.map(iso_from_days).unwrap_or_default(),
            notes,
            updated_at: at,
        });
    }
    let ids: Vec<String> = mcr.stakeholders.iter().map(|s| s.id.clone()).collect();
    if !ids.is_empty() {
        for (i, (s, date, kind, ours, notes, at)) in contacts.into_iter().enumerate() {
            let mut our_people: Vec<String> =
                ours.into_iter().filter_map(|p| pick(people, p)).collect();
            our_people.dedup();
            mcr.contacts.push(Contact {
                id: format!("contact-{i}"),
                stakeholder: pick(&ids, s).unwrap_or_default(),
                date: date.map(iso_from_days).unwrap_or_default(),
                kind,
                our_people,
                notes,
                updated_at: at,
            });
        }
    }
    for (i, (account, area, goal, actions, owner, due, status, at)) in plan.into_iter().enumerate()
    {
        mcr.plan.push(PlanItem {
            id: format!("plan-{i}"),
            account: pick(customers, account).unwrap_or_default(),
            area,
            goal,
            actions,
            owner: owner.and_then(|o| pick(people, o)),
            due: due.map(iso_from_days).unwrap_or_default(),
            status,
            updated_at: at,
        });
    }
    for (i, (account, date, answers, notes, at)) in vct.into_iter().enumerate() {
        mcr.vct.push(VctCheck {
            id: format!("vct-{i}"),
            account: pick(customers, account).unwrap_or_default(),
            date: iso_from_days(date),
            answers,
            notes,
            updated_at: at,
        });
    }
    let count = engagement.entries.len();
    for (entry, k) in met {
        let Some(e) = engagement.entries.get_mut(entry % count.max(1)) else {
            continue;
        };
        let of_account: Vec<String> = mcr.of_account(&e.account).map(|s| s.id.clone()).collect();
        if let Some(s) = pick(&of_account, k) {
            if !e.stakeholders.contains(&s) {
                e.stakeholders.push(s);
            }
        }
    }
    mcr
}
