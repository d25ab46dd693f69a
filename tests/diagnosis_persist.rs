//! The diagnosis on the load path and in merges: hostile documents repaired with every repair
//! reported in both languages (ids missing or repeated, statements and symptoms without text,
//! ratings out of range, not whole or of statements that do not exist, dimensions and tools this
//! version does not know, repeats, absurd counts, huge texts) and `diagnosis::check` passing
//! after any input; migration 7 → 8; statements, respondents and symptoms added, conflicting and
//! merged three ways, a rating of a statement the other side deleted dropped; the demo's
//! diagnosis through save and load; `Edit::SetDiagnosis` refusing and stamping.

use std::collections::BTreeMap;

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::diagnosis::{
    self, Diagnosis, DiagnosisRefusal, Respondent, Soti, Statement, Symptom, SymptomGroup, Tool,
};
use kam_planner::domain::edit::{apply, Edit, EditError};
use kam_planner::domain::merge::{
    compare, differing_entity_fields, merge, merge_three_way, three_way, Choices, EntityKind,
    EntityRef, Side,
};
use kam_planner::domain::workspace::{Workspace, SCHEMA_VERSION};
use kam_planner::persist::envelope::{load, load_stored, to_json, to_stored};
use kam_planner::persist::repair_diagnosis::{MAX_RESPONDENTS, MAX_STATEMENTS, MAX_SYMPTOMS};
use kam_planner::persist::validate::{DiagnosisFix, Repair};
use kam_planner::ui::i18n::{I18n, Lang};
use kam_planner::ui::messages::repair_text;
use proptest::prelude::*;
use serde_json::{json, Value};

const NOW: i64 = 1_768_435_200_000;

fn zh() -> Workspace {
    demo::build("demo-1", NOW, DemoLocale::Zh)
}

/// The demo as a document with `diagnosis` replaced by `doc`.
fn doc_with(diagnosis: Value) -> String {
    let mut doc: Value = serde_json::from_str(&to_json(&zh(), NOW)).expect("json");
    doc["workspace"]["diagnosis"] = diagnosis;
    doc.to_string()
}

fn fixes(repairs: &[Repair]) -> Vec<(String, DiagnosisFix)> {
    repairs
        .iter()
        .filter_map(|r| match r {
            Repair::Diagnosis { path, fix } => Some((path.clone(), fix.clone())),
            _ => None,
        })
        .collect()
}

fn has(repairs: &[Repair], path: &str, fix: DiagnosisFix) -> bool {
    fixes(repairs).iter().any(|(p, f)| p == path && *f == fix)
}

/// The repair's text in Chinese and in English: both name the place, neither is a raw key.
fn texts(r: &Repair) -> (String, String) {
    let zh = repair_text(&I18n { lang: Lang::ZhCn }, r);
    let en = repair_text(&I18n { lang: Lang::En }, r);
    for t in [&zh, &en] {
        assert!(!t.contains("repair."), "a raw catalogue key: {t}");
        assert!(!t.contains('{'), "a placeholder left: {t}");
    }
    (zh, en)
}

fn loads(text: &str) -> (Diagnosis, Vec<Repair>) {
    let loaded = load(text).expect("loads");
    let d = loaded.workspace.diagnosis.clone();
    assert_eq!(diagnosis::check(&d), Ok(()), "{:#?}", loaded.repairs);
    (d, loaded.repairs)
}

fn statement(id: &str, dimension: Soti, zh: &str, at: i64) -> Statement {
    Statement {
        id: id.into(),
        dimension,
        zh: zh.into(),
        en: String::new(),
        updated_at: at,
    }
}

fn respondent(id: &str, name: &str, ratings: &[(&str, u8)], at: i64) -> Respondent {
    Respondent {
        id: id.into(),
        name: name.into(),
        ratings: ratings
            .iter()
            .map(|(s, r)| ((*s).to_string(), *r))
            .collect::<BTreeMap<_, _>>(),
        updated_at: at,
    }
}

// ----- Hostile documents -----

