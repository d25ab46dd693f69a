//! The load path's cap on text: every text field of the workspace longer than
//! [`MAX_TEXT_CHARS`] characters is cut and reported ([`Repair::TextCut`]), section by section.
//! Part of the lenient read ([`super::read`]); a separate file because it lists every text
//! field of every tool.

use std::rc::Rc;

use super::read::MAX_TEXT_CHARS;
use super::validate::Repair;
use crate::domain::workspace::{Customer, Workspace};

/// Cuts `text` to [`MAX_TEXT_CHARS`] characters, reporting it under `path()`.
fn cap(text: &mut String, path: impl FnOnce() -> String, repairs: &mut Vec<Repair>) {
    // Byte length bounds the character count from above: most text is checked in O(1).
    if text.len() <= MAX_TEXT_CHARS {
        return;
    }
    if let Some((cut, _)) = text.char_indices().nth(MAX_TEXT_CHARS) {
        let chars = text.chars().count();
        text.truncate(cut);
        repairs.push(Repair::TextCut {
            path: path(),
            chars,
            max: MAX_TEXT_CHARS,
        });
    }
}

pub(super) fn cap_texts(ws: &mut Workspace, repairs: &mut Vec<Repair>) {
    cap(&mut ws.meta.name, || "meta.name".into(), repairs);
    cap(&mut ws.meta.currency, || "meta.currency".into(), repairs);
    cap(&mut ws.meta.today, || "meta.today".into(), repairs);
    for (i, line) in ws.industry_lines.iter_mut().enumerate() {
        cap(line, || format!("industry_lines[{i}]"), repairs);
    }
    for (i, tier) in ws.tiering.tiers.iter_mut().enumerate() {
        cap(&mut tier.id, || format!("tiering.tiers[{i}].id"), repairs);
        cap(
            &mut tier.name_zh,
            || format!("tiering.tiers[{i}].name_zh"),
            repairs,
        );
        cap(
            &mut tier.name_en,
            || format!("tiering.tiers[{i}].name_en"),
            repairs,
        );
        cap(
            &mut tier.color,
            || format!("tiering.tiers[{i}].color"),
            repairs,
        );
    }
    cap_org_texts(ws, repairs);
    cap_portfolio_texts(ws, repairs);
    cap_ltc_texts(ws, repairs);
    cap_mcr_texts(ws, repairs);
    cap_diagnosis_texts(ws, repairs);
    for (i, c) in ws.customers.iter_mut().enumerate() {
        if !customer_has_long_text(c) {
            continue;
        }
        // Copy the shared record only when it has to change.
        let c = Rc::make_mut(c);
        let p = |field: &str| format!("customers[{i}].{field}");
        cap(&mut c.id, || p("id"), repairs);
        cap(&mut c.name, || p("name"), repairs);
        cap(&mut c.industry, || p("industry"), repairs);
        cap(&mut c.region, || p("region"), repairs);
        cap(&mut c.notes, || p("notes"), repairs);
        if let Some(line) = &mut c.industry_line {
            cap(line, || p("industry_line"), repairs);
        }
        if let Some(owner) = &mut c.owner {
            cap(owner, || p("owner"), repairs);
        }
        if let Some(ov) = &mut c.tier_override {
            cap(&mut ov.tier, || p("tier_override.tier"), repairs);
            cap(&mut ov.reason, || p("tier_override.reason"), repairs);
        }
        for (j, tag) in c.tags.iter_mut().enumerate() {
            cap(tag, || p(&format!("tags[{j}]")), repairs);
        }
    }
}

fn customer_has_long_text(c: &Customer) -> bool {
    let long = |s: &str| s.len() > MAX_TEXT_CHARS;
    long(&c.id)
        || long(&c.name)
        || long(&c.industry)
        || long(&c.region)
        || long(&c.notes)
        || c.industry_line.as_deref().is_some_and(long)
        || c.owner.as_deref().is_some_and(long)
        || c.tier_override
            .as_ref()
            .is_some_and(|ov| long(&ov.tier) || long(&ov.reason))
        || c.tags.iter().any(|t| long(t))
}

