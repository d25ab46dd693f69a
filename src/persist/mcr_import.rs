//! The stakeholder table kind of MCR for the one import wizard, its template and its CSV export.
//!
//! One row per stakeholder ([`stakeholders_spec`]): 客户 (a customer by name or id), 姓名, 职务,
//! 部门, 上级 (the boss's name within the same account, in the file or already stored, or a
//! stored stakeholder's id), 决策角色 (决策者 … 教练, the English words or the keys), 支持度
//! (−1…3, or 反对/中立/支持/强支持/教练), 影响力 (1–5), 关系层级 (关键/普遍/组织), 负责人 (a person
//! of the team by name or id), 最近接触 (a date), 备注; English headers too. A row naming an
//! account and a name that a stored stakeholder has updates it (the columns the file has); the
//! others are added with new ids (`sh-imp-<n>`).
//!
//! A row with any error is left out whole, with every error listed by row, column and reason:
//! unknown account, role, layer or owner, support or influence out of range, a boss that is
//! neither in the file nor stored, a boss whose own row has errors, and reports-to lines of the
//! file that would go round in a circle. Nothing changes until the user confirms
//! ([`apply_stakeholders`]): the UI then sets the whole MCR document in one undoable edit.

use std::collections::{HashMap, HashSet};

use super::csv_export::to_csv;
use super::import::rows::{parse_rows, ColumnSummary, MappingProblem, Value};
use super::import::schema::{ColumnUse, FieldSpec, TableSpec, ValueKind};
use super::import::template::template_rows;
use super::import::{ImportReason, RowError, Table};
use super::ltc_import::{norm, parse_date, Index, Names, Rejects};
use super::repair_mcr::MAX_STAKEHOLDERS;
use crate::domain::mcr::layout::cycles;
use crate::domain::mcr::{DecisionRole, Layer, Mcr, Stakeholder, INFLUENCE_MAX, INFLUENCE_MIN};
use crate::domain::workspace::Workspace;

/// Field indexes of [`stakeholders_spec`].
mod sf {
    pub const ACCOUNT: usize = 0;
    pub const NAME: usize = 1;
    pub const TITLE: usize = 2;
    pub const DEPARTMENT: usize = 3;
    pub const REPORTS_TO: usize = 4;
    pub const ROLE: usize = 5;
    pub const SUPPORT: usize = 6;
    pub const INFLUENCE: usize = 7;
    pub const LAYER: usize = 8;
    pub const OWNER: usize = 9;
    pub const LAST_CONTACT: usize = 10;
    pub const NOTES: usize = 11;
}

/// The stakeholder table kind.
pub fn stakeholders_spec() -> TableSpec {
    use ValueKind::*;
    let f = FieldSpec::new;
    #[rustfmt::skip]
    let fields = vec![
        f("account", "客户", "Account", Choice).required()
            .aliases(&["客户", "客户名称", "客户全称", "所属客户", "account", "account name",
                "customer", "customer name", "account id"])
            .examples("国网某省电力公司", "国网某省电力公司"),
        f("name", "姓名", "Name", Text).required()
            .aliases(&["姓名", "名字", "关键人", "关键人姓名", "干系人", "干系人姓名", "联系人", "联系人姓名", "name",
                "stakeholder", "stakeholder name", "contact", "contact name", "full name"])
            .examples("张伟", "李娜"),
        f("title", "职务", "Title", Text)
            .aliases(&["职务", "职位", "头衔", "title", "job title", "position"])
            .examples("信息中心主任", "采购经理"),
        f("department", "部门", "Department", Text)
            .aliases(&["部门", "所属部门", "department", "dept"])
            .examples("信息中心", "物资采购部"),
        f("reports_to", "上级", "Reports to", Choice)
            .aliases(&["上级", "直接上级", "汇报对象", "汇报给", "reports to", "manager", "boss",
                "reporting to"])
            .examples("", "张伟"),
        f("role", "决策角色", "Decision role", Choice)
            .aliases(&["决策角色", "角色", "决策链角色", "decision role", "role", "buying role"])
            .examples("决策者", "采购者"),
        f("support", "支持度", "Support", Choice)
            .aliases(&["支持度", "支持程度", "态度", "support", "attitude", "stance"])
            .examples("2", "0"),
        f("influence", "影响力", "Influence", Choice)
            .aliases(&["影响力", "影响程度", "influence", "power"])
            .examples("5", "3"),
        f("layer", "关系层级", "Layer", Choice)
            .aliases(&["关系层级", "关系层次", "层级", "客户关系层级", "layer",
                "relationship layer"])
            .examples("关键", "普遍"),
        f("owner", "负责人", "Owner", Choice)
            .aliases(&["负责人", "我方负责人", "关系负责人", "owner", "relationship owner",
                "our owner"])
            .examples("", ""),
        f("last_contact", "最近接触", "Last contact", Text)
            .aliases(&["最近接触", "最近接触日期", "最后接触", "上次接触", "last contact",
                "last contacted", "last contact date"])
            .examples("2026-01-10", ""),
        f("notes", "备注", "Notes", Text)
            .aliases(&["备注", "说明", "notes", "note", "remarks"])
            .examples("", ""),
    ];
    TableSpec {
        id: "mcr_stakeholders",
        fields,
        yearly: None,
        label_field: Some(sf::NAME),
    }
}

