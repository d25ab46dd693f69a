//! The demo's diagnosis: three respondents who rate the organisation well and the incentives
//! poorly, and the symptoms a company like the demo's ticks — while the data says the
//! organisation has gaps (strategic accounts without an FR), so the page shows a disagreement.

use std::collections::BTreeMap;

use super::{default_statements, default_symptoms, Diagnosis, Respondent};

/// Ratings of the 20 default statements (`st-1` … `st-20`) by each respondent; 0 = not rated.
const RATINGS: [(&str, &str, [u8; 20]); 3] = [
    (
        "rs-1",
        "刘建国",
        [4, 3, 3, 3, 2, 4, 4, 4, 5, 4, 3, 3, 2, 3, 2, 2, 2, 3, 3, 2],
    ),
    (
        "rs-2",
        "",
        [3, 3, 2, 3, 2, 4, 3, 4, 4, 4, 3, 2, 2, 3, 1, 2, 3, 2, 2, 2],
    ),
    (
        "rs-3",
        "陈静",
        [4, 4, 3, 2, 3, 5, 4, 3, 4, 4, 4, 3, 3, 4, 2, 3, 2, 2, 3, 0],
    ),
];

/// The symptoms the demo company ticks.
const TICKED: [&str; 4] = [
    "sy-personal-asset",
    "sy-no-database",
    "sy-incentive",
    "sy-curse-growth",
];

/// The demo's diagnosis document.
pub fn demo() -> Diagnosis {
    let statements = default_statements();
    let respondents = RATINGS
        .iter()
        .map(|(id, name, r)| Respondent {
            id: (*id).to_string(),
            name: (*name).to_string(),
            ratings: statements
                .iter()
                .zip(r.iter())
                .filter(|(_, &v)| v > 0)
                .map(|(s, &v)| (s.id.clone(), v))
                .collect::<BTreeMap<_, _>>(),
            updated_at: 0,
        })
        .collect();
    let mut symptoms = default_symptoms();
    for s in &mut symptoms {
        s.ticked = TICKED.contains(&s.id.as_str());
    }
    Diagnosis {
        statements,
        respondents,
        symptoms,
    }
}
