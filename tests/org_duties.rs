//! The purchase process × roles (one lead per stage) and Tool 4: role cards and the RACI checks,
//! on the defaults and on broken rows; the defaults in both languages; lenient reading.

use std::collections::BTreeSet;

use kam_planner::domain::org::duties::{
    check_raci, raci_counts, Duties, Raci, RaciCount, RaciError,
};
use kam_planner::domain::org::process::{check_stages, lead_of, StageError};
use kam_planner::domain::org::talent::Talent;
use kam_planner::domain::org::{Involvement, OrgDesign, Person, AD, AR, BUILT_IN_ROLES, FR, SR};

fn s(x: &str) -> String {
    x.to_string()
}

#[test]
fn the_default_purchase_process_has_one_lead_per_stage() {
    let design = OrgDesign::default();
    assert_eq!(check_stages(&design), []);
    let names: Vec<&str> = design.stages.iter().map(|s| s.name_zh.as_str()).collect();
    assert_eq!(
        names,
        [
            "业务调研",
            "战略规划",
            "资金批复",
            "招标采购",
            "合同签订",
            "交付验收"
        ]
    );
    let leads: Vec<Option<&str>> = design.stages.iter().map(|s| lead_of(&design, s)).collect();
    let expected = [AR, SR, AR, SR, AR, FR].map(Some);
    assert_eq!(leads, expected);
    assert!(design.stages.iter().all(|s| !s.name_en.is_empty()));
}

#[test]
fn a_stage_without_a_lead_or_with_two_is_an_error_on_that_row() {
    let mut design = OrgDesign::default();
    // Tender: SR leads; make the AR lead too. Contract: the AR leads; make it only take part.
    design.stages[3].cells.insert(s(AR), Involvement::Lead);
    design.stages[4]
        .cells
        .insert(s(AR), Involvement::Participate);
    let errors = check_stages(&design);
    assert_eq!(
        errors,
        [
            StageError::LeadCount {
                stage: s("tender"),
                count: 2,
                leads: vec![s(AR), s(SR)],
            },
            StageError::LeadCount {
                stage: s("contract"),
                count: 0,
                leads: vec![],
            },
        ]
    );
    assert_eq!(errors[1].stage(), "contract");
    assert_eq!(lead_of(&design, &design.stages[3]), None);
    assert!(errors[0].to_string().contains("tender"));

    // A cell of a role that does not exist is reported and does not count as a lead.
    let mut design = OrgDesign::default();
    design.stages[0].cells.insert(s("XX"), Involvement::Lead);
    let unknown = StageError::UnknownRole {
        stage: s("business_research"),
        role: s("XX"),
    };
    assert_eq!(check_stages(&design), [unknown]);
}

#[test]
fn the_default_raci_matrix_is_valid_and_counted_per_role() {
    let design = OrgDesign::default();
    let duties = Duties::default();
    assert_eq!(check_raci(&design, &duties), []);
    assert_eq!(duties.activities.len(), 13);
    // Counted by hand from defaults/duties.rs.
    let count = |role: &str, r, a, c, i| RaciCount {
        role: s(role),
        r,
        a,
        c,
        i,
    };
    assert_eq!(
        raci_counts(&design, &duties),
        [
            count(AD, 0, 6, 0, 5),
            count(AR, 6, 7, 0, 0),
            count(SR, 4, 0, 8, 0),
            count(FR, 3, 0, 8, 2),
        ]
    );
    assert_eq!(raci_counts(&design, &duties)[0].total(), 11);
}

