//! The plan report as Markdown: title, workspace and date, then per section its figures as a
//! list, its table and its findings — with the account plan's table writer and [`Words`].

use std::fmt::Write;

use super::{PlanReport, Section, Value};
use crate::domain::account_plan::markdown::{pct, table};
use crate::domain::account_plan::words::{coverage_text, kv};
use crate::domain::account_plan::Words;
use crate::domain::diagnosis::signals::Signal;
use crate::domain::org::board::format_fte;

/// A value in the words of `w`.
pub fn value_text(w: &dyn Words, v: &Value) -> String {
    match v {
        Value::Count(n) => n.to_string(),
        Value::Pct(p) => pct(*p),
        Value::Amount(a) => w.num(*a),
        Value::Number(Some(x), d) => format!("{x:.d$}", d = *d),
        Value::Number(None, _) => "—".to_string(),
        Value::Fte(f) => format_fte(*f),
        Value::Text(t) => t.clone(),
        Value::Pair(zh, en) => w.pick(&(zh.clone(), en.clone())).to_string(),
        Value::Key(k) => w.t(k),
        Value::Coverage(c) => coverage_text(w, Some(*c)),
    }
}

/// A finding in the words of `w`, with the first names it concerns.
pub fn finding_text(w: &dyn Words, f: &Signal) -> String {
    let mut line = w.signal(f);
    if !f.examples.is_empty() {
        line.push_str(
            &w.tf(
                "report.examples",
                &[(
                    "names",
                    &f.examples
                        .iter()
                        .map(|e| w.local(e))
                        .collect::<Vec<_>>()
                        .join(&w.t("account.list_sep")),
                )],
            ),
        );
    }
    line
}

/// The report as Markdown in the language of `w`.
pub fn markdown(r: &PlanReport, w: &dyn Words) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        w.tf("report.md_title", &[("workspace", &r.workspace)])
    );
    let _ = writeln!(
        out,
        "{}\n",
        w.tf(
            "report.md_byline",
            &[("date", &r.today), ("year", &r.fiscal_year.to_string())]
        )
    );
    for s in &r.sections {
        section(&mut out, s, w);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn section(out: &mut String, s: &Section, w: &dyn Words) {
    let _ = writeln!(out, "## {}\n", w.t(&format!("report.section_{}", s.key)));
    if s.empty {
        let _ = writeln!(out, "_{}_\n", w.t(&format!("report.empty_{}", s.key)));
    }
    if !s.figures.is_empty() {
        for f in &s.figures {
            let label = w.t(&format!("report.fig_{}", f.label));
            let _ = writeln!(out, "- {}", kv(w, &label, &value_text(w, &f.value)));
        }
        out.push('\n');
    }
    if !s.table.rows.is_empty() {
        let head: Vec<String> = s
            .table
            .head
            .iter()
            .map(|k| w.t(&format!("report.col_{k}")))
            .collect();
        let rows: Vec<Vec<String>> = s
            .table
            .rows
            .iter()
            .map(|r| r.iter().map(|v| value_text(w, v)).collect())
            .collect();
        table(out, &head, &rows);
    }
    if let (false, Some(findings)) = (s.empty, &s.findings) {
        let _ = writeln!(out, "**{}**\n", w.t("report.findings"));
        if findings.is_empty() {
            let _ = writeln!(out, "- {}\n", w.t("report.no_findings"));
        } else {
            for f in findings {
                let _ = writeln!(out, "- ⚠ {}", finding_text(w, f));
            }
            out.push('\n');
        }
    }
}