/// A decision role as the template and the export write it, in Chinese or English.
pub fn role_label(role: DecisionRole, zh: bool) -> &'static str {
    match (role, zh) {
        (DecisionRole::DecisionMaker, true) => "决策者",
        (DecisionRole::Evaluator, true) => "评估者",
        (DecisionRole::Buyer, true) => "采购者",
        (DecisionRole::User, true) => "使用者",
        (DecisionRole::Influencer, true) => "影响者",
        (DecisionRole::Gatekeeper, true) => "守门人",
        (DecisionRole::Coach, true) => "教练",
        (DecisionRole::DecisionMaker, false) => "decision maker",
        (DecisionRole::Evaluator, false) => "evaluator",
        (DecisionRole::Buyer, false) => "buyer",
        (DecisionRole::User, false) => "user",
        (DecisionRole::Influencer, false) => "influencer",
        (DecisionRole::Gatekeeper, false) => "gatekeeper",
        (DecisionRole::Coach, false) => "coach",
    }
}

/// A relationship layer as the template and the export write it, in Chinese or English.
pub fn layer_label(layer: Layer, zh: bool) -> &'static str {
    match (layer, zh) {
        (Layer::Key, true) => "关键",
        (Layer::Broad, true) => "普遍",
        (Layer::Organisational, true) => "组织",
        (Layer::Key, false) => "key",
        (Layer::Broad, false) => "broad",
        (Layer::Organisational, false) => "organisational",
    }
}

/// A cell reduced for matching a word: [`norm`]ed, without `_` and `-`.
fn word(cell: &str) -> String {
    norm(cell).replace(['_', '-'], "")
}

/// The decision role a cell names: its key, its Chinese or English word (empty: influencer).
pub fn parse_role(cell: &str) -> Option<DecisionRole> {
    let w = word(cell);
    if w.is_empty() {
        return Some(DecisionRole::Influencer);
    }
    if let Some(r) = DecisionRole::ALL
        .into_iter()
        .find(|r| word(r.key()) == w || word(role_label(*r, true)) == w)
    {
        return Some(r);
    }
    Some(match w.as_str() {
        "decisionmaker" | "dm" | "决策人" | "拍板人" => DecisionRole::DecisionMaker,
        "evaluator" | "评估人" | "技术评估者" => DecisionRole::Evaluator,
        "buyer" | "purchaser" | "采购" | "采购人" => DecisionRole::Buyer,
        "user" | "enduser" | "使用人" | "用户" => DecisionRole::User,
        "influencer" | "影响人" => DecisionRole::Influencer,
        "gatekeeper" | "把关者" | "守门员" => DecisionRole::Gatekeeper,
        "coach" | "内线" => DecisionRole::Coach,
        _ => return None,
    })
}

