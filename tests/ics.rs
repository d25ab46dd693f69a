//! The `.ics` calendar of the routine meetings, read back with a real iCalendar parser (`ical`)
//! and its recurrence rules expanded with `rrule`: the dates a calendar app would show are the
//! dates the app computes.

use std::collections::BTreeMap;
use std::io::BufReader;

use ical::parser::ical::component::IcalEvent;
use kam_planner::domain::governance::{occurrences, Anchor, Cadence, Governance, Meeting};
use kam_planner::persist::ics::{calendar, escape, fold, rrule, IcsLabels};

const NOW: i64 = 1_768_435_200_000; // 2026-01-15T00:00:00Z

fn labels() -> IcsLabels {
    IcsLabels {
        chinese: true,
        participants: "参与角色".into(),
        inputs: "输入".into(),
        outputs: "输出".into(),
        tiers: "客户层级".into(),
        per_account: "每个客户各开一次".into(),
        once: "统一召开一次".into(),
        role_names: BTreeMap::from([("AR".to_string(), "客户责任人".to_string())]),
        tier_names: BTreeMap::new(),
    }
}

fn parse(text: &str) -> Vec<IcalEvent> {
    let mut parser = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let cal = parser.next().expect("one calendar").expect("it parses");
    assert!(parser.next().is_none(), "exactly one calendar");
    cal.events
}

fn prop<'a>(event: &'a IcalEvent, name: &str) -> &'a str {
    event
        .properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
        .unwrap_or_else(|| panic!("{name} missing"))
}

/// The dates the event's DTSTART + RRULE describe, as `YYYY-MM-DD`.
fn expand(event: &IcalEvent) -> Vec<String> {
    let text = format!(
        "DTSTART:{}\nRRULE:{}",
        prop(event, "DTSTART"),
        prop(event, "RRULE")
    );
    let set: rrule::RRuleSet = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
    set.all(1000)
        .dates
        .iter()
        .map(|d| d.date_naive().to_string())
        .collect()
}

fn meeting(id: &str, cadence: Cadence, anchor: Anchor) -> Meeting {
    Meeting {
        id: id.into(),
        name_zh: format!("会议 {id}"),
        name_en: id.into(),
        cadence,
        anchor,
        roles: vec!["AR".into()],
        ..Meeting::default()
    }
}

/// Every cadence and anchor kind, with days that do not exist in every month.
fn every_rule() -> Governance {
    let day = |month, day| Anchor {
        month,
        day,
        ..Anchor::default()
    };
    let weekday = |weekday| Anchor {
        weekday,
        ..Anchor::default()
    };
    let mut doc = Governance::default();
    doc.meetings.extend([
        meeting("weekly_sun", Cadence::Weekly, weekday(7)),
        meeting("biweekly_sat", Cadence::Biweekly, weekday(6)),
        meeting("monthly_31", Cadence::Monthly, day(1, 31)),
        meeting("monthly_30", Cadence::Monthly, day(1, 30)),
        meeting("monthly_29", Cadence::Monthly, day(1, 29)),
        meeting("monthly_1", Cadence::Monthly, day(1, 1)),
        meeting(
            "last_tue",
            Cadence::Monthly,
            Anchor {
                weekday: 2,
                last_weekday: true,
                ..Anchor::default()
            },
        ),
        meeting("quarterly_may31", Cadence::Quarterly, day(5, 31)),
        meeting("semiannual_dec30", Cadence::Semiannual, day(12, 30)),
        meeting("annual_feb29", Cadence::Annual, day(2, 29)),
    ]);
    doc
}

#[test]
fn every_event_reads_back_and_its_rule_gives_the_computed_dates() {
    let doc = every_rule();
    for year in [2026, 2027, 2028] {
        let text = calendar(&doc, year, "ws-1", &labels(), NOW);
        let events = parse(&text);
        assert_eq!(events.len(), doc.meetings.len());
        let mut uids = Vec::new();
        for (event, m) in events.iter().zip(&doc.meetings) {
            let computed: Vec<String> = occurrences(m, year).iter().map(|d| d.iso()).collect();
            assert_eq!(
                expand(event),
                computed,
                "{} in {year}: {}",
                m.id,
                prop(event, "RRULE")
            );
            assert_eq!(prop(event, "DTSTAMP"), "20260115T000000Z");
            assert_eq!(prop(event, "SUMMARY"), escape(&m.name_zh));
            uids.push(prop(event, "UID").to_string());
        }
        uids.sort();
        uids.dedup();
        assert_eq!(uids.len(), doc.meetings.len(), "UIDs are unique");
    }
}