/// Cuts each of `fields` (name, text) of the record at `prefix()` (e.g. `org.people[3]`); the
/// prefix is only built when a text is cut.
fn cap_fields<const N: usize>(
    prefix: impl Fn() -> String,
    fields: [(&str, &mut String); N],
    repairs: &mut Vec<Repair>,
) {
    for (name, text) in fields {
        cap(text, || format!("{}.{name}", prefix()), repairs);
    }
}

/// The texts of the organisation documents: names, notes, ids and references of every record,
/// the texts of role cards, activities, talent sources, ladder steps and enablement.
fn cap_org_texts(ws: &mut Workspace, repairs: &mut Vec<Repair>) {
    let org = &mut ws.org;
    for (i, tier) in org.account_tiers.iter_mut().enumerate() {
        cap(tier, || format!("org.account_tiers[{i}]"), repairs);
    }
    for (i, r) in org.roles.iter_mut().enumerate() {
        let fields = [
            ("id", &mut r.id),
            ("name_zh", &mut r.name_zh),
            ("name_en", &mut r.name_en),
            ("notes", &mut r.notes),
        ];
        cap_fields(|| format!("org.roles[{i}]"), fields, repairs);
    }
    for (i, t) in org.templates.iter_mut().enumerate() {
        let fields = [("id", &mut t.id), ("tier", &mut t.tier)];
        cap_fields(|| format!("org.templates[{i}]"), fields, repairs);
        for (j, d) in t.doubles.iter_mut().enumerate() {
            let fields = [("by", &mut d.by), ("covers", &mut d.covers)];
            cap_fields(
                || format!("org.templates[{i}].doubles[{j}]"),
                fields,
                repairs,
            );
        }
    }
    for (i, s) in org.stages.iter_mut().enumerate() {
        let fields = [
            ("id", &mut s.id),
            ("name_zh", &mut s.name_zh),
            ("name_en", &mut s.name_en),
            ("notes", &mut s.notes),
        ];
        cap_fields(|| format!("org.stages[{i}]"), fields, repairs);
    }
    for (i, p) in org.people.iter_mut().enumerate() {
        let fields = [
            ("id", &mut p.id),
            ("name", &mut p.name),
            ("role", &mut p.role),
            ("level", &mut p.level),
            ("source", &mut p.source),
            ("notes", &mut p.notes),
        ];
        cap_fields(|| format!("org.people[{i}]"), fields, repairs);
    }
    for (i, a) in org.assignments.iter_mut().enumerate() {
        let fields = [
            ("id", &mut a.id),
            ("person", &mut a.person),
            ("account", &mut a.account),
            ("role", &mut a.role),
        ];
        cap_fields(|| format!("org.assignments[{i}]"), fields, repairs);
    }
    for (i, o) in org.triangle_overrides.iter_mut().enumerate() {
        let fields = [("customer", &mut o.customer), ("reason", &mut o.reason)];
        cap_fields(|| format!("org.triangle_overrides[{i}]"), fields, repairs);
    }
    for (i, c) in ws.duties.cards.iter_mut().enumerate() {
        let fields = [
            ("id", &mut c.id),
            ("role", &mut c.role),
            ("mission.zh", &mut c.mission.zh),
            ("mission.en", &mut c.mission.en),
            ("notes", &mut c.notes),
        ];
        cap_fields(|| format!("duties.cards[{i}]"), fields, repairs);
        for (list, duties) in [
            ("responsibilities", &mut c.responsibilities),
            ("key_activities", &mut c.key_activities),
        ] {
            for (j, d) in duties.iter_mut().enumerate() {
                let fields = [
                    ("id", &mut d.id),
                    ("text.zh", &mut d.text.zh),
                    ("text.en", &mut d.text.en),
                ];
                cap_fields(|| format!("duties.cards[{i}].{list}[{j}]"), fields, repairs);
            }
        }
    }
    for (i, a) in ws.duties.activities.iter_mut().enumerate() {
        let fields = [
            ("id", &mut a.id),
            ("name_zh", &mut a.name_zh),
            ("name_en", &mut a.name_en),
        ];
        cap_fields(|| format!("duties.activities[{i}]"), fields, repairs);
    }
    cap(
        &mut ws.talent.plan.start_month,
        || "talent.plan.start_month".into(),
        repairs,
    );
    for (i, r) in ws.talent.roles.iter_mut().enumerate() {
        let p = |rest: &str| format!("talent.roles[{i}]{rest}");
        cap_fields(
            || p(""),
            [("id", &mut r.id), ("role", &mut r.role)],
            repairs,
        );
        for (j, s) in r.sources.iter_mut().enumerate() {
            let fields = [
                ("id", &mut s.id),
                ("name_zh", &mut s.name_zh),
                ("name_en", &mut s.name_en),
                ("notes", &mut s.notes),
            ];
            cap_fields(|| p(&format!(".sources[{j}]")), fields, repairs);
        }
        for (j, s) in r.ladder.iter_mut().enumerate() {
            let fields = [
                ("id", &mut s.id),
                ("level", &mut s.level),
                ("title_zh", &mut s.title_zh),
                ("title_en", &mut s.title_en),
                ("criteria.zh", &mut s.criteria.zh),
                ("criteria.en", &mut s.criteria.en),
            ];
            cap_fields(|| p(&format!(".ladder[{j}]")), fields, repairs);
        }
        for (j, e) in r.enablement.iter_mut().enumerate() {
            let fields = [
                ("id", &mut e.id),
                ("name_zh", &mut e.name_zh),
                ("name_en", &mut e.name_en),
                ("description.zh", &mut e.description.zh),
                ("description.en", &mut e.description.en),
            ];
            cap_fields(|| p(&format!(".enablement[{j}]")), fields, repairs);
        }
    }
}