/// The support a cell names: −1…3 (`−1` with any minus sign) or its word in Chinese or English
/// (empty: neutral); `None` for anything else or a number out of range.
pub fn parse_support(cell: &str) -> Option<i32> {
    let w = word(cell.trim().replace(['−', '－', '–'], "-").as_str());
    let signed = norm(&cell.trim().replace(['−', '－', '–'], "-"));
    if let Ok(n) = signed.trim_start_matches('+').parse::<i32>() {
        return (crate::domain::mcr::SUPPORT_MIN..=crate::domain::mcr::SUPPORT_MAX)
            .contains(&n)
            .then_some(n);
    }
    Some(match w.as_str() {
        "" | "中立" | "neutral" => 0,
        "反对" | "opposed" | "against" | "opposer" => -1,
        "支持" | "support" | "supportive" | "supporter" => 1,
        "强支持" | "强烈支持" | "strongsupport" | "strong" | "champion" => 2,
        "教练" | "coach" => 3,
        _ => return None,
    })
}

/// The influence a cell names: a whole number 1–5 (empty: 3).
pub fn parse_influence(cell: &str) -> Option<u32> {
    let t = norm(cell);
    if t.is_empty() {
        return Some(3);
    }
    let n: f64 = t.parse().ok()?;
    let whole = n.fract() == 0.0 && n >= f64::from(INFLUENCE_MIN) && n <= f64::from(INFLUENCE_MAX);
    // In range and whole, so the cast is exact.
    whole.then_some(n as u32)
}

/// The relationship layer a cell names, in either language or by key (empty: broad).
pub fn parse_layer(cell: &str) -> Option<Layer> {
    let w = word(cell);
    if w.is_empty() {
        return Some(Layer::Broad);
    }
    if let Some(l) = Layer::ALL
        .into_iter()
        .find(|l| word(l.key()) == w || word(layer_label(*l, true)) == w)
    {
        return Some(l);
    }
    Some(match w.as_str() {
        "关键客户关系" | "关键层" => Layer::Key,
        "普遍客户关系" | "普遍层" => Layer::Broad,
        "组织客户关系" | "组织层" | "organizational" | "organisation" | "organization" => {
            Layer::Organisational
        }
        _ => return None,
    })
}

/// What a stakeholder import would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StakeholdersPreview {
    /// Valid rows as stakeholders with their file row, each with its id (a stored stakeholder's
    /// for an update, a new `sh-imp-<n>` otherwise) and its reports-to resolved to an id.
    pub stakeholders: Vec<(usize, Stakeholder)>,
    /// How many of them update a stored stakeholder.
    pub updates: usize,
    /// Every error of every invalid row, in row then column order.
    pub errors: Vec<RowError>,
    /// Rows with nothing in any mapped column.
    pub skipped_blank: usize,
    /// Per column of the table.
    pub columns: Vec<ColumnSummary>,
}

impl StakeholdersPreview {
    /// File rows with at least one error, ascending.
    pub fn invalid_rows(&self) -> Vec<usize> {
        crate::persist::import::rows::error_rows(&self.errors)
    }
}

/// Where a row's boss (上级) was found.
enum Boss {
    /// A stakeholder with this id: a row of the file (its draft) or a stored one.
    Found(String, Option<usize>),
    /// A row of the file refused for its own fields (its file row).
    RefusedRow(usize),
    /// Nowhere.
    Missing,
}

/// One row on its way to a stakeholder.
struct Draft {
    row: usize,
    stakeholder: Stakeholder,
    /// The 上级 cell (empty when none or not mapped).
    boss: String,
    /// Still valid.
    ok: bool,
    /// Updates a stored stakeholder.
    update: bool,
}

