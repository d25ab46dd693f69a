//! Tool 5: meeting dates across month ends and leap years, hours per role, the warnings, the
//! checks and the demo's rhythm.

use std::collections::BTreeMap;

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::governance::calendar::{days_in_month, last_weekday_of, Date};
use kam_planner::domain::governance::check::{Owner, ProblemKind};
use kam_planner::domain::governance::{
    check, occurrences, role_hours, stamp, warnings, workspace_accounts, year_calendar, Anchor,
    Cadence, Governance, Meeting, Warning,
};
use kam_planner::domain::org::{OrgDesign, Person, AD, AR, FR, SR};

fn meeting(id: &str, cadence: Cadence, anchor: Anchor) -> Meeting {
    Meeting {
        id: id.into(),
        name_zh: id.into(),
        name_en: id.into(),
        cadence,
        anchor,
        roles: vec![AR.into()],
        ..Meeting::default()
    }
}

fn on_day(month: u8, day: u8) -> Anchor {
    Anchor {
        month,
        day,
        ..Anchor::default()
    }
}

fn iso(dates: &[Date]) -> Vec<String> {
    dates.iter().map(|d| d.iso()).collect()
}

#[test]
fn weekly_meetings_fall_on_every_anchor_weekday_of_the_year() {
    // 2026-01-01 is a Thursday: the first Monday is 5 January, the last 28 December.
    let m = meeting(
        "w",
        Cadence::Weekly,
        Anchor {
            weekday: 1,
            ..Anchor::default()
        },
    );
    let dates = occurrences(&m, 2026);
    assert_eq!(dates.len(), 52);
    assert_eq!(dates[0].iso(), "2026-01-05");
    assert_eq!(dates[51].iso(), "2026-12-28");
    assert!(dates.iter().all(|d| d.weekday() == 1));
    // Thursdays of 2026: 53 of them (the year starts and ends on a Thursday).
    let th = meeting(
        "t",
        Cadence::Weekly,
        Anchor {
            weekday: 4,
            ..Anchor::default()
        },
    );
    let dates = occurrences(&th, 2026);
    assert_eq!(dates.len(), 53);
    assert_eq!(dates[0].iso(), "2026-01-01");
    assert_eq!(dates[52].iso(), "2026-12-31");
}

#[test]
fn biweekly_meetings_skip_a_week_across_month_ends() {
    let m = meeting(
        "b",
        Cadence::Biweekly,
        Anchor {
            weekday: 3,
            ..Anchor::default()
        },
    );
    let dates = occurrences(&m, 2026);
    assert_eq!(
        iso(&dates[..4]),
        ["2026-01-07", "2026-01-21", "2026-02-04", "2026-02-18"]
    );
    assert_eq!(dates.len(), 26);
    assert_eq!(dates[25].iso(), "2026-12-23");
    assert!(dates.windows(2).all(|w| w[1].days() - w[0].days() == 14));
    // A leap year: 2028 starts on a Saturday; first Wednesday is 5 January.
    let dates = occurrences(&m, 2028);
    assert_eq!(dates[0].iso(), "2028-01-05");
    assert_eq!(dates[4].iso(), "2028-03-01");
}

#[test]
fn a_day_beyond_the_month_falls_on_its_last_day() {
    let m = meeting("m", Cadence::Monthly, on_day(1, 31));
    let dates = occurrences(&m, 2026);
    assert_eq!(
        iso(&dates),
        [
            "2026-01-31",
            "2026-02-28",
            "2026-03-31",
            "2026-04-30",
            "2026-05-31",
            "2026-06-30",
            "2026-07-31",
            "2026-08-31",
            "2026-09-30",
            "2026-10-31",
            "2026-11-30",
            "2026-12-31"
        ]
    );
    assert_eq!(occurrences(&m, 2028)[1].iso(), "2028-02-29");
    let thirty = meeting("m30", Cadence::Monthly, on_day(1, 30));
    assert_eq!(occurrences(&thirty, 2028)[1].iso(), "2028-02-29");
    assert_eq!(occurrences(&thirty, 2026)[2].iso(), "2026-03-30");
    // 2100 is not a leap year (divisible by 100), 2000 was (by 400).
    let twenty_nine = meeting("m29", Cadence::Monthly, on_day(1, 29));
    assert_eq!(occurrences(&twenty_nine, 2100)[1].iso(), "2100-02-28");
    assert_eq!(occurrences(&twenty_nine, 2000)[1].iso(), "2000-02-29");
}

