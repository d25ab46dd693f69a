//! The demo's account teams: 32 people and their assignments on the accounts of 示例集团 / Demo
//! Group, built to show the problems Tool 3 and Tool 7 exist to find:
//!
//! - **one over-allocated AR**: the AR of the third value account also carries the eighth, at
//!   1.0 + 0.6 = 1.6 FTE (160 %);
//! - **two strategic accounts without an FR**: the two smaller strategic accounts (the named-list
//!   ones) have AD, AR and SR but no FR, so they are under-staffed (2.5 of 3.5 FTE, 71 %);
//! - **an SR pool too small for the value accounts**: every strategic account has its SR, but
//!   the ten value accounts (0.5 SR each) share 1.5 FTE of SR: six get 0.25, four none. SR
//!   capacity 6.5 against 10 required: a gap of 3.5 FTE, 4 people;
//! - **a talent plan that closes the SR gap in about a year**: 4 SR hires (2 R&D transfers, 1
//!   experienced hire, 1 campus hire), two started per month from 2026-02, reach 10 FTE in
//!   month 12 (2027-02).
//!
//! The accounts are the strategic and value tiers only: with the SPEC template the 75 potential
//! accounts would need another 18.75 AR and 7.5 SR, which would bury the planted problems under a
//! general shortage. The people are placed by the accounts' order (tier, then purchase), not by
//! customer id, so the builder works on any customer list; on the demo it is deterministic.

use std::borrow::Borrow;

use super::duties::Duties;
use super::staffing::accounts;
use super::talent::{PlanSettings, Talent};
use super::{Assignment, OrgDesign, Person, TriangleOverride, TriangleType, AD, AR, FR, SR};
use crate::domain::tiering::{self, TieringConfig};
use crate::domain::workspace::Customer;

/// The organisation documents of the demo.
#[derive(Clone, Debug, PartialEq)]
pub struct DemoOrg {
    /// Tool 3: roles, templates, process, people, assignments.
    pub org: OrgDesign,
    /// Tool 4: role cards and RACI (the defaults).
    pub duties: Duties,
    /// Tool 7: sources, ladders, enablement and the plan settings.
    pub talent: Talent,
}

/// The people: (id, name, role, level, capacity FTE, source id, notes).
#[rustfmt::skip]
const PEOPLE: [(&str, &str, &str, &str, f64, &str, &str); 32] = [
    ("p-ad1", "王建国", AD, "L5", 1.0, "ad-internal_promotion", ""),
    ("p-ad2", "李慧敏", AD, "L5", 1.0, "ad-experienced_hire", ""),
    ("p-ad3", "张振华", AD, "L4", 0.5, "ad-internal_promotion", "兼任区域副总 / also deputy head of the region"),
    ("p-ar01", "刘洋", AR, "L4", 1.0, "ar-experienced_hire", ""),
    ("p-ar02", "陈静", AR, "L4", 1.0, "ar-campus", ""),
    ("p-ar03", "杨帆", AR, "L3", 1.0, "ar-experienced_hire", ""),
    ("p-ar04", "赵磊", AR, "L3", 1.0, "ar-delivery_transfer", ""),
    ("p-ar05", "黄婷", AR, "L3", 1.0, "ar-campus", ""),
    ("p-ar06", "周强", AR, "L3", 1.0, "ar-experienced_hire", ""),
    ("p-ar07", "吴敏", AR, "L2", 1.0, "ar-campus", ""),
    ("p-ar08", "徐丽", AR, "L2", 1.0, "ar-experienced_hire", ""),
    ("p-ar09", "孙浩", AR, "L2", 1.0, "ar-delivery_transfer", ""),
    ("p-ar10", "马超", AR, "L3", 1.0, "ar-experienced_hire", ""),
    ("p-ar11", "朱琳", AR, "L2", 1.0, "ar-campus", ""),
    ("p-ar12", "胡军", AR, "L1", 1.0, "ar-campus", ""),
    ("p-ar13", "郭佳", AR, "L2", 1.0, "ar-experienced_hire", ""),
    ("p-ar14", "何鹏", AR, "L1", 1.0, "ar-campus", ""),
    ("p-sr01", "林峰", SR, "L3", 1.0, "sr-rd_transfer", ""),
    ("p-sr02", "高翔", SR, "L3", 1.0, "sr-experienced_hire", ""),
    ("p-sr03", "罗敏", SR, "L2", 1.0, "sr-rd_transfer", ""),
    ("p-sr04", "郑凯", SR, "L3", 1.0, "sr-rd_transfer", ""),
    ("p-sr05", "梁爽", SR, "L2", 1.0, "sr-campus", ""),
    ("p-sr06", "谢宇", SR, "L2", 1.0, "sr-experienced_hire", ""),
    ("p-sr07", "宋佳", SR, "L1", 0.5, "sr-campus", "一半时间在区域售前资源池 / half her time in the regional pre-sales pool"),
    ("p-fr01", "唐亮", FR, "L3", 1.0, "fr-delivery_transfer", ""),
    ("p-fr02", "韩雪", FR, "L2", 1.0, "fr-delivery_transfer", ""),
    ("p-fr03", "冯刚", FR, "L3", 1.0, "fr-experienced_hire", ""),
    ("p-fr04", "邓涛", FR, "L2", 1.0, "fr-delivery_transfer", ""),
    ("p-fr05", "曹阳", FR, "L2", 1.0, "fr-delivery_transfer", ""),
    ("p-fr06", "彭晖", FR, "L1", 1.0, "fr-campus", ""),
    ("p-fr07", "曾琦", FR, "L2", 1.0, "fr-experienced_hire", ""),
    ("p-fr08", "萧然", FR, "L1", 1.0, "fr-delivery_transfer", ""),
];

