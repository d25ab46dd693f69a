//! Tool 3 — iron-triangle staffing: triangle types, required / assigned / gap sums on crafted
//! data (every expected figure computed by hand in the comments), loads, missing roles, the
//! under-staffed threshold and the reporting of references that do not resolve.

use kam_planner::domain::org::staffing::{self, heads_for, Staffing, StaffingNotice};
use kam_planner::domain::org::triangle::{derive, triangle_of, TriangleRules, TriangleWhy};
use kam_planner::domain::org::{
    Assignment, OrgDesign, Person, TriangleOverride, TriangleType, AD, AR, FR, SR,
};
use kam_planner::domain::tiering::TieringConfig;
use kam_planner::domain::workspace::{Customer, TierOverride, YearPurchase};
use proptest::prelude::*;

/// A customer put in `tier` by an override, with revenue, years of cooperation and growth.
fn customer(id: &str, tier: &str, revenue: f64, years: u32, growth: Option<f64>) -> Customer {
    Customer {
        id: id.to_string(),
        name: format!("客户{id}"),
        annual_purchase: revenue,
        revenue,
        years_of_cooperation: years,
        growth_pct: growth,
        tier_override: Some(TierOverride {
            tier: tier.to_string(),
            reason: "test".to_string(),
        }),
        ..Customer::default()
    }
}

fn person(id: &str, role: &str, capacity: f64) -> Person {
    Person {
        id: id.to_string(),
        name: id.to_uppercase(),
        role: role.to_string(),
        capacity_fte: capacity,
        ..Person::default()
    }
}

fn assign(id: &str, person: &str, account: &str, role: &str, fte: f64) -> Assignment {
    Assignment {
        id: id.to_string(),
        person: person.to_string(),
        account: account.to_string(),
        role: role.to_string(),
        fte,
        updated_at: 0,
    }
}