#[test]
fn the_last_weekday_of_each_month() {
    let m = meeting(
        "lf",
        Cadence::Monthly,
        Anchor {
            weekday: 5,
            last_weekday: true,
            ..Anchor::default()
        },
    );
    let dates = occurrences(&m, 2026);
    assert_eq!(dates.len(), 12);
    assert_eq!(iso(&dates[..3]), ["2026-01-30", "2026-02-27", "2026-03-27"]);
    assert_eq!(dates[11].iso(), "2026-12-25");
    assert!(dates
        .iter()
        .all(|d| d.weekday() == 5 && d.day + 7 > days_in_month(2026, d.month)));
    // Leap February 2028 ends on a Tuesday: its last Tuesday is the 29th.
    assert_eq!(last_weekday_of(2028, 2, 2).iso(), "2028-02-29");
}

#[test]
fn quarterly_semiannual_and_annual_anchors_wrap_into_the_year() {
    let q = meeting("q", Cadence::Quarterly, on_day(5, 31));
    assert_eq!(
        iso(&occurrences(&q, 2028)),
        ["2028-02-29", "2028-05-31", "2028-08-31", "2028-11-30"]
    );
    let q = meeting("q3", Cadence::Quarterly, on_day(3, 31));
    assert_eq!(
        iso(&occurrences(&q, 2026)),
        ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"]
    );
    let s = meeting("s", Cadence::Semiannual, on_day(10, 15));
    assert_eq!(iso(&occurrences(&s, 2026)), ["2026-04-15", "2026-10-15"]);
    let a = meeting("a", Cadence::Annual, on_day(2, 30));
    assert_eq!(iso(&occurrences(&a, 2026)), ["2026-02-28"]);
    assert_eq!(iso(&occurrences(&a, 2028)), ["2028-02-29"]);
}

#[test]
fn the_year_calendar_counts_meetings_per_month_and_day() {
    let doc = Governance {
        bodies: vec![],
        meetings: vec![
            meeting(
                "w",
                Cadence::Weekly,
                Anchor {
                    weekday: 1,
                    ..Anchor::default()
                },
            ),
            meeting("m", Cadence::Monthly, on_day(1, 5)),
        ],
    };
    let cal = year_calendar(&doc.meetings, 2026);
    assert_eq!(cal.months.len(), 12);
    assert_eq!(cal.total, 52 + 12);
    // January 2026: Mondays 5, 12, 19, 26 and the 5th → 5 occurrences, two on the 5th.
    let jan = &cal.months[0];
    assert_eq!(jan.occurrences, 5);
    assert_eq!(jan.first_weekday, 4);
    assert_eq!(jan.days[4].meetings, vec![0, 1]);
    assert_eq!(cal.months[1].days.len(), 28);
    assert_eq!(year_calendar(&doc.meetings, 2028).months[1].days.len(), 29);
}

fn people(role: &str, n: usize) -> Vec<Person> {
    (0..n)
        .map(|i| Person {
            id: format!("{role}{i}"),
            name: format!("{role} {i}"),
            role: role.into(),
            capacity_fte: 1.0,
            ..Person::default()
        })
        .collect()
}

fn crafted() -> (Governance, OrgDesign, BTreeMap<String, usize>) {
    let mut weekly = meeting(
        "sync",
        Cadence::Weekly,
        Anchor {
            weekday: 1,
            ..Anchor::default()
        },
    );
    weekly.roles = vec![AR.into(), SR.into()];
    weekly.tiers = vec!["strategic".into(), "value".into()];
    weekly.per_account = true;
    weekly.duration_hours = 1.5;
    let mut monthly = meeting("analysis", Cadence::Monthly, on_day(1, 31));
    monthly.roles = vec![AD.into(), AR.into()];
    monthly.tiers = vec!["strategic".into()];
    monthly.duration_hours = 2.0;
    monthly.review = true;
    let doc = Governance {
        bodies: vec![],
        meetings: vec![weekly, monthly],
    };
    let org = OrgDesign {
        account_tiers: vec!["strategic".into(), "value".into()],
        people: [people(AR, 2), people(SR, 4), people(AD, 1)].concat(),
        ..OrgDesign::default()
    };
    let accounts = BTreeMap::from([("strategic".to_string(), 3), ("value".to_string(), 5)]);
    (doc, org, accounts)
}