/// Reads the rows of `table` as stakeholders (column `i` going to `uses[i]` of
/// [`stakeholders_spec`]) against the workspace's customers, people and stored stakeholders.
/// A row with any error is left out whole; its errors are all listed, and so are those of the
/// rows whose boss it is.
pub fn build_stakeholders(
    table: &Table,
    uses: &[ColumnUse],
    ws: &Workspace,
) -> Result<StakeholdersPreview, MappingProblem> {
    let parsed = parse_rows(&stakeholders_spec(), table, uses)?;
    let mut rejects = Rejects {
        table,
        uses,
        columns: parsed.columns,
        errors: parsed.errors,
    };
    let mapped = |f: usize| uses.contains(&ColumnUse::Field(f));
    let customers = Index::new(ws.customers.iter().map(|c| &**c), |c| &c.id, |c| &c.name);
    let people = Index::new(&ws.org.people, |p| &p.id, |p| &p.name);
    let mcr = &ws.mcr;
    // Stored stakeholders by (account, normalised name), the first of a repeated name.
    let mut stored: HashMap<(&str, String), &Stakeholder> = HashMap::new();
    for s in &mcr.stakeholders {
        stored
            .entry((s.account.as_str(), norm(&s.name)))
            .or_insert(s);
    }
    let mut taken: HashSet<String> = mcr.stakeholders.iter().map(|s| s.id.clone()).collect();
    let mut next_n = 0usize;
    let mut room = MAX_STAKEHOLDERS.saturating_sub(mcr.stakeholders.len());
    // The file's rows by (account, normalised name): the first row of each.
    let mut in_file: HashMap<(String, String), usize> = HashMap::new();
    // The rows refused for their own fields, by (account, normalised name): their file row.
    let mut refused: HashMap<(String, String), usize> = HashMap::new();
    let mut drafts: Vec<Draft> = Vec::new();

    for row in parsed.rows {
        let text = |i: usize| row.values.get(i).map_or("", Value::text).to_string();
        let mut bad: Vec<(usize, String, ImportReason)> = Vec::new();
        let account = match customers.resolve(&text(sf::ACCOUNT)) {
            Ok(c) => Some(c.id.clone()),
            Err(many) => {
                let reason = if many {
                    ImportReason::AmbiguousAccount
                } else {
                    ImportReason::UnknownAccount
                };
                bad.push((sf::ACCOUNT, text(sf::ACCOUNT), reason));
                None
            }
        };
        let name = text(sf::NAME);
        let role = parse_role(&text(sf::ROLE));
        if role.is_none() {
            bad.push((sf::ROLE, text(sf::ROLE), ImportReason::UnknownDecisionRole));
        }
        let support = parse_support(&text(sf::SUPPORT));
        if support.is_none() {
            bad.push((
                sf::SUPPORT,
                text(sf::SUPPORT),
                ImportReason::SupportOutOfRange,
            ));
        }
        let influence = parse_influence(&text(sf::INFLUENCE));
        if influence.is_none() {
            bad.push((
                sf::INFLUENCE,
                text(sf::INFLUENCE),
                ImportReason::InfluenceOutOfRange,
            ));
        }
        let layer = parse_layer(&text(sf::LAYER));
        if layer.is_none() {
            bad.push((sf::LAYER, text(sf::LAYER), ImportReason::UnknownLayer));
        }
        let owner_text = text(sf::OWNER);
        let owner = if owner_text.is_empty() {
            None
        } else {
            match people.resolve(&owner_text) {
                Ok(p) => Some(p.id.clone()),
                Err(many) => {
                    let reason = if many {
                        ImportReason::AmbiguousPerson
                    } else {
                        ImportReason::UnknownPerson
                    };
                    bad.push((sf::OWNER, owner_text.clone(), reason));
                    None
                }
            }
        };
        let contact_text = text(sf::LAST_CONTACT);
        let last_contact = if contact_text.is_empty() {
            String::new()
        } else {
            parse_date(&contact_text).unwrap_or_else(|| {
                bad.push((
                    sf::LAST_CONTACT,
                    contact_text.clone(),
                    ImportReason::NotADate,
                ));
                String::new()
            })
        };
        let key = account.as_ref().map(|a| (a.clone(), norm(&name)));
        if let Some(first_row) = key
            .as_ref()
            .and_then(|k| in_file.get(k))
            .and_then(|i| drafts.get(*i))
            .map(|d| d.row)
        {
            bad.push((
                sf::NAME,
                name.clone(),
                ImportReason::DuplicateStakeholder { first_row },
            ));
        }
        let before = account
            .as_deref()
            .and_then(|a| stored.get(&(a, norm(&name))).copied());
        if before.is_none() && bad.is_empty() {
            if room == 0 {
                bad.push((
                    sf::NAME,
                    name.clone(),
                    ImportReason::TooManyStakeholders {
                        max: MAX_STAKEHOLDERS,
                    },
                ));
            } else {
                room -= 1;
            }
        }
        let (Some(account), Some(role), Some(support), Some(influence), Some(layer), true) =
            (account, role, support, influence, layer, bad.is_empty())
        else {
            for (field, value, reason) in bad {
                rejects.push(row.row, field, &value, reason);
            }
            // A row naming this one as its boss is left out with it, saying why.
            if let Some(k) = key {
                refused.entry(k).or_insert(row.row);
            }
            continue;
        };
        let mut s = before.cloned().unwrap_or_default();
        s.id = match before {
            Some(b) => b.id.clone(),
            None => loop {
                next_n += 1;
                let id = format!("sh-imp-{next_n}");
                if taken.insert(id.clone()) {
                    break id;
                }
            },
        };
        s.account = account.clone();
        s.name = name.clone();
        let fresh = before.is_none();
        if mapped(sf::ROLE) || fresh {
            s.role = role;
        }
        if mapped(sf::SUPPORT) || fresh {
            s.support = support;
        }
        if mapped(sf::INFLUENCE) || fresh {
            s.influence = influence;
        }
        if mapped(sf::LAYER) || fresh {
            s.layer = layer;
        }
        if mapped(sf::OWNER) {
            s.owner = owner;
        }
        if mapped(sf::LAST_CONTACT) {
            s.last_contact = last_contact;
        }
        for (f, slot) in [
            (sf::TITLE, &mut s.title),
            (sf::DEPARTMENT, &mut s.department),
            (sf::NOTES, &mut s.notes),
        ] {
            if mapped(f) {
                *slot = text(f);
            }
        }
        if mapped(sf::REPORTS_TO) {
            s.reports_to = None;
        }
        s.updated_at = before.map_or(0, |b| b.updated_at);
        in_file.insert((account, norm(&name)), drafts.len());
        drafts.push(Draft {
            row: row.row,
            stakeholder: s,
            boss: text(sf::REPORTS_TO),
            ok: true,
            update: before.is_some(),
        });
    }

    // 上级: a row of the file of the same account first, then a stored stakeholder of the
    // account by name or id, then a row of the file refused for its own fields.
    let resolved: Vec<Option<Boss>> = drafts
        .iter()
        .map(|d| {
            if d.boss.is_empty() {
                return None;
            }
            let account = d.stakeholder.account.as_str();
            let key = (account.to_string(), norm(&d.boss));
            if let Some(j) = in_file.get(&key) {
                let id = drafts.get(*j).map(|b| b.stakeholder.id.clone());
                return Some(id.map_or(Boss::Missing, |id| Boss::Found(id, Some(*j))));
            }
            let stored_id = mcr
                .stakeholders
                .iter()
                .find(|s| s.account == account && s.id == d.boss.trim())
                .or_else(|| stored.get(&(account, norm(&d.boss))).copied())
                .map(|s| s.id.clone());
            Some(match (stored_id, refused.get(&key)) {
                (Some(id), _) => Boss::Found(id, None),
                (None, Some(row)) => Boss::RefusedRow(*row),
                (None, None) => Boss::Missing,
            })
        })
        .collect();
    let mut boss_row: Vec<Option<usize>> = vec![None; drafts.len()];
    for ((d, found), from) in drafts.iter_mut().zip(resolved).zip(boss_row.iter_mut()) {
        match found {
            None => {}
            // Reporting to oneself is the smallest circle ([`cycles`] does not see it).
            Some(Boss::Found(id, _)) if id == d.stakeholder.id => {
                let names = format!("{0} → {0}", d.stakeholder.name);
                rejects.push(
                    d.row,
                    sf::REPORTS_TO,
                    &d.boss,
                    ImportReason::ReportsToCycle { names },
                );
                d.ok = false;
            }
            Some(Boss::Found(id, row)) => {
                d.stakeholder.reports_to = Some(id);
                *from = row;
            }
            Some(Boss::RefusedRow(row)) => {
                rejects.push(
                    d.row,
                    sf::REPORTS_TO,
                    &d.boss,
                    ImportReason::BossRowInvalid { row },
                );
                d.ok = false;
            }
            Some(Boss::Missing) => {
                rejects.push(d.row, sf::REPORTS_TO, &d.boss, ImportReason::BossNotFound);
                d.ok = false;
            }
        }
    }

    // Rows whose boss's row is left out go too, then reports-to circles, until neither finds
    // anything: each round leaves out a row at least, so this ends.
    loop {
        let mut changed = false;
        for i in 0..drafts.len() {
            let bad_boss = boss_row
                .get(i)
                .copied()
                .flatten()
                .and_then(|j| drafts.get(j))
                .filter(|b| !b.ok)
                .map(|b| b.row);
            let Some(d) = drafts.get_mut(i) else { continue };
            if let (true, Some(boss_at)) = (d.ok, bad_boss) {
                d.ok = false;
                changed = true;
                let (row, boss) = (d.row, d.boss.clone());
                rejects.push(
                    row,
                    sf::REPORTS_TO,
                    &boss,
                    ImportReason::BossRowInvalid { row: boss_at },
                );
            }
        }
        if changed {
            continue;
        }
        // The stored list with the valid rows applied, and which draft each member comes from.
        let mut merged: Vec<Stakeholder> = mcr.stakeholders.clone();
        let mut from: Vec<Option<usize>> = vec![None; merged.len()];
        let at: HashMap<String, usize> = merged
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .rev()
            .collect();
        for (i, d) in drafts.iter().enumerate().filter(|(_, d)| d.ok) {
            match at.get(&d.stakeholder.id) {
                Some(&k) => {
                    if let (Some(slot), Some(f)) = (merged.get_mut(k), from.get_mut(k)) {
                        *slot = d.stakeholder.clone();
                        *f = Some(i);
                    }
                }
                None => {
                    merged.push(d.stakeholder.clone());
                    from.push(Some(i));
                }
            }
        }
        for cycle in cycles(&merged) {
            let names: Vec<&str> = cycle
                .iter()
                .filter_map(|k| merged.get(*k))
                .map(|s| s.name.as_str())
                .collect();
            let names = names.join(" → ");
            for k in &cycle {
                let Some(i) = from.get(*k).copied().flatten() else {
                    continue;
                };
                if let Some(d) = drafts.get_mut(i) {
                    d.ok = false;
                    changed = true;
                    let (row, boss) = (d.row, d.boss.clone());
                    rejects.push(
                        row,
                        sf::REPORTS_TO,
                        &boss,
                        ImportReason::ReportsToCycle {
                            names: names.clone(),
                        },
                    );
                }
            }
        }
        if !changed {
            break;
        }
    }

    let mut out = StakeholdersPreview {
        skipped_blank: parsed.skipped_blank,
        ..StakeholdersPreview::default()
    };
    for d in drafts.into_iter().filter(|d| d.ok) {
        out.updates += usize::from(d.update);
        out.stakeholders.push((d.row, d.stakeholder));
    }
    (out.columns, out.errors) = rejects.sorted();
    Ok(out)
}

