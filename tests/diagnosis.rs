//! The diagnosis's calculations on hand-computed cases: dimension scores and the spread between
//! respondents, the weakest dimension, statement scores, the ranking of tools from the ticked
//! symptoms, the root-cause counts, the verdict of self-assessment against the data, what
//! `check` refuses, the demo's figures and the edit that saves the document.

use std::collections::BTreeMap;

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::diagnosis::calc::{self, Verdict};
use kam_planner::domain::diagnosis::{
    self, check, default_statements, default_symptoms, Diagnosis, DiagnosisRefusal, Respondent,
    Soti, Tool,
};
use kam_planner::domain::edit::{apply, Edit, EditError};

const NOW: i64 = 1_764_806_400_000;

fn respondent(id: &str, ratings: &[(&str, u8)]) -> Respondent {
    Respondent {
        id: id.to_string(),
        name: String::new(),
        ratings: ratings
            .iter()
            .map(|(s, r)| (s.to_string(), *r))
            .collect::<BTreeMap<_, _>>(),
        updated_at: 0,
    }
}

fn with(respondents: Vec<Respondent>) -> Diagnosis {
    Diagnosis {
        respondents,
        ..Diagnosis::default()
    }
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn the_defaults_have_five_statements_per_dimension_in_both_languages() {
    let d = Diagnosis::default();
    for dim in Soti::ALL {
        let of: Vec<_> = d.statements.iter().filter(|s| s.dimension == dim).collect();
        assert_eq!(of.len(), 5, "{dim:?}");
        assert!(of.iter().all(|s| !s.zh.is_empty() && !s.en.is_empty()));
    }
    assert_eq!(d.symptoms.len(), 15);
    assert!(d
        .symptoms
        .iter()
        .all(|s| !s.causes.is_empty() && !s.tools.is_empty()));
    assert_eq!(check(&d), Ok(()));
}

#[test]
fn nothing_rated_gives_no_score_and_no_weakest_dimension() {
    let d = Diagnosis::default();
    let s = calc::scores(&d);
    assert_eq!(s.len(), 4);
    assert!(s
        .iter()
        .all(|x| x.mean.is_none() && x.respondents == 0 && x.spread == 0.0));
    assert_eq!(calc::weakest(&s), None);
    assert!(calc::rank_tools(&d).is_empty());
    assert_eq!(calc::cause_counts(&d), [0; 4]);
}

#[test]
fn each_respondent_counts_once_and_the_spread_is_between_their_means() {
    // A rates two strategy statements 4 and 2 (mean 3), B rates one 5 (mean 5): the dimension
    // is (3 + 5) / 2 = 4, not (4 + 2 + 5) / 3.
    let d = with(vec![
        respondent("a", &[("st-1", 4), ("st-2", 2), ("st-6", 1)]),
        respondent("b", &[("st-1", 5)]),
    ]);
    let s = calc::scores(&d);
    let strategy = &s[Soti::Strategy.index()];
    assert!(close(strategy.mean, 4.0));
    assert_eq!(strategy.respondents, 2);
    assert_eq!(strategy.range, Some((3.0, 5.0)));
    assert!((strategy.spread - 2.0).abs() < 1e-9);
    assert_eq!((strategy.statements_rated, strategy.statements), (2, 5));
    let org = &s[Soti::Organization.index()];
    assert!(close(org.mean, 1.0));
    assert_eq!(org.respondents, 1);
    assert_eq!(org.spread, 0.0);
    assert_eq!(calc::weakest(&s), Some(Soti::Organization));
    let st1 = &calc::statement_scores(&d)[0];
    assert!(close(st1.mean, 4.5));
    assert_eq!((st1.spread, st1.answers), (1, 2));
}

#[test]
fn ratings_out_of_range_are_not_counted_and_refused_by_check() {
    let d = with(vec![respondent(
        "a",
        &[("st-1", 9), ("st-2", 0), ("st-3", 3)],
    )]);
    assert!(close(calc::scores(&d)[0].mean, 3.0));
    assert_eq!(check(&d), Err(DiagnosisRefusal::BadRating("a".into())));
}

#[test]
fn a_tie_for_weakest_goes_to_the_first_in_soti_order() {
    let d = with(vec![respondent(
        "a",
        &[("st-1", 2), ("st-11", 2), ("st-16", 4)],
    )]);
    assert_eq!(calc::weakest(&calc::scores(&d)), Some(Soti::Strategy));
}

#[test]
fn each_dimension_points_to_its_tools() {
    assert_eq!(Soti::Strategy.tools(), &[Tool::Tiering, Tool::Portfolio]);
    assert_eq!(
        Soti::Organization.tools(),
        &[Tool::Team, Tool::Roles, Tool::Rhythm]
    );
    assert_eq!(
        Soti::Tactic.tools(),
        &[Tool::Ltc, Tool::Mcr, Tool::Engagement]
    );
    assert_eq!(Soti::Incentives.tools(), &[Tool::Kpi, Tool::Talent]);
    for t in Tool::ALL {
        assert!(t.dimension().tools().contains(&t));
        assert_eq!(Tool::from_key(t.key()), Some(t));
    }
}

#[test]
fn ticked_symptoms_rank_the_tools_by_points_then_in_the_order_of_the_method() {
    let mut d = Diagnosis::default();
    for s in &mut d.symptoms {
        // 协同差 → team, roles, rhythm; 作战组织不对 → team, roles.
        s.ticked = s.id == "sy-coordination" || s.id == "sy-formation";
    }
    let r = calc::rank_tools(&d);
    let got: Vec<(Tool, u32, usize)> = r
        .iter()
        .map(|x| (x.tool, x.points, x.symptoms.len()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Tool::Team, 6, 2),
            (Tool::Roles, 4, 2),
            (Tool::Rhythm, 1, 1)
        ]
    );
    assert_eq!(calc::cause_counts(&d), [0, 2, 0, 0]);
}