/// Caps the texts of Tool 2's document.
fn cap_portfolio_texts(ws: &mut Workspace, repairs: &mut Vec<Repair>) {
    let p = &mut ws.portfolio;
    for (i, l) in p.lines.iter_mut().enumerate() {
        let fields = [
            ("id", &mut l.id),
            ("industry", &mut l.industry),
            ("name", &mut l.name),
            ("control_point", &mut l.control_point),
            ("risk_management", &mut l.risk_management),
            ("notes", &mut l.notes),
        ];
        cap_fields(|| format!("portfolio.lines[{i}]"), fields, repairs);
        if let Some(o) = &mut l.owner {
            cap(o, || format!("portfolio.lines[{i}].owner"), repairs);
        }
    }
    for (i, x) in p.insights.iter_mut().enumerate() {
        let [a, b, c, d, e] = [
            &mut x.look_industry,
            &mut x.look_customers,
            &mut x.look_competition,
            &mut x.look_ourselves,
            &mut x.look_opportunities,
        ];
        let fields = [
            ("industry", &mut x.industry),
            ("control_points", &mut x.control_points),
            ("targets", &mut x.targets),
            ("strategies", &mut x.strategies),
        ];
        cap_fields(|| format!("portfolio.insights[{i}]"), fields, repairs);
        for (k, look) in [a, b, c, d, e].into_iter().enumerate() {
            let fields = [
                ("findings", &mut look.findings),
                ("evidence", &mut look.evidence),
                ("date", &mut look.date),
            ];
            cap_fields(
                || format!("portfolio.insights[{i}].look{k}"),
                fields,
                repairs,
            );
        }
    }
    for (i, o) in p.opportunities.iter_mut().enumerate() {
        let fields = [
            ("id", &mut o.id),
            ("title", &mut o.title),
            ("industry", &mut o.industry),
            ("timing", &mut o.timing),
            ("next_step", &mut o.next_step),
        ];
        cap_fields(|| format!("portfolio.opportunities[{i}]"), fields, repairs);
        if let Some(owner) = &mut o.owner {
            cap(
                owner,
                || format!("portfolio.opportunities[{i}].owner"),
                repairs,
            );
        }
    }
    for (i, d) in p.designs.iter_mut().enumerate() {
        cap(
            &mut d.industry,
            || format!("portfolio.designs[{i}].industry"),
            repairs,
        );
        for kind in crate::domain::portfolio::ElementKind::ALL {
            let el = d.element_mut(kind);
            cap(
                &mut el.text,
                || format!("portfolio.designs[{i}].{}", kind.key()),
                repairs,
            );
            if let Some(owner) = &mut el.owner {
                cap(
                    owner,
                    || format!("portfolio.designs[{i}].{}.owner", kind.key()),
                    repairs,
                );
            }
        }
    }
    for (i, c) in p.whitespace.iter_mut().enumerate() {
        let fields = [
            ("id", &mut c.id),
            ("account", &mut c.account),
            ("line", &mut c.line),
        ];
        cap_fields(|| format!("portfolio.whitespace[{i}]"), fields, repairs);
    }
}