/// Which account a demo assignment is on: the n-th strategic or n-th value account.
#[derive(Clone, Copy)]
enum On {
    Strategic(usize),
    Value(usize),
}

/// The assignments: (person, account, role, FTE).
#[rustfmt::skip]
const ASSIGNMENTS: [(&str, On, &str, f64); 44] = {
    use On::{Strategic as S, Value as V};
    [
        // Account directors: two accounts each, the part-time one a single account.
        ("p-ad1", S(0), AD, 0.5), ("p-ad1", S(1), AD, 0.5),
        ("p-ad2", S(2), AD, 0.5), ("p-ad2", S(3), AD, 0.5),
        ("p-ad3", S(4), AD, 0.5),
        // A dedicated AR and SR on every strategic account; FRs on the three largest only.
        ("p-ar01", S(0), AR, 1.0), ("p-ar02", S(1), AR, 1.0), ("p-ar03", S(2), AR, 1.0),
        ("p-ar04", S(3), AR, 1.0), ("p-ar05", S(4), AR, 1.0),
        ("p-sr01", S(0), SR, 1.0), ("p-sr02", S(1), SR, 1.0), ("p-sr03", S(2), SR, 1.0),
        ("p-sr04", S(3), SR, 1.0), ("p-sr05", S(4), SR, 1.0),
        ("p-fr01", S(0), FR, 1.0), ("p-fr02", S(1), FR, 1.0), ("p-fr03", S(2), FR, 1.0),
        // Value accounts: one AR each, except that 周强 carries the 3rd and the 8th.
        ("p-ar07", V(0), AR, 1.0), ("p-ar08", V(1), AR, 1.0), ("p-ar06", V(2), AR, 1.0),
        ("p-ar09", V(3), AR, 1.0), ("p-ar10", V(4), AR, 1.0), ("p-ar11", V(5), AR, 1.0),
        ("p-ar12", V(6), AR, 1.0), ("p-ar06", V(7), AR, 0.6), ("p-ar13", V(8), AR, 1.0),
        ("p-ar14", V(9), AR, 1.0),
        // 1.5 FTE of SR for ten value accounts that need 0.5 each.
        ("p-sr06", V(0), SR, 0.25), ("p-sr06", V(1), SR, 0.25), ("p-sr06", V(2), SR, 0.25),
        ("p-sr06", V(3), SR, 0.25), ("p-sr07", V(4), SR, 0.25), ("p-sr07", V(5), SR, 0.25),
        // FRs: two value accounts each at 0.5.
        ("p-fr04", V(0), FR, 0.5), ("p-fr04", V(1), FR, 0.5),
        ("p-fr05", V(2), FR, 0.5), ("p-fr05", V(3), FR, 0.5),
        ("p-fr06", V(4), FR, 0.5), ("p-fr06", V(5), FR, 0.5),
        ("p-fr07", V(6), FR, 0.5), ("p-fr07", V(7), FR, 0.5),
        ("p-fr08", V(8), FR, 0.5), ("p-fr08", V(9), FR, 0.5),
    ]
};