#[test]
fn ids_missing_or_repeated_are_assigned_and_reported() {
    let (d, repairs) = loads(&doc_with(json!({
        "statements": [
            {"id": "", "dimension": "tactic", "zh": "没有编号"},
            {"id": "a", "zh": "甲"},
            {"id": "a", "en": "A again"},
        ],
        "respondents": [
            {"name": "王五", "ratings": {"a": 3}},
            {"id": "r", "name": "赵六"},
            {"id": "r", "name": "钱七"},
            {"id": "r9", "ratings": {"a": 5, "st-2": 4}},
        ],
        "symptoms": [
            {"id": "sy", "zh": "症状"},
            {"id": "sy", "zh": "同号症状"},
        ],
    })));
    let ids = |v: Vec<&str>| v.into_iter().map(String::from).collect::<Vec<_>>();
    assert_eq!(
        d.statements
            .iter()
            .map(|s| s.id.clone())
            .collect::<Vec<_>>(),
        ids(vec!["st-1", "a", "st-2"])
    );
    assert_eq!(d.statements[0].dimension, Soti::Tactic);
    assert_eq!(
        d.respondents
            .iter()
            .map(|r| r.id.clone())
            .collect::<Vec<_>>(),
        ids(vec!["rs-1", "r", "rs-2", "r9"])
    );
    // A rating is checked against the ids as read: "st-2" was no statement's id in the file, so
    // the rating does not go to the statement that was given that id.
    assert_eq!(
        d.respondents[3].ratings,
        BTreeMap::from([("a".to_string(), 5)])
    );
    assert!(has(
        &repairs,
        "diagnosis.respondents.r9.ratings",
        DiagnosisFix::UnknownStatements(1)
    ));
    assert_eq!(d.respondents[0].rating("a"), Some(3));
    assert_eq!(d.symptoms[1].id, "sy-1");
    let assigned: Vec<(&str, &str)> = repairs
        .iter()
        .filter_map(|r| match r {
            Repair::OrgIdAssigned { list, id } => Some((list.as_str(), id.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        assigned,
        [
            ("diagnosis.respondents", "rs-1"),
            ("diagnosis.respondents", "rs-2"),
            ("diagnosis.statements", "st-1"),
            ("diagnosis.statements", "st-2"),
            ("diagnosis.symptoms", "sy-1"),
        ]
    );
    let r = repairs
        .iter()
        .find(
            |r| matches!(r, Repair::OrgIdAssigned { list, .. } if list == "diagnosis.respondents"),
        )
        .expect("reported");
    let (zh, en) = texts(r);
    assert!(
        zh.contains("diagnosis.respondents") && zh.contains("rs-1"),
        "{zh}"
    );
    assert!(en.contains("rs-1"), "{en}");
}

#[test]
fn statements_and_symptoms_without_text_are_removed_with_their_ratings() {
    let (d, repairs) = loads(&doc_with(json!({
        "statements": [
            {"id": "a", "zh": "甲"},
            {"id": "blank", "zh": "  ", "en": "\n"},
            {"zh": ""},
        ],
        "respondents": [{"id": "r1", "ratings": {"a": 2, "blank": 5}}],
        "symptoms": [{"id": "s1", "en": "Only English"}, {"id": "s2"}],
    })));
    assert_eq!(d.statements.len(), 1);
    assert_eq!(d.symptoms.len(), 1);
    assert_eq!(d.symptoms[0].en, "Only English");
    assert_eq!(d.respondents[0].ratings.len(), 1);
    assert!(has(
        &repairs,
        "diagnosis.statements.blank",
        DiagnosisFix::NoText
    ));
    assert!(has(
        &repairs,
        "diagnosis.statements[2]",
        DiagnosisFix::NoText
    ));
    assert!(has(&repairs, "diagnosis.symptoms.s2", DiagnosisFix::NoText));
    assert!(has(
        &repairs,
        "diagnosis.respondents.r1.ratings",
        DiagnosisFix::UnknownStatements(1)
    ));
    let (zh, en) = texts(&Repair::Diagnosis {
        path: "diagnosis.statements.blank".into(),
        fix: DiagnosisFix::NoText,
    });
    assert!(
        zh.contains("diagnosis.statements.blank") && zh.contains("删除"),
        "{zh}"
    );
    assert!(en.contains("no text") && en.contains("removed"), "{en}");
}

#[test]
fn ratings_out_of_range_not_whole_or_of_no_statement_cost_only_themselves() {
    let (d, repairs) = loads(&doc_with(json!({
        "statements": [
            {"id": "a", "zh": "甲"}, {"id": "b", "zh": "乙"}, {"id": "c", "zh": "丙"},
            {"id": "e", "zh": "戊"}, {"id": "f", "zh": "己"}, {"id": "g", "zh": "庚"},
        ],
        "respondents": [{
            "id": "r1", "name": "王五",
            "ratings": {"a": 0, "b": 6, "c": 3.5, "d": 4, "e": "4", "f": -1, "g": 300,
                        "ok1": 1, "a2": 5},
        }, {
            "id": "r2", "ratings": {"a": 5, "c": 1, "ghost": 3},
        }],
    })));
    let r1 = &d.respondents[0];
    assert_eq!(r1.name, "王五", "the respondent is kept");
    assert!(r1.ratings.is_empty(), "{:?}", r1.ratings);
    assert_eq!(
        d.respondents[1].ratings,
        BTreeMap::from([("a".to_string(), 5), ("c".to_string(), 1)])
    );
    // Before the read: the six values that are not whole numbers from 1 to 5, one report.
    assert!(has(
        &repairs,
        "diagnosis.respondents[0].ratings",
        DiagnosisFix::RatingsOutOfRange(6)
    ));
    // After it: the three of statements that do not exist.
    assert!(has(
        &repairs,
        "diagnosis.respondents.r1.ratings",
        DiagnosisFix::UnknownStatements(3)
    ));
    assert!(has(
        &repairs,
        "diagnosis.respondents.r2.ratings",
        DiagnosisFix::UnknownStatements(1)
    ));
    let (zh, en) = texts(&Repair::Diagnosis {
        path: "diagnosis.respondents[0].ratings".into(),
        fix: DiagnosisFix::RatingsOutOfRange(6),
    });
    assert!(zh.contains('6') && zh.contains("1 到 5"), "{zh}");
    assert!(en.contains("6 ratings") && en.contains("1 to 5"), "{en}");
    let (zh, en) = texts(&Repair::Diagnosis {
        path: "diagnosis.respondents.r1.ratings".into(),
        fix: DiagnosisFix::UnknownStatements(3),
    });
    assert!(zh.contains("不存在的陈述"), "{zh}");
    assert!(
        en.contains("3 ratings") && en.contains("do not exist"),
        "{en}"
    );
}

#[test]
fn an_unknown_dimension_group_cause_or_tool_costs_only_that_value() {
    let (d, repairs) = loads(&doc_with(json!({
        "statements": [
            {"id": "a", "dimension": "finance", "zh": "甲"},
            {"id": "b", "dimension": "incentives", "zh": "乙"},
        ],
        "respondents": [{"id": "r1", "ratings": {"a": 2, "b": 4}}],
        "symptoms": [
            {"id": "s1", "group": "misc", "zh": "症状一", "causes": ["tactic", "finance", "tactic"],
             "tools": ["ltc", "crm", 7, "mcr", "ltc"], "ticked": true},
            {"id": "s2", "group": "curse", "zh": "症状二", "causes": ["strategy"],
             "tools": ["tiering"]},
        ],
    })));
    assert_eq!(d.statements.len(), 2, "the section is not lost");
    assert_eq!(d.statements[0].dimension, Soti::Strategy, "the default");
    assert_eq!(d.statements[1].dimension, Soti::Incentives);
    assert_eq!(d.respondents[0].ratings.len(), 2);
    let s1 = &d.symptoms[0];
    assert_eq!(s1.group, SymptomGroup::Organisation, "the default");
    assert_eq!(s1.causes, [Soti::Tactic]);
    assert_eq!(s1.tools, [Tool::Ltc, Tool::Mcr]);
    assert!(s1.ticked);
    assert_eq!(d.symptoms[1].group, SymptomGroup::Curse);
    assert_eq!(d.symptoms[1].tools, [Tool::Tiering]);
    for wrong in [
        "diagnosis.statements[0].dimension",
        "diagnosis.symptoms[0].group",
    ] {
        assert!(
            repairs.contains(&Repair::WrongType(wrong.into())),
            "{wrong} in {repairs:#?}"
        );
    }
    assert!(has(
        &repairs,
        "diagnosis.symptoms[0].causes",
        DiagnosisFix::UnknownValues("finance".into())
    ));
    assert!(has(
        &repairs,
        "diagnosis.symptoms[0].tools",
        DiagnosisFix::UnknownValues("crm, 7".into())
    ));
    assert!(has(
        &repairs,
        "diagnosis.symptoms.s1.causes",
        DiagnosisFix::Repeated(1)
    ));
    assert!(has(
        &repairs,
        "diagnosis.symptoms.s1.tools",
        DiagnosisFix::Repeated(1)
    ));
    let (zh, en) = texts(&Repair::Diagnosis {
        path: "diagnosis.symptoms[0].tools".into(),
        fix: DiagnosisFix::UnknownValues("crm, 7".into()),
    });
    assert!(zh.contains("crm, 7"), "{zh}");
    assert!(
        en.contains("crm, 7") && en.contains("does not know"),
        "{en}"
    );
    let (zh, en) = texts(&Repair::Diagnosis {
        path: "diagnosis.symptoms.s1.tools".into(),
        fix: DiagnosisFix::Repeated(1),
    });
    assert!(zh.contains("重复"), "{zh}");
    assert!(en.contains("twice"), "{en}");
}

#[test]
fn absurd_counts_are_capped_and_reported() {
    let statements: Vec<Value> = (0..MAX_STATEMENTS + 50)
        .map(|i| json!({"id": format!("q{i}"), "zh": format!("陈述{i}")}))
        .collect();
    let respondents: Vec<Value> = (0..MAX_RESPONDENTS + 100)
        .map(|i| json!({"id": format!("r{i}"), "ratings": {"q0": 3, "q249": 4}}))
        .collect();
    let symptoms: Vec<Value> = (0..MAX_SYMPTOMS + 50)
        .map(|i| json!({"id": format!("s{i}"), "en": format!("Symptom {i}")}))
        .collect();
    let (d, repairs) = loads(&doc_with(json!({
        "statements": statements, "respondents": respondents, "symptoms": symptoms,
    })));
    assert_eq!(
        (d.statements.len(), d.respondents.len(), d.symptoms.len()),
        (MAX_STATEMENTS, MAX_RESPONDENTS, MAX_SYMPTOMS)
    );
    for (path, max, cut) in [
        ("diagnosis.statements", MAX_STATEMENTS, 50),
        ("diagnosis.respondents", MAX_RESPONDENTS, 100),
        ("diagnosis.symptoms", MAX_SYMPTOMS, 50),
    ] {
        assert!(
            has(&repairs, path, DiagnosisFix::Capped { max, cut }),
            "{path}"
        );
    }
    // The ratings of the statements cut went with them.
    assert!(d.respondents.iter().all(|r| r.ratings.len() == 1));
    let (zh, en) = texts(&Repair::Diagnosis {
        path: "diagnosis.statements".into(),
        fix: DiagnosisFix::Capped { max: 200, cut: 50 },
    });
    assert!(zh.contains("200") && zh.contains("50"), "{zh}");
    assert!(en.contains("more than 200") && en.contains("50"), "{en}");
}

#[test]
fn huge_texts_are_cut_and_reported() {
    let huge = "诊".repeat(20_000);
    let (d, repairs) = loads(&doc_with(json!({
        "statements": [{"id": "a", "zh": huge, "en": "short"}],
        "respondents": [{"id": "r1", "name": huge, "ratings": {"a": 4}}],
        "symptoms": [{"id": "s1", "zh": "短", "en": huge}],
    })));
    let cut: Vec<&str> = repairs
        .iter()
        .filter_map(|r| match r {
            Repair::TextCut { path, .. } => Some(path.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        cut,
        [
            "diagnosis.statements[0].zh",
            "diagnosis.respondents[0].name",
            "diagnosis.symptoms[0].en",
        ]
    );
    assert_eq!(d.statements[0].zh.chars().count(), 10_000);
    assert_eq!(d.respondents[0].rating("a"), Some(4));
}

#[test]
fn an_empty_statement_list_is_legal_and_a_missing_section_gives_the_defaults() {
    let (d, repairs) = loads(&doc_with(json!({"statements": [], "respondents": []})));
    assert!(d.statements.is_empty(), "the user deleted them all");
    assert_eq!(d.symptoms, diagnosis::default_symptoms());
    assert!(fixes(&repairs).is_empty(), "{repairs:#?}");

    let mut doc: Value = serde_json::from_str(&to_json(&zh(), NOW)).expect("json");
    doc["workspace"]
        .as_object_mut()
        .expect("object")
        .remove("diagnosis");
    let loaded = load(&doc.to_string()).expect("loads");
    assert_eq!(loaded.workspace.diagnosis, Diagnosis::default());
    assert!(loaded
        .repairs
        .contains(&Repair::MissingSection("diagnosis".into())));

    // A section that is not an object costs only itself.
    let (d, repairs) = loads(&doc_with(json!([1, 2, 3])));
    assert_eq!(d, Diagnosis::default());
    assert!(repairs.contains(&Repair::WrongType("diagnosis".into())));
}

#[test]
fn a_repaired_document_loads_again_without_repairs() {
    let text = doc_with(json!({
        "statements": [{"id": "a", "zh": "甲"}, {"id": "a", "zh": "乙"}, {"id": "b"}],
        "respondents": [{"ratings": {"a": 9, "st-1": 4, "b": 2}}],
        "symptoms": [{"id": "x", "zh": "症状", "causes": ["tactic", "tactic", "?"]}],
    }));
    let first = load(&text).expect("loads");
    let again = load(&to_json(&first.workspace, NOW)).expect("loads again");
    assert_eq!(again.repairs, vec![]);
    assert_eq!(again.workspace.diagnosis, first.workspace.diagnosis);
}

/// Hostile diagnosis documents: ids from a small pool (repeats, blanks), texts blank or not,
/// dimensions, groups, causes and tools known or not, ratings of any statement with any value.
fn hostile_diagnosis() -> impl Strategy<Value = Value> {
    let id = || proptest::sample::select(vec!["a", "b", "c", "", " ", "st-1", "rs-1", "sy-1"]);
    let text = || proptest::sample::select(vec!["", "  ", "甲", "Zoë", "销售战略清晰"]);
    let dimension = || {
        proptest::sample::select(vec![
            json!("strategy"),
            json!("tactic"),
            json!("finance"),
            json!(3),
            json!(null),
        ])
    };
    let key = || {
        proptest::sample::select(vec![
            json!("strategy"),
            json!("incentives"),
            json!("ltc"),
            json!("mcr"),
            json!("talent"),
            json!("crm"),
            json!(false),
        ])
    };
    let rating = || {
        proptest::sample::select(vec![
            json!(0),
            json!(1),
            json!(3),
            json!(5),
            json!(6),
            json!(255),
            json!(256),
            json!(-1),
            json!(2.5),
            json!("4"),
        ])
    };
    let statement = (id(), dimension(), text(), text())
        .prop_map(|(id, d, zh, en)| json!({"id": id, "dimension": d, "zh": zh, "en": en}));
    let respondent = (
        id(),
        text(),
        proptest::collection::vec((id(), rating()), 0..6),
    )
        .prop_map(|(id, name, ratings)| {
            let map: serde_json::Map<String, Value> = ratings
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect();
            json!({"id": id, "name": name, "ratings": map})
        });
    let symptom = (
        id(),
        proptest::sample::select(vec![json!("curse"), json!("misc"), json!(1)]),
        text(),
        text(),
        proptest::collection::vec(key(), 0..5),
        proptest::collection::vec(key(), 0..5),
        any::<bool>(),
    )
        .prop_map(|(id, group, zh, en, causes, tools, ticked)| {
            json!({"id": id, "group": group, "zh": zh, "en": en, "causes": causes,
                   "tools": tools, "ticked": ticked})
        });
    (
        proptest::collection::vec(statement, 0..8),
        proptest::collection::vec(respondent, 0..5),
        proptest::collection::vec(symptom, 0..6),
    )
        .prop_map(|(statements, respondents, symptoms)| {
            json!({"statements": statements, "respondents": respondents, "symptoms": symptoms})
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn check_passes_after_loading_any_hostile_diagnosis(doc in hostile_diagnosis()) {
        let loaded = load(&doc_with(doc)).expect("loads");
        prop_assert_eq!(diagnosis::check(&loaded.workspace.diagnosis), Ok(()));
        let again = load(&to_json(&loaded.workspace, NOW)).expect("loads again");
        prop_assert_eq!(again.repairs, vec![]);
        prop_assert_eq!(again.workspace.diagnosis, loaded.workspace.diagnosis);
    }
}

// ----- Migration 7 → 8 -----

#[test]
fn a_version_7_document_gets_the_default_diagnosis_without_a_repair() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/migrations/v7-to-v8.input.json");
    let input: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("json");
    assert!(input.get("diagnosis").is_none());
    let text =
        json!({"format": "kam-planner", "schema_version": 7, "workspace": input}).to_string();
    let loaded = load(&text).expect("loads");
    assert_eq!(loaded.from_version, 7);
    let d = &loaded.workspace.diagnosis;
    assert_eq!(*d, Diagnosis::default());
    assert_eq!(d.statements.len(), 20);
    assert!(d.respondents.is_empty());
    assert!(d.symptoms.iter().all(|s| !s.ticked));
    // The fixture's one bad tier is the only repair: the new section needs none.
    assert_eq!(
        loaded.repairs,
        vec![Repair::WrongType("tiering.tiers[2]".into())]
    );
    // MCR's document of the version 7 file is kept.
    assert_eq!(loaded.workspace.mcr.stakeholders.len(), 1);
    assert_eq!(loaded.workspace.engagement.entries[0].stakeholders, ["s1"]);
    // Saved again it is version 8 and reads back the same.
    let again = load(&to_json(&loaded.workspace, NOW)).expect("loads");
    assert_eq!(again.from_version, u64::from(SCHEMA_VERSION));
    assert_eq!(SCHEMA_VERSION, 8);
    assert_eq!(again.workspace, loaded.workspace);
    // A section somehow present already is left as it is.
    let mut input: Value = json!({"diagnosis": {"statements": []}});
    input = kam_planner::persist::migrate::STEPS[6](input).expect("step");
    assert_eq!(input["diagnosis"], json!({"statements": []}));
}

// ----- Merges -----

fn small() -> Workspace {
    let mut ws = zh();
    ws.diagnosis = Diagnosis {
        statements: vec![
            statement("q1", Soti::Strategy, "战略清晰", 100),
            statement("q2", Soti::Tactic, "打法统一", 100),
        ],
        respondents: vec![respondent("r1", "刘建国", &[("q1", 4), ("q2", 2)], 100)],
        symptoms: vec![Symptom {
            id: "y1".into(),
            zh: "协同差".into(),
            causes: vec![Soti::Organization],
            tools: vec![Tool::Team],
            updated_at: 100,
            ..Symptom::default()
        }],
    };
    ws
}

#[test]
fn records_only_the_file_has_are_added_and_a_conflict_goes_to_the_newer_side() {
    let mine = small();
    let mut theirs = mine.clone();
    theirs.diagnosis.statements[1].zh = "打法统一且可复制".into();
    theirs.diagnosis.statements[1].updated_at = 200;
    theirs
        .diagnosis
        .statements
        .insert(1, statement("q9", Soti::Incentives, "激励到位", 150));
    theirs
        .diagnosis
        .respondents
        .push(respondent("r2", "", &[("q9", 5)], 150));
    theirs.diagnosis.respondents[0]
        .ratings
        .insert("q1".into(), 5);
    theirs.diagnosis.respondents[0].updated_at = 50;
    theirs.diagnosis.symptoms[0].ticked = true;
    theirs.diagnosis.symptoms[0].updated_at = 300;

    let cmp = compare(&mine, &theirs);
    let refs = |kind, ids: &[&str]| -> Vec<EntityRef> {
        ids.iter()
            .map(|id| EntityRef {
                kind,
                id: (*id).into(),
            })
            .collect()
    };
    let mut added = refs(EntityKind::DiagnosisStatement, &["q9"]);
    added.extend(refs(EntityKind::DiagnosisRespondent, &["r2"]));
    assert_eq!(cmp.added, added);
    let counts = cmp.counts_of(EntityKind::DiagnosisStatement);
    assert_eq!((counts.added, counts.changed, counts.unchanged), (1, 1, 1));
    assert_eq!(cmp.counts_of(EntityKind::DiagnosisSymptom).changed, 1);
    let conflict = |kind| {
        cmp.conflicts
            .iter()
            .find(|c| c.entity.kind == kind)
            .expect("a conflict")
    };
    let q2 = conflict(EntityKind::DiagnosisStatement);
    assert_eq!(
        (q2.entity.id.as_str(), q2.default_side),
        ("q2", Side::Theirs)
    );
    assert_eq!(
        (q2.label.as_str(), q2.label_en.as_str()),
        ("打法统一", "打法统一")
    );
    assert_eq!(differing_entity_fields(&mine, &theirs, &q2.entity), ["zh"]);
    let r1 = conflict(EntityKind::DiagnosisRespondent);
    assert_eq!(r1.default_side, Side::Mine, "mine is newer");
    assert_eq!(r1.label, "刘建国");
    assert_eq!(
        differing_entity_fields(&mine, &theirs, &r1.entity),
        ["ratings"]
    );
    let y1 = conflict(EntityKind::DiagnosisSymptom);
    assert_eq!(y1.default_side, Side::Theirs);
    assert_eq!(
        differing_entity_fields(&mine, &theirs, &y1.entity),
        ["ticked"]
    );

    let merged = merge(&mine, &theirs, &cmp, &Choices::new());
    let d = &merged.diagnosis;
    assert_eq!(diagnosis::check(d), Ok(()));
    let order: Vec<&str> = d.statements.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        order,
        ["q1", "q9", "q2"],
        "after its predecessor in the file"
    );
    assert_eq!(
        d.statement("q2").map(|s| s.zh.as_str()),
        Some("打法统一且可复制")
    );
    assert_eq!(d.respondents[0].rating("q1"), Some(4), "mine kept");
    assert_eq!(d.respondents[1].rating("q9"), Some(5));
    assert!(d.symptoms[0].ticked);
    // Choosing mine for the statement keeps mine's text.
    let mut choices = Choices::new();
    choices.insert(q2.entity.clone(), Side::Mine);
    let kept = merge(&mine, &theirs, &cmp, &choices);
    assert_eq!(
        kept.diagnosis.statement("q2").map(|s| s.zh.as_str()),
        Some("打法统一")
    );
    assert_eq!(EntityKind::DiagnosisStatement.key(), "diagnosis_statement");
    assert_eq!(
        EntityKind::DiagnosisRespondent.key(),
        "diagnosis_respondent"
    );
    assert_eq!(EntityKind::DiagnosisSymptom.key(), "diagnosis_symptom");
    assert!(EntityKind::ALL.ends_with(&[
        EntityKind::DiagnosisStatement,
        EntityKind::DiagnosisRespondent,
        EntityKind::DiagnosisSymptom
    ]));
}

#[test]
fn three_way_takes_each_sides_changes_and_deletions() {
    let base = small();
    let mut mine = base.clone();
    mine.diagnosis.respondents[0].ratings.insert("q1".into(), 1);
    mine.diagnosis.respondents[0].updated_at = 200;
    let mut theirs = base.clone();
    theirs.diagnosis.symptoms[0].ticked = true;
    theirs.diagnosis.symptoms[0].updated_at = 150;
    theirs
        .diagnosis
        .respondents
        .push(respondent("r2", "陈静", &[("q2", 3)], 160));

    let plan = three_way(Some(&base), &mine, &theirs);
    assert!(plan.both_changed.is_empty());
    let merged = merge_three_way(&mine, &theirs, &plan, &plan.choices);
    let d = &merged.diagnosis;
    assert_eq!(diagnosis::check(d), Ok(()));
    assert_eq!(d.respondents[0].rating("q1"), Some(1), "mine's edit");
    assert!(d.symptoms[0].ticked, "theirs' edit");
    assert_eq!(d.respondents.len(), 2, "theirs' addition");

    // Both changed the same statement: listed for the user, mine until they choose.
    let mut mine2 = base.clone();
    mine2.diagnosis.statements[0].zh = "我方改".into();
    mine2.diagnosis.statements[0].updated_at = 300;
    let mut theirs2 = base.clone();
    theirs2.diagnosis.statements[0].zh = "对方改".into();
    theirs2.diagnosis.statements[0].updated_at = 400;
    let plan = three_way(Some(&base), &mine2, &theirs2);
    assert_eq!(plan.both_changed.len(), 1);
    assert_eq!(
        plan.both_changed[0].entity.kind,
        EntityKind::DiagnosisStatement
    );
    let merged = merge_three_way(&mine2, &theirs2, &plan, &plan.choices);
    assert_eq!(merged.diagnosis.statements[0].zh, "我方改");
}

#[test]
fn a_rating_of_a_statement_the_other_side_deleted_is_dropped() {
    let base = small();
    // Theirs deleted q2 (and mine left q2 alone); mine's new respondent rates it.
    let mut theirs = base.clone();
    theirs.diagnosis.statements.retain(|s| s.id != "q2");
    theirs.diagnosis.respondents[0].ratings.remove("q2");
    theirs.diagnosis.respondents[0].updated_at = 150;
    let mut mine = base.clone();
    mine.diagnosis
        .respondents
        .push(respondent("r2", "陈静", &[("q1", 3), ("q2", 4)], 200));

    let plan = three_way(Some(&base), &mine, &theirs);
    assert!(plan.left_out.contains(&EntityRef {
        kind: EntityKind::DiagnosisStatement,
        id: "q2".into()
    }));
    let merged = merge_three_way(&mine, &theirs, &plan, &plan.choices);
    let d = &merged.diagnosis;
    assert_eq!(diagnosis::check(d), Ok(()));
    assert!(d.statement("q2").is_none());
    assert_eq!(
        d.respondents[1].ratings,
        BTreeMap::from([("q1".to_string(), 3)])
    );
    assert_eq!(
        d.respondents[0].ratings,
        BTreeMap::from([("q1".to_string(), 4)]),
        "r1's rating of q2 goes too"
    );
}

#[test]
fn any_merge_of_two_valid_documents_passes_check() {
    // Mine deleted a statement theirs' respondent rates, theirs deleted one mine rates.
    let base = small();
    let mut mine = base.clone();
    mine.diagnosis.statements.retain(|s| s.id != "q1");
    mine.diagnosis.respondents[0].ratings.remove("q1");
    let mut theirs = base.clone();
    theirs.diagnosis.statements.retain(|s| s.id != "q2");
    theirs.diagnosis.respondents[0].ratings.remove("q2");
    for plan_base in [Some(&base), None] {
        let plan = three_way(plan_base, &mine, &theirs);
        for side in [Side::Mine, Side::Theirs] {
            let choices: Choices = plan
                .comparison
                .conflicts
                .iter()
                .map(|c| (c.entity.clone(), side))
                .collect();
            let merged = merge_three_way(&mine, &theirs, &plan, &choices);
            assert_eq!(diagnosis::check(&merged.diagnosis), Ok(()));
        }
    }
}

// ----- The demo through save and load -----

#[test]
fn the_demos_diagnosis_survives_save_and_load_unchanged() {
    for locale in [DemoLocale::Zh, DemoLocale::En] {
        let ws = demo::build("demo-1", NOW, locale);
        assert_eq!(ws.diagnosis, diagnosis::demo());
        assert_eq!(ws.diagnosis.respondents.len(), 3);
        let loaded = load(&to_json(&ws, NOW)).expect("loads");
        assert_eq!(loaded.repairs, vec![]);
        assert_eq!(loaded.workspace.diagnosis, ws.diagnosis);
        let stored = load_stored(&to_stored(&ws, NOW)).expect("loads");
        assert_eq!(stored.repairs, vec![]);
        assert_eq!(stored.workspace.diagnosis, ws.diagnosis);
    }
}

// ----- Edit::SetDiagnosis -----

#[test]
fn set_diagnosis_refuses_a_bad_document() {
    let ws = small();
    let bad = |f: &dyn Fn(&mut Diagnosis)| {
        let mut d = ws.diagnosis.clone();
        f(&mut d);
        apply(&ws, &Edit::SetDiagnosis(Box::new(d)), NOW)
    };
    let refused = |f: &dyn Fn(&mut Diagnosis)| match bad(f) {
        Err(EditError::Diagnosis(r)) => r,
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert_eq!(
        refused(&|d| d.statements[1].id = "q1".into()),
        DiagnosisRefusal::DuplicateId("q1".into())
    );
    assert_eq!(
        refused(&|d| d.symptoms[0].id.clear()),
        DiagnosisRefusal::MissingId
    );
    assert_eq!(
        refused(&|d| {
            d.statements[0].zh = " ".into();
        }),
        DiagnosisRefusal::MissingText("q1".into())
    );
    assert_eq!(
        refused(&|d| {
            d.respondents[0].ratings.insert("q1".into(), 6);
        }),
        DiagnosisRefusal::BadRating("r1".into())
    );
    assert_eq!(
        refused(&|d| {
            d.respondents[0].ratings.insert("q7".into(), 3);
        }),
        DiagnosisRefusal::UnknownStatement {
            respondent: "r1".into(),
            statement: "q7".into()
        }
    );
    // The same document is no change.
    assert_eq!(bad(&|_| {}), Ok(None));
}

#[test]
fn set_diagnosis_stamps_only_the_records_new_or_changed() {
    let ws = small();
    let mut d = ws.diagnosis.clone();
    d.respondents[0].ratings.insert("q2".into(), 5);
    d.statements
        .push(statement("q3", Soti::Organization, "分工明确", 0));
    let next = apply(&ws, &Edit::SetDiagnosis(Box::new(d)), NOW)
        .expect("valid")
        .expect("changed");
    let d = &next.diagnosis;
    let times: Vec<i64> = d.statements.iter().map(|s| s.updated_at).collect();
    assert_eq!(times, [100, 100, NOW]);
    assert_eq!(d.respondents[0].updated_at, NOW);
    assert_eq!(d.respondents[0].rating("q2"), Some(5));
    assert_eq!(d.symptoms[0].updated_at, 100);
    // An empty list of statements (with no ratings left) is a valid document.
    let mut empty = next.diagnosis.clone();
    empty.statements.clear();
    empty.respondents[0].ratings.clear();
    let cleared = apply(&next, &Edit::SetDiagnosis(Box::new(empty)), NOW + 1)
        .expect("valid")
        .expect("changed");
    assert!(cleared.diagnosis.statements.is_empty());
    let loaded = load(&to_json(&cleared, NOW)).expect("loads");
    assert_eq!(loaded.repairs, vec![]);
    assert_eq!(loaded.workspace.diagnosis, cleared.diagnosis);
}

#[test]
fn the_fuzz_seed_loads_with_its_repairs_reported() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/diagnosis-hostile.json");
    let loaded = load(&std::fs::read_to_string(path).expect("fixture")).expect("loads");
    let d = &loaded.workspace.diagnosis;
    assert_eq!(diagnosis::check(d), Ok(()));
    let ids: Vec<&str> = d.statements.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["q1", "st-1", "st-2"]);
    assert_eq!(d.respondents.len(), 3);
    assert_eq!(d.respondents[0].ratings.len(), 1, "q1 only");
    assert_eq!(d.symptoms.len(), 2);
    assert_eq!(d.symptoms[0].causes, [Soti::Strategy]);
    assert_eq!(d.symptoms[0].tools, [Tool::Tiering, Tool::Portfolio]);
    assert_eq!(d.symptoms[1].tools, [Tool::Mcr]);
    assert!(d.symptoms[1].causes.is_empty(), "not a list: the default");
    let f = fixes(&loaded.repairs);
    for fix in [
        DiagnosisFix::NoText,
        DiagnosisFix::RatingsOutOfRange(3),
        DiagnosisFix::UnknownStatements(2),
        DiagnosisFix::UnknownValues("finance".into()),
        DiagnosisFix::Repeated(1),
    ] {
        assert!(f.iter().any(|(_, x)| *x == fix), "{fix:?} in {f:#?}");
    }
    for r in &loaded.repairs {
        texts(r);
    }
}