/// The texts of LTC's document: stage names, the opportunities' and contracts' ids, references
/// and free texts (a shared record is copied only when one of its texts is too long).
fn cap_ltc_texts(ws: &mut Workspace, repairs: &mut Vec<Repair>) {
    let l = &mut ws.ltc;
    for (i, s) in l.stages.iter_mut().enumerate() {
        let fields = [
            ("id", &mut s.id),
            ("name_zh", &mut s.name_zh),
            ("name_en", &mut s.name_en),
            ("lead_role", &mut s.lead_role),
        ];
        cap_fields(|| format!("ltc.stages[{i}]"), fields, repairs);
    }
    let long = |t: &str| t.len() > MAX_TEXT_CHARS;
    for (i, o) in l.opportunities.iter_mut().enumerate() {
        let any_long = [
            &o.id,
            &o.account,
            &o.name,
            &o.stage,
            &o.competitor,
            &o.next_step,
            &o.lost_reason,
            &o.notes,
        ]
        .iter()
        .any(|t| long(t))
            || o.owner.as_deref().is_some_and(long)
            || o.line.as_deref().is_some_and(long)
            || o.history.iter().any(|h| long(&h.stage));
        if !any_long {
            continue;
        }
        let o = Rc::make_mut(o);
        let fields = [
            ("id", &mut o.id),
            ("account", &mut o.account),
            ("name", &mut o.name),
            ("stage", &mut o.stage),
            ("competitor", &mut o.competitor),
            ("next_step", &mut o.next_step),
            ("lost_reason", &mut o.lost_reason),
            ("notes", &mut o.notes),
        ];
        cap_fields(|| format!("ltc.opportunities[{i}]"), fields, repairs);
        for x in o.owner.iter_mut().chain(o.line.iter_mut()) {
            cap(x, || format!("ltc.opportunities[{i}].ref"), repairs);
        }
        for h in o.history.iter_mut() {
            cap(
                &mut h.stage,
                || format!("ltc.opportunities[{i}].history"),
                repairs,
            );
        }
    }
    for (i, c) in l.contracts.iter_mut().enumerate() {
        let any_long = [&c.id, &c.account, &c.name, &c.notes]
            .iter()
            .any(|t| long(t))
            || c.opportunity.as_deref().is_some_and(long);
        if !any_long {
            continue;
        }
        let c = Rc::make_mut(c);
        let fields = [
            ("id", &mut c.id),
            ("account", &mut c.account),
            ("name", &mut c.name),
            ("notes", &mut c.notes),
        ];
        cap_fields(|| format!("ltc.contracts[{i}]"), fields, repairs);
        if let Some(x) = c.opportunity.as_mut() {
            cap(x, || format!("ltc.contracts[{i}].opportunity"), repairs);
        }
    }
    for (i, t) in l.targets.iter_mut().enumerate() {
        let fields = [("id", &mut t.id), ("key", &mut t.key)];
        cap_fields(|| format!("ltc.targets[{i}]"), fields, repairs);
    }
}