fn run(design: &OrgDesign, customers: &[Customer]) -> Staffing {
    let tiering = TieringConfig::default();
    let tiers = tiering.assign_all(customers);
    staffing::staffing(design, &tiering, customers, &tiers)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Four accounts of three tiers and one ordinary customer (not an account).
fn crafted_customers() -> Vec<Customer> {
    vec![
        customer("o1", "ordinary", 1e5, 5, Some(0.0)),
        customer("p1", "potential", 2e6, 5, Some(5.0)),
        customer("v1", "value", 6e6, 5, Some(30.0)),
        customer("s2", "strategic", 0.0, 0, None),
        customer("s1", "strategic", 2e7, 5, Some(5.0)),
    ]
}

fn crafted_design() -> OrgDesign {
    OrgDesign {
        people: vec![
            person("ad1", AD, 1.0),
            person("ar1", AR, 1.0),
            person("ar2", AR, 0.8),
            person("sr1", SR, 1.0),
            person("fr1", FR, 1.0),
        ],
        assignments: vec![
            assign("a1", "ad1", "s1", AD, 0.5),
            assign("a2", "ad1", "s2", AD, 0.5),
            assign("a3", "ar1", "s1", AR, 1.0),
            assign("a4", "ar1", "v1", AR, 0.5),
            assign("a5", "ar2", "s2", AR, 0.8),
            // s2 is a strategic expansion account, where the AR doubles as FR.
            assign("a6", "ar2", "s2", FR, 0.5),
            assign("a7", "sr1", "s1", SR, 1.0),
            assign("a8", "fr1", "s1", FR, 0.5),
            assign("a9", "fr1", "v1", FR, 0.5),
        ],
        ..OrgDesign::default()
    }
}

#[test]
fn triangle_type_on_each_branch() {
    let rules = TriangleRules::default();
    let c = |revenue, years, growth| customer("x", "value", revenue, years, growth);

    let no_revenue = derive(&c(0.0, 9, Some(50.0)), &rules);
    assert_eq!(no_revenue.triangle, TriangleType::Expansion);
    assert_eq!(no_revenue.why, TriangleWhy::NoRevenue { revenue: 0.0 });
    let refund = derive(&c(-5.0, 9, None), &rules);
    assert_eq!(refund.triangle, TriangleType::Expansion);
    assert_eq!(
        derive(&c(f64::NAN, 9, None), &rules).triangle,
        TriangleType::Expansion
    );

    // New: at most one year of cooperation; the second year is no longer new.
    let new = derive(&c(1e6, 1, Some(50.0)), &rules);
    assert_eq!(new.triangle, TriangleType::Expansion);
    let why = TriangleWhy::New {
        years_of_cooperation: 1,
        max_years: 1,
    };
    assert_eq!(new.why, why);
    assert_eq!(
        derive(&c(1e6, 0, None), &rules).triangle,
        TriangleType::Expansion
    );
    assert_eq!(
        derive(&c(1e6, 2, Some(50.0)), &rules).triangle,
        TriangleType::Growth
    );

    // Growth: exactly 20 % is growth, 19.9 % is mature.
    let growing = derive(&c(1e6, 3, Some(20.0)), &rules);
    assert_eq!(growing.triangle, TriangleType::Growth);
    let why = TriangleWhy::Growing {
        growth_pct: 20.0,
        min_pct: 20.0,
        from_history: false,
    };
    assert_eq!(growing.why, why);
    let steady = derive(&c(1e6, 3, Some(19.9)), &rules);
    assert_eq!(steady.triangle, TriangleType::Mature);
    assert!(matches!(steady.why, TriangleWhy::Steady { growth_pct, .. } if growth_pct == 19.9));

    // Growth derived from the history: 2024 → 2025 = 100 → 125, +25 %.
    let mut history = c(1e6, 3, None);
    history.history = vec![
        YearPurchase {
            year: 2025,
            annual_purchase: 125.0,
        },
        YearPurchase {
            year: 2024,
            annual_purchase: 100.0,
        },
    ];
    let derived = derive(&history, &rules);
    assert_eq!(derived.triangle, TriangleType::Growth);
    let why = TriangleWhy::Growing {
        growth_pct: 25.0,
        min_pct: 20.0,
        from_history: true,
    };
    assert_eq!(derived.why, why);

    let unknown = derive(&c(1e6, 3, None), &rules);
    assert_eq!(unknown.triangle, TriangleType::Mature);
    assert_eq!(unknown.why, TriangleWhy::GrowthUnknown);

    // Thresholds are editable.
    let strict = TriangleRules {
        growth_min_pct: 30.0,
        new_max_years: 3,
    };
    assert_eq!(
        derive(&c(1e6, 3, Some(25.0)), &strict).triangle,
        TriangleType::Expansion
    );
    assert_eq!(
        derive(&c(1e6, 4, Some(25.0)), &strict).triangle,
        TriangleType::Mature
    );
}

#[test]
fn a_triangle_override_wins_and_gives_its_reason() {
    let c = customer("x", "value", 0.0, 0, None);
    let mut design = OrgDesign::default();
    assert_eq!(triangle_of(&design, &c).triangle, TriangleType::Expansion);
    design.triangle_overrides.push(TriangleOverride {
        customer: "x".to_string(),
        triangle: TriangleType::Mature,
        reason: "框架协议续签".to_string(),
        updated_at: 0,
    });
    let call = triangle_of(&design, &c);
    assert_eq!(call.triangle, TriangleType::Mature);
    let why = TriangleWhy::Override {
        reason: "框架协议续签".to_string(),
    };
    assert_eq!(call.why, why);
}

#[test]
fn accounts_are_the_chosen_tiers_top_tier_first_then_by_purchase() {
    let s = run(&crafted_design(), &crafted_customers());
    let ids: Vec<&str> = s.accounts.iter().map(|a| a.account.id.as_str()).collect();
    assert_eq!(ids, ["s1", "s2", "v1", "p1"]);
    let types: Vec<TriangleType> = s
        .accounts
        .iter()
        .map(|a| a.account.triangle.triangle)
        .collect();
    use TriangleType::{Expansion, Growth, Mature};
    assert_eq!(types, [Mature, Expansion, Growth, Mature]);
    assert_eq!(
        s.accounts[1].template.as_deref(),
        Some("strategic.expansion")
    );

    let mut only_top = crafted_design();
    only_top.account_tiers = vec!["strategic".to_string()];
    only_top.assignments.clear();
    let s = run(&only_top, &crafted_customers());
    assert_eq!(s.accounts.len(), 2);
}

#[test]
fn required_assigned_and_gaps_add_up() {
    let s = run(&crafted_design(), &crafted_customers());
    assert_eq!(s.notices, []);
    // Required: s1 0.5+1+1+1 = 3.5; s2 (expansion) 0.5+1+1+0.5 = 3; v1 1+0.5+0.5 = 2;
    // p1 0.25+0.1 = 0.35.
    let required: Vec<f64> = s.accounts.iter().map(|a| a.required).collect();
    assert!(required
        .iter()
        .zip([3.5, 3.0, 2.0, 0.35])
        .all(|(a, b)| close(*a, b)));
    // Assigned: s1 0.5+1+1+0.5 = 3; s2 0.5+0.8+0.5 = 1.8; v1 0.5+0.5 = 1; p1 0.
    let assigned: Vec<f64> = s.accounts.iter().map(|a| a.assigned).collect();
    assert!(assigned
        .iter()
        .zip([3.0, 1.8, 1.0, 0.0])
        .all(|(a, b)| close(*a, b)));

    let s2 = s.account("s2").expect("s2");
    assert!(close(s2.role(FR).expect("FR").required, 0.5));
    assert_eq!(s2.role(FR).expect("FR").people[0].person, "ar2");

    // Per role: required AD 0.5+0.5 = 1; AR 1+1+1+0.25 = 3.25; SR 1+1+0.5+0.1 = 2.6;
    // FR 1+0.5+0.5 = 2. Capacity AD 1, AR 1+0.8 = 1.8, SR 1, FR 1.
    let expect = [
        // (role, required, assigned, capacity, headcount, gap FTE, heads)
        (AD, 1.0, 1.0, 1.0, 1, 0.0, 0),
        (AR, 3.25, 2.3, 1.8, 2, 1.45, 2),
        (SR, 2.6, 1.0, 1.0, 1, 1.6, 2),
        (FR, 2.0, 1.5, 1.0, 1, 1.0, 1),
    ];
    for (role, required, assigned, capacity, headcount, gap, heads) in expect {
        let r = s.role(role).expect("role");
        assert!(
            close(r.required, required),
            "{role} required {}",
            r.required
        );
        assert!(
            close(r.assigned, assigned),
            "{role} assigned {}",
            r.assigned
        );
        assert!(
            close(r.capacity, capacity),
            "{role} capacity {}",
            r.capacity
        );
        assert_eq!(r.headcount, headcount, "{role}");
        assert!(close(r.gap_fte, gap), "{role} gap {}", r.gap_fte);
        assert_eq!(r.gap_heads, heads, "{role}");
    }

    // Accounts per AR: 4 accounts, 2 ARs; ar1 holds s1 and v1 as AR, ar2 only s2 (its FR part
    // does not count).
    let per_ar = &s.accounts_per_ar;
    assert_eq!((per_ar.accounts, per_ar.ar_headcount), (4, 2));
    assert_eq!(per_ar.ratio, Some(2.0));
    let expected = [("ar1".to_string(), 2), ("ar2".to_string(), 1)];
    assert_eq!(per_ar.per_person, expected);
}

#[test]
fn people_over_their_capacity_are_over_allocated() {
    let s = run(&crafted_design(), &crafted_customers());
    // ad1 0.5+0.5 = 1.0 of 1.0: full, not over. ar1 1+0.5 = 1.5 of 1. ar2 0.8+0.5 = 1.3 of 0.8.
    let ad1 = s.person("ad1").expect("ad1");
    assert!(close(ad1.load, 1.0) && !ad1.over_allocated);
    assert_eq!(ad1.load_pct, Some(100.0));
    let ar1 = s.person("ar1").expect("ar1");
    assert!(close(ar1.load, 1.5) && ar1.over_allocated);
    assert_eq!((ar1.accounts, ar1.assignments.clone()), (2, vec![2, 3]));
    let ar2 = s.person("ar2").expect("ar2");
    assert!(close(ar2.load, 1.3) && ar2.over_allocated);
    assert!(close(ar2.load_pct.expect("pct"), 162.5));
    let over: Vec<&str> = s
        .over_allocated
        .iter()
        .map(|&i| s.people[i].person.as_str())
        .collect();
    assert_eq!(over, ["ar1", "ar2"]);

    // Half-time person on half an account: full, not over; a hundredth more is over.
    let mut design = crafted_design();
    design.people = vec![person("h", SR, 0.5)];
    design.assignments = vec![assign("x", "h", "v1", SR, 0.5)];
    assert!(run(&design, &crafted_customers()).over_allocated.is_empty());
    design.assignments[0].fte = 0.51;
    assert_eq!(run(&design, &crafted_customers()).over_allocated, [0]);
}

#[test]
fn roles_required_but_unassigned_are_missing() {
    let s = run(&crafted_design(), &crafted_customers());
    let missing: Vec<(&str, &str, f64)> = s
        .missing
        .iter()
        .map(|m| {
            (
                s.accounts[m.account].account.id.as_str(),
                m.role.as_str(),
                m.required,
            )
        })
        .collect();
    // s1 has every role; AD is not required on v1 and p1, FR not on p1.
    assert_eq!(
        missing,
        [
            ("s2", SR, 1.0),
            ("v1", SR, 0.5),
            ("p1", AR, 0.25),
            ("p1", SR, 0.1)
        ]
    );
    assert_eq!(s.account("p1").expect("p1").missing, [AR, SR]);
    assert!(s.account("s1").expect("s1").missing.is_empty());
}

#[test]
fn under_staffed_below_eighty_percent_of_required() {
    let s = run(&crafted_design(), &crafted_customers());
    // Covered: s1 3/3.5 = 85.7 %; s2 1.8/3 = 60 %; v1 1/2 = 50 %; p1 0 %.
    let under: Vec<&str> = s
        .under_staffed
        .iter()
        .map(|&i| s.accounts[i].account.id.as_str())
        .collect();
    assert_eq!(under, ["s2", "v1", "p1"]);
    assert!(close(
        s.account("s2").expect("s2").coverage_pct.expect("pct"),
        60.0
    ));

    // A value account needs 2: AR 1 + SR 0.1 + FR 0.5 = 1.6 is exactly 80 %, not under-staffed.
    let customers = vec![customer("v", "value", 6e6, 5, Some(0.0))];
    let mut design = OrgDesign {
        people: vec![
            person("ar", AR, 1.0),
            person("sr", SR, 1.0),
            person("fr", FR, 1.0),
        ],
        assignments: vec![
            assign("x1", "ar", "v", AR, 1.0),
            assign("x2", "sr", "v", SR, 0.1),
            assign("x3", "fr", "v", FR, 0.5),
        ],
        ..OrgDesign::default()
    };
    let s = run(&design, &customers);
    assert!(close(s.accounts[0].coverage_pct.expect("pct"), 80.0));
    assert!(!s.accounts[0].under_staffed);
    // 0.09 SR: 1.59 / 2 = 79.5 %.
    design.assignments[1].fte = 0.09;
    assert!(run(&design, &customers).accounts[0].under_staffed);
    // A surplus elsewhere does not make up for it: AR 1.5 + SR 0 + FR 0.5 covers 1.5 of 2.
    design.assignments[0].fte = 1.5;
    design.assignments.remove(1);
    let s = run(&design, &customers);
    assert!(close(s.accounts[0].assigned, 2.0) && close(s.accounts[0].covered, 1.5));
    assert!(s.accounts[0].under_staffed);
    // The threshold is editable: at 70 % the 75 % account is fine.
    design.understaffed_below_pct = 70.0;
    assert!(!run(&design, &customers).accounts[0].under_staffed);
}

#[test]
fn unresolved_references_are_reported_and_not_counted() {
    let mut design = crafted_design();
    design.people.push(person("ghost-role", "XX", 1.0));
    design.people.push(person("bad-cap", SR, f64::NAN));
    design.assignments = vec![
        assign("ok", "sr1", "s1", SR, 1.0),
        assign("no-person", "nobody", "s1", SR, 1.0),
        assign("no-customer", "sr1", "c-404", SR, 1.0),
        assign("ordinary", "sr1", "o1", SR, 0.2),
        assign("no-role", "sr1", "s1", "XX", 1.0),
        assign("zero", "sr1", "s1", SR, 0.0),
        assign("nan", "sr1", "s1", SR, f64::NAN),
        assign("mismatch", "fr1", "v1", SR, 0.25),
        assign("again", "sr1", "s1", SR, 0.1),
    ];
    design.templates.retain(|t| t.id != "potential.mature");
    let s = run(&design, &crafted_customers());
    let n = |s: &str| s.to_string();
    // Debug text, because a NaN inside a notice is never equal to itself.
    let expected = [
        StaffingNotice::NoTemplate {
            account: n("p1"),
            tier: n("potential"),
            triangle: TriangleType::Mature,
        },
        StaffingNotice::PersonUnknownRole {
            person: n("ghost-role"),
            role: n("XX"),
        },
        StaffingNotice::InvalidCapacity {
            person: n("bad-cap"),
            capacity: f64::NAN,
        },
        StaffingNotice::UnknownPerson {
            assignment: n("no-person"),
            person: n("nobody"),
        },
        StaffingNotice::UnknownCustomer {
            assignment: n("no-customer"),
            customer: n("c-404"),
        },
        StaffingNotice::NotAnAccount {
            assignment: n("ordinary"),
            customer: n("o1"),
        },
        StaffingNotice::UnknownRole {
            assignment: n("no-role"),
            role: n("XX"),
        },
        StaffingNotice::InvalidFte {
            assignment: n("zero"),
            fte: 0.0,
        },
        StaffingNotice::InvalidFte {
            assignment: n("nan"),
            fte: f64::NAN,
        },
        StaffingNotice::RoleMismatch {
            assignment: n("mismatch"),
            person: n("fr1"),
            person_role: n(FR),
            role: n(SR),
        },
        StaffingNotice::DuplicateAssignment {
            assignment: n("again"),
            first: n("ok"),
        },
    ];
    let debug = |v: &[StaffingNotice]| v.iter().map(|x| format!("{x:?}")).collect::<Vec<_>>();
    assert_eq!(debug(&s.notices), debug(&expected));

    // Counted: ok 1.0 and again 0.1 on s1, mismatch 0.25 on v1 (fr1's load), ordinary 0.2 in
    // sr1's load only.
    let sr1 = s.person("sr1").expect("sr1");
    assert!(close(sr1.load, 1.3), "{}", sr1.load);
    assert_eq!(sr1.accounts, 2);
    assert!(close(
        s.account("s1").expect("s1").role(SR).expect("SR").assigned,
        1.1
    ));
    assert!(close(
        s.account("v1").expect("v1").role(SR).expect("SR").assigned,
        0.25
    ));
    assert!(close(s.person("fr1").expect("fr1").load, 0.25));
    let sr = s.role(SR).expect("SR");
    assert!(close(sr.assigned, 1.35));
    // bad-cap counts as capacity 0; the person of the unknown role in no role.
    assert!(close(sr.capacity, 1.0));
    assert_eq!(sr.headcount, 2);
    // p1 has no template row: it requires nothing and is not under-staffed.
    let p1 = s.account("p1").expect("p1");
    assert_eq!(
        (p1.template.clone(), p1.required, p1.under_staffed),
        (None, 0.0, false)
    );
    assert_eq!(p1.coverage_pct, None);
}

#[test]
fn heads_round_the_gap_up_to_whole_people() {
    assert_eq!(heads_for(0.0), 0);
    assert_eq!(heads_for(-2.5), 0);
    assert_eq!(heads_for(f64::NAN), 0);
    assert_eq!(heads_for(0.05), 1);
    assert_eq!(heads_for(3.0), 3);
    assert_eq!(heads_for(3.5), 4);
    // 75 potential accounts × 0.1 SR is 7.499999999999… in binary, still 8 people; and a sum
    // landing a hair above a whole number is that number.
    let sum: f64 = (0..75).map(|_| 0.1).sum();
    assert_eq!(heads_for(sum), 8);
    assert_eq!(heads_for(3.000_000_000_1), 3);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the assignments, each person's load is the sum of their counted assignments, and
    /// the FTE on the board plus the FTE outside the accounts is the sum of the loads.
    #[test]
    fn loads_add_up_to_the_counted_assignments(
        rows in prop::collection::vec((0usize..7, 0usize..7, 0usize..5, -1.0f64..2.0), 0..40)
    ) {
        let people = ["ad1", "ar1", "ar2", "sr1", "fr1", "nobody", "ar1"];
        let accounts = ["s1", "s2", "v1", "p1", "o1", "c-404", "v1"];
        let roles = [AD, AR, SR, FR, "XX"];
        let mut design = crafted_design();
        design.assignments = rows
            .iter()
            .enumerate()
            .map(|(i, &(p, a, r, fte))| assign(&format!("a{i}"), people[p], accounts[a], roles[r], fte))
            .collect();
        let s = run(&design, &crafted_customers());
        let known_person = |p: &str| design.people.iter().any(|x| x.id == p);
        let counted: f64 = design
            .assignments
            .iter()
            .filter(|a| a.fte > 0.0 && known_person(&a.person) && a.role != "XX" && a.account != "c-404")
            .map(|a| a.fte)
            .sum();
        let loads: f64 = s.people.iter().map(|p| p.load).sum();
        prop_assert!((loads - counted).abs() < 1e-9);
        for p in &s.people {
            let own: f64 = p.assignments.iter().map(|&i| design.assignments[i].fte).sum();
            prop_assert!((own - p.load).abs() < 1e-9);
        }
        let outside: f64 = design
            .assignments
            .iter()
            .filter(|a| a.fte > 0.0 && known_person(&a.person) && a.role != "XX" && a.account == "o1")
            .map(|a| a.fte)
            .sum();
        let on_board: f64 = s.accounts.iter().map(|a| a.assigned).sum();
        prop_assert!((on_board + outside - loads).abs() < 1e-9);
        let by_role: f64 = s.roles.iter().map(|r| r.assigned).sum();
        prop_assert!((by_role - on_board).abs() < 1e-9);
    }
}