#[test]
fn the_rules_of_the_default_meetings() {
    let doc = Governance::default();
    let events = parse(&calendar(&doc, 2026, "demo", &labels(), NOW));
    let rules: Vec<(&str, &str, &str)> = events
        .iter()
        .map(|e| (prop(e, "DTSTART"), prop(e, "DURATION"), prop(e, "RRULE")))
        .collect();
    assert_eq!(
        rules,
        vec![
            (
                "20260105T090000",
                "PT1H",
                "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T235959"
            ),
            (
                "20260107T140000",
                "PT2H",
                "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;UNTIL=20261231T235959"
            ),
            (
                "20260130T150000",
                "PT2H",
                "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231T235959"
            ),
            (
                "20260331T100000",
                "PT3H",
                "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=28,29,30,31;BYSETPOS=-1;UNTIL=20261231T235959"
            ),
            (
                "20260415T100000",
                "PT4H",
                "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=15;UNTIL=20261231T235959"
            ),
            (
                "20261120T090000",
                "PT8H",
                "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=20;UNTIL=20261231T235959"
            ),
        ]
    );
    assert_eq!(
        prop(&events[0], "UID"),
        "triangle_sync-2026@demo.kam-planner"
    );
    let description = prop(&events[0], "DESCRIPTION");
    assert!(
        description.starts_with(
            "参与角色: 客户责任人\\, SR\\, FR\\n客户层级: strategic\\, value (每个客户各开一次)\\n输入: "
        ),
        "{description}"
    );
}

#[test]
fn a_biweekly_rule_counts_from_the_first_date() {
    let m = meeting(
        "b",
        Cadence::Biweekly,
        Anchor {
            weekday: 5,
            ..Anchor::default()
        },
    );
    assert_eq!(
        rrule(&m, 2027),
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;UNTIL=20271231T235959"
    );
    let doc = Governance {
        bodies: vec![],
        meetings: vec![m],
    };
    let events = parse(&calendar(&doc, 2027, "x", &labels(), NOW));
    // 2027-01-01 is a Friday.
    let dates = expand(&events[0]);
    assert_eq!(&dates[..3], ["2027-01-01", "2027-01-15", "2027-01-29"]);
    assert_eq!(dates.len(), 27);
}

#[test]
fn lines_end_in_crlf_and_fold_at_75_octets_without_splitting_characters() {
    let mut doc = Governance::default();
    let long = "铁三角周例会：项目进展、交付风险、回款计划与客户高层关系的逐项审视，".repeat(4);
    doc.meetings[0].name_zh = long.clone();
    doc.meetings[0].inputs = "经营报告; 线索清单, 交付计划\n第二行 \\ 反斜杠".repeat(3);
    let text = calendar(&doc, 2026, "ws", &labels(), NOW);
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "no bare LF"
    );
    assert_eq!(
        text.matches('\r').count(),
        text.matches("\r\n").count(),
        "no bare CR"
    );
    let bytes = text.as_bytes();
    let mut folded = 0;
    for line in bytes.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        assert!(
            line.len() <= 75,
            "{} octets: {:?}",
            line.len(),
            String::from_utf8_lossy(line)
        );
        assert!(
            std::str::from_utf8(line).is_ok(),
            "a line splits a character"
        );
        if line.first() == Some(&b' ') {
            folded += 1;
        }
    }
    assert!(
        folded >= 6,
        "the long texts are folded ({folded} continuation lines)"
    );
    let events = parse(&text);
    assert_eq!(prop(&events[0], "SUMMARY"), long);
    let description = prop(&events[0], "DESCRIPTION");
    assert!(
        description.contains("输入: 经营报告\\; 线索清单\\, 交付计划\\n第二行 \\\\ 反斜杠经营报告"),
        "{description}"
    );
}

#[test]
fn text_is_escaped_and_a_folded_line_is_exact() {
    assert_eq!(escape("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    let mut doc = Governance::default();
    doc.meetings.truncate(1);
    doc.meetings[0].name_zh = "Review, plan; act \\ now\nnext".into();
    let text = calendar(&doc, 2026, "ws", &labels(), NOW);
    assert!(
        text.contains("\r\nSUMMARY:Review\\, plan\\; act \\\\ now\\nnext\r\n"),
        "{text}"
    );
    // 74 ASCII octets + one 3-octet character: the character moves whole to the next line.
    let line = format!("{}中文", "x".repeat(74));
    assert_eq!(fold(&line), format!("{}\r\n 中文\r\n", "x".repeat(74)));
    assert_eq!(fold("short"), "short\r\n");
}

#[test]
fn english_names_and_a_missing_translation() {
    let mut doc = Governance::default();
    doc.meetings[1].name_en.clear();
    let english = IcsLabels {
        chinese: false,
        ..labels()
    };
    let events = parse(&calendar(&doc, 2026, "ws", &english, NOW));
    assert_eq!(prop(&events[0], "SUMMARY"), "Iron-triangle weekly sync");
    assert_eq!(prop(&events[1], "SUMMARY"), "线索评审会");
}