/// The demo's organisation documents for `customers`, tiered as `tier_assignments` says (in
/// customer order, as [`TieringConfig::assign_all`] returns them), stamped `now_ms`.
/// Assignments to accounts that do not exist (a customer list with fewer strategic or value
/// accounts than the demo's 5 and 10) are left out.
pub fn build<C: Borrow<Customer>>(
    tiering: &TieringConfig,
    customers: &[C],
    tier_assignments: &[Option<tiering::Assignment>],
    now_ms: i64,
) -> DemoOrg {
    let mut org = OrgDesign {
        account_tiers: vec!["strategic".to_string(), "value".to_string()],
        updated_at: now_ms,
        ..OrgDesign::default()
    };
    let list = accounts(&org, tiering, customers, tier_assignments);
    let of_tier = |tier: &str| -> Vec<String> {
        list.iter()
            .filter(|a| a.tier == tier)
            .map(|a| a.id.clone())
            .collect()
    };
    let (strategic, value) = (of_tier("strategic"), of_tier("value"));

    org.people = PEOPLE
        .iter()
        .map(|&(id, name, role, level, capacity, source, notes)| Person {
            id: id.to_string(),
            name: name.to_string(),
            role: role.to_string(),
            level: level.to_string(),
            capacity_fte: capacity,
            source: source.to_string(),
            notes: notes.to_string(),
            updated_at: now_ms,
        })
        .collect();
    org.assignments = ASSIGNMENTS
        .iter()
        .filter_map(|&(person, on, role, fte)| {
            let account = match on {
                On::Strategic(i) => strategic.get(i),
                On::Value(i) => value.get(i),
            }?;
            Some((person, account.clone(), role, fte))
        })
        .enumerate()
        .map(|(i, (person, account, role, fte))| Assignment {
            id: format!("as-{:02}", i + 1),
            person: person.to_string(),
            account,
            role: role.to_string(),
            fte,
            updated_at: now_ms,
        })
        .collect();
    // The smallest strategic account is mature by its figures, but a new programme is under way.
    if let Some(account) = strategic.get(4) {
        org.triangle_overrides.push(TriangleOverride {
            customer: account.clone(),
            triangle: TriangleType::Growth,
            reason: "加油站数字化改造二期已立项，预计增长30%以上 / phase 2 of the fuel-station \
                     digitalisation is approved; 30 %+ growth expected"
                .to_string(),
            updated_at: now_ms,
        });
    }
    stamp(&mut org, now_ms);

    let mut talent = Talent {
        plan: PlanSettings {
            start_month: "2026-02".to_string(),
            hires_per_month: 2,
            updated_at: now_ms,
        },
        ..Talent::default()
    };
    for role in &mut talent.roles {
        role.updated_at = now_ms;
        role.sources.iter_mut().for_each(|s| s.updated_at = now_ms);
        role.ladder.iter_mut().for_each(|s| s.updated_at = now_ms);
        role.enablement
            .iter_mut()
            .for_each(|e| e.updated_at = now_ms);
    }
    let mut duties = Duties::default();
    for card in &mut duties.cards {
        card.updated_at = now_ms;
    }
    for activity in &mut duties.activities {
        activity.updated_at = now_ms;
    }
    DemoOrg {
        org,
        duties,
        talent,
    }
}

/// Marks the default roles, templates and stages as written at `now_ms`.
fn stamp(org: &mut OrgDesign, now_ms: i64) {
    for role in &mut org.roles {
        role.updated_at = now_ms;
    }
    for row in &mut org.templates {
        row.updated_at = now_ms;
    }
    for stage in &mut org.stages {
        stage.updated_at = now_ms;
    }
}