#[test]
fn an_edited_mapping_changes_the_ranking() {
    let mut d = Diagnosis::default();
    for s in &mut d.symptoms {
        s.ticked = s.id == "sy-no-routine";
    }
    assert_eq!(calc::rank_tools(&d)[0].tool, Tool::Rhythm);
    let s = d
        .symptoms
        .iter_mut()
        .find(|s| s.id == "sy-no-routine")
        .unwrap();
    s.tools = vec![Tool::Kpi, Tool::Kpi, Tool::Rhythm];
    s.causes = vec![Soti::Incentives];
    let r = calc::rank_tools(&d);
    // A tool named twice counts once.
    assert_eq!((r[0].tool, r[0].points), (Tool::Kpi, 3));
    assert_eq!((r[1].tool, r[1].points), (Tool::Rhythm, 1));
    assert_eq!(calc::cause_counts(&d), [0, 0, 0, 1]);
}

#[test]
fn the_verdict_sets_the_rating_beside_the_findings() {
    assert_eq!(calc::verdict(None, 3), Verdict::NotRated);
    assert_eq!(calc::verdict(Some(4.0), 1), Verdict::RatedHighDataDisagrees);
    assert_eq!(calc::verdict(Some(3.5), 0), Verdict::AgreeStrong);
    assert_eq!(calc::verdict(Some(2.0), 0), Verdict::RatedLowNoEvidence);
    assert_eq!(calc::verdict(Some(2.0), 2), Verdict::AgreeWeak);
    assert_eq!(calc::verdict(Some(3.0), 0), Verdict::Neutral);
    assert!(Verdict::RatedHighDataDisagrees.disagrees());
    assert!(Verdict::RatedLowNoEvidence.disagrees());
    assert!(!Verdict::AgreeWeak.disagrees());
}