#[test]
fn hours_per_role_multiply_per_account_meetings_by_the_accounts_in_scope() {
    let (doc, org, accounts) = crafted();
    let hours = role_hours(&doc, &org, &accounts, 2026);
    let ar = hours.iter().find(|r| r.role == AR).unwrap();
    // March 2026 has 5 Mondays: 5 × 1.5 h × 8 accounts = 60 h, plus the monthly analysis once: 2 h.
    assert_eq!(ar.months[2], 62.0);
    // February: 4 Mondays → 48 h + 2 h.
    assert_eq!(ar.months[1], 50.0);
    assert_eq!(ar.total, 52.0 * 12.0 + 24.0);
    assert_eq!(ar.headcount, 2);
    assert_eq!(ar.per_person(2), Some(31.0));
    let share = &ar.meetings[0];
    assert_eq!((share.dates, share.sessions, share.hours), (52, 8, 624.0));
    let sr = hours.iter().find(|r| r.role == SR).unwrap();
    assert_eq!(sr.months[2], 60.0);
    assert_eq!(sr.per_person(2), Some(15.0));
    let ad = hours.iter().find(|r| r.role == AD).unwrap();
    assert_eq!(ad.months, [2.0; 12]);
    let fr = hours.iter().find(|r| r.role == FR).unwrap();
    assert_eq!((fr.total, fr.headcount, fr.per_person(0)), (0.0, 0, None));
}

#[test]
fn a_tier_without_a_review_and_an_overloaded_role_are_warned() {
    let (doc, mut org, accounts) = crafted();
    let hours = role_hours(&doc, &org, &accounts, 2026);
    let found = warnings(&doc, &org, &accounts, &hours, 2026);
    // Only the strategic tier has a review meeting; AR peaks at 31 h per person (< 32 h).
    assert_eq!(
        found,
        vec![Warning::TierWithoutReview {
            tier: "value".into(),
            accounts: 5
        }]
    );
    // One AR fewer: 62 h in March for one person, over 32 h in the months with 5 Mondays and
    // also in 4-Monday months (50 h).
    org.people.retain(|p| p.id != "AR1");
    let hours = role_hours(&doc, &org, &accounts, 2026);
    let found = warnings(&doc, &org, &accounts, &hours, 2026);
    let overloaded = found
        .iter()
        .find_map(|w| match w {
            Warning::RoleOverloaded {
                role,
                month,
                hours,
                headcount,
                per_person,
                limit,
                months_over,
            } => Some((
                role.clone(),
                *month,
                *hours,
                *headcount,
                *per_person,
                *limit,
                *months_over,
            )),
            _ => None,
        })
        .unwrap();
    assert_eq!(overloaded, (AR.to_string(), 2, 62.0, 1, 62.0, 32.0, 12));
    // A review covering the value tier removes the first warning.
    let mut doc = doc;
    doc.meetings[1].tiers.push("value".into());
    let found = warnings(&doc, &org, &accounts, &hours, 2026);
    assert!(!found
        .iter()
        .any(|w| matches!(w, Warning::TierWithoutReview { .. })));
}

