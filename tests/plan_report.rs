//! The plan report of the whole workspace (issue 16) on the demo: the real figures of each
//! section, the diagnosis's weakest dimension and verdicts, an empty workspace's sections
//! saying what would fill them, and the Markdown export compared with its reviewed fixture.

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::plan_report::{self, markdown, PlanReport, Section, Value};
use kam_planner::domain::workspace::Workspace;
use kam_planner::ui::i18n::{I18n, Lang};
use kam_planner::ui::views::account::words::PlanWords;

const NOW: i64 = 1_768_435_200_000;

fn demo_ws() -> Workspace {
    demo::build("demo", NOW, DemoLocale::Zh)
}

fn report_of(ws: &Workspace) -> PlanReport {
    plan_report::report(ws, &ws.meta.today)
}

fn md(ws: &Workspace, lang: Lang) -> String {
    markdown(
        &report_of(ws),
        &PlanWords {
            i18n: I18n { lang },
            ws,
        },
    )
}

fn fixture(lang: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/plan_report")
        .join(format!("demo.{lang}.md"))
}

fn demo_en() -> Workspace {
    demo::build("demo", NOW, DemoLocale::En)
}

fn section<'a>(r: &'a PlanReport, key: &str) -> &'a Section {
    r.section(key).expect("the report has this section")
}

fn count(s: &Section, label: &str) -> usize {
    match s.figure(label) {
        Some(Value::Count(n)) => *n,
        other => panic!("{label}: {other:?}"),
    }
}

#[test]
fn the_tier_structure_and_concentration_of_the_demo() {
    let ws = demo_ws();
    let r = report_of(&ws);
    assert_eq!(r.workspace, "示例集团");
    assert_eq!(r.today, "2026-01-15");
    let keys: Vec<&str> = r.sections.iter().map(|s| s.key).collect();
    assert_eq!(
        keys,
        [
            "structure",
            "concentration",
            "portfolio",
            "teams",
            "rhythm",
            "engagement",
            "kpi",
            "pipeline",
            "relationships",
            "diagnosis"
        ]
    );
    let s = section(&r, "structure");
    assert_eq!(count(s, "customers"), 250);
    let counts: Vec<&Value> = s.table.rows.iter().map(|row| &row[1]).collect();
    assert_eq!(
        counts,
        [5, 10, 75, 90, 70]
            .map(Value::Count)
            .iter()
            .collect::<Vec<_>>()
    );
    // Strategic: 5 customers are 2 % against a target of 5 % — the "top too thin" finding.
    assert_eq!(s.table.rows[0][2], Value::Pct(Some(2.0)));
    assert_eq!(s.table.rows[0][3], Value::Pct(Some(5.0)));
    let faults: Vec<&str> = s
        .findings
        .iter()
        .flatten()
        .map(|f| f.subject.as_str())
        .collect();
    assert!(faults.contains(&"top_too_thin"), "{faults:?}");

    let c = section(&r, "concentration");
    assert_eq!(count(c, "pareto_customers"), 70);
    match c.figure("gini") {
        Some(Value::Number(Some(g), 2)) => assert!((g - 0.69).abs() < 0.005, "{g}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(c.findings, None);
}

#[test]
fn the_teams_gaps_pipeline_and_relationships_of_the_demo() {
    let ws = demo_ws();
    let r = report_of(&ws);
    let t = section(&r, "teams");
    assert_eq!(count(t, "accounts"), 15);
    assert_eq!(count(t, "under_staffed"), 6);
    assert_eq!(count(t, "over_allocated"), 1);
    // SR: 10 FTE required, 6.5 of capacity — four people to hire.
    let sr = t
        .table
        .rows
        .iter()
        .find(|row| row[0] == Value::Pair("解决方案责任人".into(), "Solution responsible".into()))
        .expect("an SR row");
    assert_eq!(sr[5], Value::Count(4));
    let missing: Vec<(&str, usize)> = t
        .findings
        .iter()
        .flatten()
        .filter(|f| f.kind.key() == "missing_role")
        .map(|f| (f.subject.as_str(), f.count))
        .collect();
    assert_eq!(missing, [("SR", 4), ("FR", 2)]);

    let p = section(&r, "pipeline");
    assert_eq!(count(p, "overdue_count"), 8);
    assert_eq!(count(p, "opportunities"), 60);

    let m = section(&r, "relationships");
    assert_eq!(m.table.rows.len(), 2);
    assert_eq!(m.table.rows[0][1], Value::Count(5));
    assert_eq!(m.findings.as_ref().map(Vec::len), Some(6));

    let e = section(&r, "engagement");
    assert_eq!(count(e, "actions_done"), 18);
    assert_eq!(count(e, "actions_target"), 205);
}

#[test]
fn the_diagnosis_weakest_dimension_and_the_organisation_rated_too_high() {
    let ws = demo_ws();
    let r = report_of(&ws);
    let d = section(&r, "diagnosis");
    assert_eq!(
        d.figure("weakest"),
        Some(&Value::Key("diagnosis.dim_incentives".into()))
    );
    // O: rated 4.0 by the respondents, but the data has 5 findings — rated too high.
    let o = &d.table.rows[1];
    assert_eq!(o[0], Value::Key("diagnosis.dim_organization".into()));
    match o[1] {
        Value::Number(Some(m), 1) => assert!((m - 4.0).abs() < 0.05, "{m}"),
        ref other => panic!("{other:?}"),
    }
    assert_eq!(o[2], Value::Count(5));
    assert_eq!(o[3], Value::Key("report.verdict_rated_high".into()));
    assert_eq!(d.findings, None);
}

#[test]
fn an_empty_workspace_says_what_would_fill_each_section() {
    let ws = Workspace::empty("w", "空白公司", 0);
    let r = report_of(&ws);
    let empty: Vec<&str> = r
        .sections
        .iter()
        .filter(|s| s.empty)
        .map(|s| s.key)
        .collect();
    // The rhythm and the KPI cards come with the method's defaults; the rest needs data.
    assert_eq!(
        empty,
        [
            "structure",
            "concentration",
            "portfolio",
            "teams",
            "engagement",
            "pipeline",
            "relationships"
        ]
    );
    let text = md(&ws, Lang::En);
    assert!(
        text.starts_with("# 空白公司 · Key account plan report"),
        "{text}"
    );
    assert!(
        text.contains("_No customers yet: import or enter customers to see the tier structure._")
    );
    assert!(!text.contains("report."), "{text}");
}

#[test]
fn the_markdown_of_the_demo_is_the_reviewed_fixture_in_both_languages() {
    for (ws, lang, tag) in [(demo_ws(), Lang::ZhCn, "zh"), (demo_en(), Lang::En, "en")] {
        let text = md(&ws, lang);
        // Every label came from the catalogue: no key is left in the text.
        assert!(!text.contains("report."), "{text}");
        let path = fixture(tag);
        if std::env::var_os("KAM_WRITE_FIXTURES").is_some() {
            std::fs::write(&path, &text).expect("fixture written");
        }
        let want = std::fs::read_to_string(&path).expect("fixture readable");
        assert_eq!(text, want, "{}", path.display());
    }
}