#[test]
fn raci_rows_need_exactly_one_a_and_at_least_one_r() {
    let design = OrgDesign::default();
    let mut duties = Duties::default();
    // account_plan: AD A, AR R → no A.
    duties.activities[0].raci.insert(s(AD), Raci::C);
    // relationship: AD A → a second A from the AR, and then no R.
    duties.activities[1].raci.insert(s(AR), Raci::A);
    // opportunity: SR R → I, no R left.
    duties.activities[2].raci.insert(s(SR), Raci::I);
    // requirements: a role that does not exist.
    duties.activities[3].raci.insert(s("XX"), Raci::R);
    let errors = check_raci(&design, &duties);
    assert_eq!(
        errors,
        [
            RaciError::NoAccountable {
                activity: s("account_plan")
            },
            RaciError::SeveralAccountable {
                activity: s("relationship"),
                count: 2,
                roles: vec![s(AD), s(AR)],
            },
            RaciError::NoResponsible {
                activity: s("relationship")
            },
            RaciError::NoResponsible {
                activity: s("opportunity")
            },
            RaciError::UnknownRole {
                activity: s("requirements"),
                role: s("XX"),
            },
        ]
    );
    let rows: Vec<&str> = errors.iter().map(RaciError::activity).collect();
    assert_eq!(
        rows,
        [
            "account_plan",
            "relationship",
            "relationship",
            "opportunity",
            "requirements"
        ]
    );
}

#[test]
fn role_cards_follow_the_source_in_both_languages() {
    let duties = Duties::default();
    let roles: Vec<&str> = duties.cards.iter().map(|c| c.role.as_str()).collect();
    assert_eq!(roles, BUILT_IN_ROLES);
    let mut ids = BTreeSet::new();
    for card in &duties.cards {
        assert!(!card.mission.zh.is_empty() && !card.mission.en.is_empty());
        for line in card.responsibilities.iter().chain(&card.key_activities) {
            assert!(
                !line.text.zh.is_empty() && !line.text.en.is_empty(),
                "{line:?}"
            );
            assert!(ids.insert(line.id.clone()), "duplicate id {}", line.id);
        }
    }
    let ar = duties.card(AR).expect("AR card");
    let resp: Vec<&str> = ar
        .responsibilities
        .iter()
        .map(|d| d.text.en.as_str())
        .collect();
    assert_eq!(
        resp,
        [
            "Customer relationships",
            "Business-requirement management",
            "Commercial negotiation",
            "Contract and cash collection"
        ]
    );
    // The FR's five roles of the source.
    let fr = duties.card(FR).expect("FR card");
    let five: Vec<&str> = fr
        .key_activities
        .iter()
        .map(|d| d.text.zh.as_str())
        .collect();
    assert_eq!(
        five,
        [
            "交付组织者",
            "风险控制者",
            "交付方案制定者",
            "交付环境建设者",
            "项目质量与客户满意度的责任人"
        ]
    );
    assert_eq!(duties.card(SR).expect("SR").responsibilities.len(), 5);
    assert!(duties.card(AD).is_some());
}

#[test]
fn the_documents_read_leniently_and_round_trip() {
    let design: OrgDesign = serde_json::from_str("{}").expect("empty object");
    assert_eq!(design, OrgDesign::default());
    assert_eq!(design.account_tiers, ["strategic", "value", "potential"]);
    assert_eq!(design.understaffed_below_pct, 80.0);
    let p: Person = serde_json::from_str(r#"{"id":"p1","name":"王","role":"AR"}"#).expect("person");
    assert_eq!(p.capacity_fte, 1.0);

    let json = serde_json::to_string(&OrgDesign::default()).expect("write");
    assert!(json.contains(r#""triangle":"expansion""#) && json.contains(r#""lead""#));
    let back: OrgDesign = serde_json::from_str(&json).expect("read");
    assert_eq!(back, OrgDesign::default());
    let duties: Duties =
        serde_json::from_str(&serde_json::to_string(&Duties::default()).expect("w")).expect("r");
    assert_eq!(duties, Duties::default());
    let talent: Talent =
        serde_json::from_str(&serde_json::to_string(&Talent::default()).expect("w")).expect("r");
    assert_eq!(talent, Talent::default());
    // Stored figures the user left out fall back to the defaults, not to zero.
    let partial: OrgDesign = serde_json::from_str(
        r#"{"people":[{"id":"x","role":"SR"}],"account_tiers":["strategic"]}"#,
    )
    .expect("partial");
    assert_eq!(partial.roles.len(), 4);
    assert_eq!(partial.templates.len(), 15);
    assert_eq!(partial.people[0].capacity_fte, 1.0);
    assert_eq!(partial.account_tiers, ["strategic"]);
}