/// `mcr` with the previewed stakeholders stored: one with the id of a stored stakeholder
/// replaces it in place, the others are added at the end in the file's order.
pub fn apply_stakeholders(mcr: &Mcr, preview: &StakeholdersPreview) -> Mcr {
    let mut next = mcr.clone();
    let mut at: HashMap<String, usize> = HashMap::new();
    for (i, s) in next.stakeholders.iter().enumerate() {
        at.entry(s.id.clone()).or_insert(i);
    }
    for (_, s) in &preview.stakeholders {
        match at.get(&s.id).copied() {
            Some(i) => {
                if let Some(slot) = next.stakeholders.get_mut(i) {
                    *slot = s.clone();
                }
            }
            None => {
                at.insert(s.id.clone(), next.stakeholders.len());
                next.stakeholders.push(s.clone());
            }
        }
    }
    next
}

/// The template (a header and two example rows, [`template_rows`]) with the account of both
/// examples the workspace's first customer, so that the template imports into it with no error
/// (the second example reports to the first).
pub fn stakeholders_template(ws: &Workspace, zh: bool) -> Vec<Vec<String>> {
    let spec = stakeholders_spec();
    let mut rows = template_rows(&spec, zh);
    let account = ws.customers.first().map(|c| c.name.clone());
    for row in rows.iter_mut().skip(1) {
        if let (Some(cell), Some(a)) = (row.get_mut(sf::ACCOUNT), account.as_ref()) {
            cell.clone_from(a);
        }
        if zh {
            continue;
        }
        // The examples are written in Chinese; the English template says the same in English.
        if let Some(cell) = row.get_mut(sf::ROLE) {
            if let Some(r) = parse_role(cell) {
                *cell = role_label(r, false).to_string();
            }
        }
        if let Some(cell) = row.get_mut(sf::LAYER) {
            if let Some(l) = parse_layer(cell) {
                *cell = layer_label(l, false).to_string();
            }
        }
    }
    rows
}