#[test]
fn checks_report_each_bad_field() {
    let org = OrgDesign::default();
    let tiers = vec!["strategic".to_string(), "value".to_string()];
    assert!(check(&Governance::default(), &org, &tiers).is_empty());
    let mut doc = Governance::default();
    let m = &mut doc.meetings[0];
    m.name_zh.clear();
    m.name_en = " ".into();
    m.duration_hours = f64::NAN;
    m.roles = vec!["XX".into()];
    m.tiers = vec!["gold".into()];
    m.anchor.weekday = 9;
    m.start_time = "25:00".into();
    doc.meetings[1].id = doc.meetings[0].id.clone();
    doc.meetings[2].anchor.month = 0;
    doc.meetings[3].anchor.day = 0;
    doc.meetings[3].anchor.month = 13;
    let found: Vec<_> = check(&doc, &org, &tiers)
        .into_iter()
        .map(|p| (p.owner, format!("{:?}", p.kind)))
        .collect();
    assert_eq!(
        found,
        vec![
            (Owner::Meeting(0), "MissingName".into()),
            (Owner::Meeting(0), "BadDuration(NaN)".into()),
            (Owner::Meeting(0), "BadStartTime(\"25:00\")".into()),
            (Owner::Meeting(0), "UnknownRole(\"XX\")".into()),
            (Owner::Meeting(0), "UnknownTier(\"gold\")".into()),
            (Owner::Meeting(0), "BadWeekday(9)".into()),
            (
                Owner::Meeting(1),
                format!("{:?}", ProblemKind::DuplicateId("triangle_sync".into()))
            ),
            (Owner::Meeting(3), "BadDay(0)".into()),
            (Owner::Meeting(3), "BadMonth(13)".into()),
        ]
    );
}

#[test]
fn stamping_marks_only_changed_meetings() {
    let old = Governance::default();
    let mut new = old.clone();
    new.meetings[2].duration_hours = 3.0;
    let next = stamp(&old, &new, 77);
    assert_eq!(next.meetings[2].updated_at, 77);
    assert_eq!(next.meetings[1].updated_at, 0);
    assert_eq!(next.bodies[0].updated_at, 0);
}

#[test]
fn the_demo_rhythm_covers_its_tiers_and_sums_hours() {
    let ws = demo::build("demo", 1_768_435_200_000, DemoLocale::Zh);
    let doc = &ws.governance;
    assert_eq!(doc.meetings.len(), 6);
    assert_eq!(doc.bodies.len(), 2);
    assert_eq!(ws.org.account_tiers, ["strategic", "value"]);
    let tiers: Vec<String> = ws.tiering.tiers.iter().map(|t| t.id.clone()).collect();
    assert!(check(doc, &ws.org, &tiers).is_empty());
    let accounts = workspace_accounts(&ws);
    let cal = year_calendar(&doc.meetings, ws.meta.fiscal_year);
    // 52 Mondays + 26 Wednesdays + 12 last Fridays + 4 quarter ends + 2 visits + 1 plan.
    assert_eq!(cal.total, 97);
    // January 2026: 4 Mondays, 2 lead reviews (7th, 21st), the analysis on the 30th.
    assert_eq!(cal.months[0].occurrences, 7);
    let hours = role_hours(doc, &ws.org, &accounts, ws.meta.fiscal_year);
    let found = warnings(doc, &ws.org, &accounts, &hours, ws.meta.fiscal_year);
    assert!(!found
        .iter()
        .any(|w| matches!(w, Warning::TierWithoutReview { .. })));
    let n: usize = accounts.values().sum();
    let ad = hours.iter().find(|r| r.role == AD).unwrap();
    // AD in January: 2 lead reviews × 2 h + the analysis 2 h, once each.
    assert_eq!(ad.months[0], 6.0);
    let fr = hours.iter().find(|r| r.role == FR).unwrap();
    // FR in January: 4 weekly syncs × 1 h × every account, plus the 2 h analysis.
    assert_eq!(fr.months[0], 4.0 * n as f64 + 2.0);
    assert_eq!(accounts.get("strategic"), Some(&5));
    assert_eq!(accounts.get("value"), Some(&10));
    // November: the annual plan 8 h × 15 accounts, 2 lead reviews × 2 h, the analysis 2 h =
    // 126 h for 3 ADs → 42 h each, over 32 h.
    assert_eq!(
        found,
        vec![Warning::RoleOverloaded {
            role: AD.into(),
            month: 10,
            hours: 126.0,
            headcount: 3,
            per_person: 42.0,
            limit: 32.0,
            months_over: 1,
        }]
    );
}