/// The texts of MCR's document: the ids, references and free texts of stakeholders, contacts,
/// plan items and VCT checks, and the stakeholder ids a 151 entry names.
fn cap_mcr_texts(ws: &mut Workspace, repairs: &mut Vec<Repair>) {
    let m = &mut ws.mcr;
    for (i, s) in m.stakeholders.iter_mut().enumerate() {
        let fields = [
            ("id", &mut s.id),
            ("account", &mut s.account),
            ("name", &mut s.name),
            ("title", &mut s.title),
            ("department", &mut s.department),
            ("last_contact", &mut s.last_contact),
            ("notes", &mut s.notes),
        ];
        cap_fields(|| format!("mcr.stakeholders[{i}]"), fields, repairs);
        for x in s.reports_to.iter_mut().chain(s.owner.iter_mut()) {
            cap(x, || format!("mcr.stakeholders[{i}].ref"), repairs);
        }
    }
    for (i, c) in m.contacts.iter_mut().enumerate() {
        let fields = [
            ("id", &mut c.id),
            ("stakeholder", &mut c.stakeholder),
            ("date", &mut c.date),
            ("notes", &mut c.notes),
        ];
        cap_fields(|| format!("mcr.contacts[{i}]"), fields, repairs);
        for p in c.our_people.iter_mut() {
            cap(p, || format!("mcr.contacts[{i}].our_people"), repairs);
        }
    }
    for (i, p) in m.plan.iter_mut().enumerate() {
        let fields = [
            ("id", &mut p.id),
            ("account", &mut p.account),
            ("goal", &mut p.goal),
            ("actions", &mut p.actions),
            ("due", &mut p.due),
        ];
        cap_fields(|| format!("mcr.plan[{i}]"), fields, repairs);
        if let Some(o) = p.owner.as_mut() {
            cap(o, || format!("mcr.plan[{i}].owner"), repairs);
        }
    }
    for (i, v) in m.vct.iter_mut().enumerate() {
        let fields = [
            ("id", &mut v.id),
            ("account", &mut v.account),
            ("date", &mut v.date),
            ("notes", &mut v.notes),
        ];
        cap_fields(|| format!("mcr.vct[{i}]"), fields, repairs);
    }
    for (i, e) in ws.engagement.entries.iter_mut().enumerate() {
        for s in e.stakeholders.iter_mut() {
            cap(
                s,
                || format!("engagement.entries[{i}].stakeholders"),
                repairs,
            );
        }
    }
}

/// The texts of the diagnosis's document: the ids and both texts of statements and symptoms, the
/// ids and names of respondents and the statement ids their ratings name.
fn cap_diagnosis_texts(ws: &mut Workspace, repairs: &mut Vec<Repair>) {
    let d = &mut ws.diagnosis;
    for (i, s) in d.statements.iter_mut().enumerate() {
        let fields = [("id", &mut s.id), ("zh", &mut s.zh), ("en", &mut s.en)];
        cap_fields(|| format!("diagnosis.statements[{i}]"), fields, repairs);
    }
    for (i, r) in d.respondents.iter_mut().enumerate() {
        let fields = [("id", &mut r.id), ("name", &mut r.name)];
        cap_fields(|| format!("diagnosis.respondents[{i}]"), fields, repairs);
        if r.ratings.keys().any(|k| k.len() > MAX_TEXT_CHARS) {
            let ratings = std::mem::take(&mut r.ratings);
            r.ratings = ratings
                .into_iter()
                .map(|(mut k, v)| {
                    cap(
                        &mut k,
                        || format!("diagnosis.respondents[{i}].ratings"),
                        repairs,
                    );
                    (k, v)
                })
                .collect();
        }
    }
    for (i, s) in d.symptoms.iter_mut().enumerate() {
        let fields = [("id", &mut s.id), ("zh", &mut s.zh), ("en", &mut s.en)];
        cap_fields(|| format!("diagnosis.symptoms[{i}]"), fields, repairs);
    }
}