/// Every stakeholder as CSV with the import's headers in Chinese or English: the account, the
/// boss and the owner by name (by id where the name is not unique), the role and layer as
/// words, so that the file imports back to the same stakeholders. Cells are neutralised by
/// [`to_csv`].
pub fn stakeholders_csv(ws: &Workspace, zh: bool) -> String {
    let spec = stakeholders_spec();
    let header: Vec<String> = spec
        .fields
        .iter()
        .map(|f| f.label(zh).to_string())
        .collect();
    let accounts = Names::new(
        ws.customers
            .iter()
            .map(|c| (c.id.as_str(), c.name.as_str())),
    );
    let people = Names::new(
        ws.org
            .people
            .iter()
            .map(|p| (p.id.as_str(), p.name.as_str())),
    );
    // A boss is written by name when no other stakeholder of the account has it.
    let mut per_account: HashMap<(&str, String), usize> = HashMap::new();
    for s in &ws.mcr.stakeholders {
        *per_account
            .entry((s.account.as_str(), norm(&s.name)))
            .or_insert(0) += 1;
    }
    let boss_cell = |s: &Stakeholder| -> String {
        let Some(boss) = s.reports_to.as_deref().and_then(|b| ws.mcr.stakeholder(b)) else {
            return String::new();
        };
        let unique = per_account.get(&(boss.account.as_str(), norm(&boss.name))) == Some(&1);
        if unique && !boss.name.trim().is_empty() {
            boss.name.clone()
        } else {
            boss.id.clone()
        }
    };
    let rows = ws.mcr.stakeholders.iter().map(|s| {
        vec![
            accounts.cell(&s.account),
            s.name.clone(),
            s.title.clone(),
            s.department.clone(),
            boss_cell(s),
            role_label(s.role, zh).to_string(),
            s.support.to_string(),
            s.influence.to_string(),
            layer_label(s.layer, zh).to_string(),
            s.owner
                .as_deref()
                .map_or_else(String::new, |p| people.cell(p)),
            s.last_contact.clone(),
            s.notes.clone(),
        ]
    });
    to_csv(&header, rows)
}