#[test]
fn check_refuses_what_the_document_must_never_hold() {
    let mut d = Diagnosis::default();
    d.statements[1].id = "st-1".into();
    assert_eq!(check(&d), Err(DiagnosisRefusal::DuplicateId("st-1".into())));

    let mut d = Diagnosis::default();
    d.symptoms[0].id.clear();
    assert_eq!(check(&d), Err(DiagnosisRefusal::MissingId));

    let mut d = Diagnosis::default();
    d.statements[0].zh = " ".into();
    d.statements[0].en.clear();
    assert_eq!(check(&d), Err(DiagnosisRefusal::MissingText("st-1".into())));

    let d = with(vec![respondent("a", &[("st-99", 3)])]);
    assert_eq!(
        check(&d),
        Err(DiagnosisRefusal::UnknownStatement {
            respondent: "a".into(),
            statement: "st-99".into()
        })
    );

    // Deleting every statement is allowed.
    let d = Diagnosis {
        statements: Vec::new(),
        respondents: vec![respondent("a", &[])],
        symptoms: default_symptoms(),
    };
    assert_eq!(check(&d), Ok(()));
}

#[test]
fn the_demo_rates_the_organisation_well_and_the_incentives_poorly() {
    let ws = demo::build("demo-1", NOW, DemoLocale::Zh);
    let d = &ws.diagnosis;
    assert_eq!(check(d), Ok(()));
    assert_eq!(d.respondents.len(), 3);
    assert_eq!(
        d.respondents.iter().filter(|r| r.name.is_empty()).count(),
        1
    );
    let s = calc::scores(d);
    // Respondent means — S: 3.0, 2.6, 3.2; O: 4.2, 3.8, 4.0; T: 2.6, 2.2, 3.2; I: 2.4, 2.2, 2.5.
    assert!(close(s[0].mean, (3.0 + 2.6 + 3.2) / 3.0));
    assert!(close(s[1].mean, 4.0));
    assert!(close(s[2].mean, (2.6 + 2.2 + 3.2) / 3.0));
    assert!(close(s[3].mean, (2.4 + 2.2 + 2.5) / 3.0));
    assert!((s[2].spread - 1.0).abs() < 1e-9);
    assert_eq!((s[3].statements_rated, s[3].statements), (5, 5));
    assert_eq!(calc::weakest(&s), Some(Soti::Incentives));
    let ranks: Vec<(Tool, u32)> = calc::rank_tools(d)
        .iter()
        .map(|r| (r.tool, r.points))
        .collect();
    assert_eq!(
        ranks,
        vec![
            (Tool::Mcr, 6),
            (Tool::Portfolio, 3),
            (Tool::Kpi, 3),
            (Tool::Team, 2),
            (Tool::Engagement, 2),
            (Tool::Ltc, 2),
            (Tool::Talent, 2),
            (Tool::Tiering, 1),
        ]
    );
    assert_eq!(calc::cause_counts(d), [1, 1, 3, 1]);
}

#[test]
fn set_diagnosis_saves_a_sound_document_and_refuses_a_bad_one() {
    let ws = demo::build("demo-1", NOW, DemoLocale::Zh);
    let mut next = ws.diagnosis.clone();
    next.respondents[0].ratings.insert("st-5".into(), 5);
    let after = apply(&ws, &Edit::SetDiagnosis(Box::new(next)), NOW + 1000)
        .unwrap()
        .unwrap();
    assert_eq!(after.diagnosis.respondents[0].rating("st-5"), Some(5));
    // Only the changed record gets the time of the edit.
    assert_eq!(after.diagnosis.respondents[0].updated_at, NOW + 1000);
    assert_eq!(
        after.diagnosis.respondents[1].updated_at,
        ws.diagnosis.respondents[1].updated_at
    );
    // The same document again changes nothing.
    assert_eq!(
        apply(
            &after,
            &Edit::SetDiagnosis(Box::new(after.diagnosis.clone())),
            NOW + 2000
        ),
        Ok(None)
    );
    let mut bad = ws.diagnosis.clone();
    bad.respondents[0].ratings.insert("st-1".into(), 6);
    assert!(matches!(
        apply(&ws, &Edit::SetDiagnosis(Box::new(bad)), NOW),
        Err(EditError::Diagnosis(DiagnosisRefusal::BadRating(_)))
    ));
    assert_eq!(default_statements().len(), 20);
    let _ = diagnosis::demo();
}
