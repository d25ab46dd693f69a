//! Per-person scores: the grid of actuals per role (each person on their role's scorecard), the
//! score of a person with how each indicator was computed, and the distribution of the scores.

use std::rc::Rc;

use yew::prelude::*;

use super::fields::KpiNumber;
use super::import::ActualsImport;
use super::text::{band_label, indicator_name, link_label, score_text, why_text};
use crate::domain::kpi::people::{distribution, person_scores, LinkedActuals, PersonScore};
use crate::domain::kpi::Kpi;
use crate::domain::org::talent_input::format_plain;
use crate::domain::org::OrgDesign;
use crate::ui::charts::histogram::{Column, Histogram};
use crate::ui::i18n::use_i18n;

/// Props of [`PeopleScores`].
#[derive(Properties, PartialEq)]
pub struct PeopleProps {
    /// The document.
    pub kpi: Kpi,
    /// The people and their assignments.
    pub org: Rc<OrgDesign>,
    /// Figures of the 151 programme.
    pub linked: LinkedActuals,
    /// (role id, caption) of the roles.
    pub roles: Vec<(String, String)>,
    /// The changed document.
    pub on_change: Callback<Kpi>,
}

/// The colour of a band, low to high.
const TONES: [&str; 5] = ["low", "weak", "fair", "good", "high"];

/// The page part.
#[function_component(PeopleScores)]
pub fn people_scores(props: &PeopleProps) -> Html {
    let i18n = use_i18n();
    let scores: Vec<PersonScore> = person_scores(&props.kpi, &props.org, &props.linked);
    let role_ids: Vec<&(String, String)> = props
        .roles
        .iter()
        .filter(|(r, _)| props.org.people.iter().any(|p| &p.role == r))
        .collect();
    let selected_role = use_state(|| None::<String>);
    let selected_person = use_state(|| None::<String>);
    let as_table = use_state(|| false);
    let role = selected_role
        .as_ref()
        .filter(|r| role_ids.iter().any(|(id, _)| id == *r))
        .cloned()
        .or_else(|| role_ids.first().map(|(id, _)| id.clone()))
        .unwrap_or_default();
    let card = props.kpi.role_scorecard(&role).cloned();
    let totals: Vec<f64> = scores.iter().filter_map(PersonScore::total).collect();
    let unscored = scores.len() - totals.len();
    let bands = distribution(&totals);
    let columns: Vec<Column> = bands
        .iter()
        .enumerate()
        .map(|(i, b)| Column {
            label: band_label(b),
            count: b.count,
            tone: TONES[i.min(TONES.len() - 1)],
        })
        .collect();
    let detail = selected_person
        .as_ref()
        .and_then(|id| scores.iter().find(|s| &s.person == id));

    html! {
        <>
        <section class="card kpi-people" data-testid="kpi-people">
            <div class="kpi-card-head">
                <h3 class="card-title">{ i18n.t("kpi.people_title") }</h3>
                <ActualsImport kpi={props.kpi.clone()} org={props.org.clone()} on_change={props.on_change.clone()} />
            </div>
            <p class="muted kpi-hint">{ i18n.t("kpi.people_hint") }</p>
            <div class="tabs" role="tablist" aria-label={i18n.t("kpi.people_roles")}>
                { for role_ids.iter().map(|(id, caption)| {
                    let current = *id == role;
                    let onclick = {
                        let selected_role = selected_role.clone();
                        let id = id.clone();
                        Callback::from(move |_| selected_role.set(Some(id.clone())))
                    };
                    html! {
                        <button type="button" role="tab" aria-selected={current.to_string()}
                                class={classes!("tab", current.then_some("is-current"))}
                                data-testid={format!("kpi-people-role-{id}")} {onclick}>{ caption.clone() }</button>
                    }
                }) }
            </div>
            { match &card {
                None => html! { <p class="kpi-problems is-warning">{ i18n.t("kpi.people_no_card") }</p> },
                Some(card) => html! {
                    <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("kpi.people_title")}>
                        <table class="data-table kpi-grid" data-testid="kpi-people-grid">
                            <thead><tr>
                                <th scope="col">{ i18n.t("kpi.col_person") }</th>
                                { for card.indicators.iter().map(|ind| html! {
                                    <th scope="col" class="num">
                                        { indicator_name(&i18n, ind) }
                                        <span class="muted kpi-unit-head">{ format!(" {}", ind.unit) }</span>
                                        if ind.linked { if let Some(label) = link_label(&i18n, &ind.metric) { <span class="kpi-badge">{ label }</span> } }
                                    </th>
                                }) }
                                <th scope="col" class="num">{ i18n.t("kpi.col_total") }</th>
                            </tr></thead>
                            <tbody>
                                { for scores.iter().filter(|s| s.role == role).map(|s| {
                                    let total = s.total();
                                    let on_detail = {
                                        let selected_person = selected_person.clone();
                                        let id = s.person.clone();
                                        Callback::from(move |_| selected_person.set(Some(id.clone())))
                                    };
                                    html! {
                                        <tr data-testid={format!("kpi-person-{}", s.person)}>
                                            <th scope="row">
                                                <button type="button" class="kpi-link-button print-as-text" onclick={on_detail}
                                                        data-testid={format!("kpi-person-detail-{}", s.person)}>{ s.name.clone() }</button>
                                            </th>
                                            { for card.indicators.iter().enumerate().map(|(i, ind)| {
                                                let line = s.result.as_ref().and_then(|r| r.lines.get(i));
                                                let linked = line.is_some_and(|l| l.linked);
                                                let on_commit = {
                                                    let kpi = props.kpi.clone();
                                                    let on_change = props.on_change.clone();
                                                    let (person, indicator) = (s.person.clone(), ind.id.clone());
                                                    Callback::from(move |v: Option<f64>| {
                                                        let mut next = kpi.clone();
                                                        next.set_actual(&person, &indicator, v);
                                                        on_change.emit(next);
                                                    })
                                                };
                                                html! {
                                                    <td class="num">
                                                        if linked {
                                                            <span class="kpi-linked-value" title={link_label(&i18n, &ind.metric).unwrap_or_default()}>
                                                                { line.and_then(|l| l.actual).map(|v| ind.value_text(v)).unwrap_or_default() }
                                                            </span>
                                                        } else {
                                                            <KpiNumber value={props.kpi.actual(&s.person, &ind.id)} optional=true
                                                                label={format!("{} · {}", s.name, indicator_name(&i18n, ind))}
                                                                testid={format!("kpi-actual-{}-{}", s.person, i)} {on_commit} />
                                                        }
                                                    </td>
                                                }
                                            }) }
                                            <td class={classes!("num", "kpi-person-total", total.map(tone_of))}
                                                data-testid={format!("kpi-person-total-{}", s.person)}>
                                                { total.map(score_text).unwrap_or_else(|| "—".to_string()) }
                                            </td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                    </div>
                },
            } }
            if let Some(s) = detail {
                <PersonDetail score={s.clone()} kpi={props.kpi.clone()} />
            }
        </section>
        <section class="card kpi-distribution" data-testid="kpi-distribution">
            <div class="kpi-card-head">
                <h3 class="card-title">{ i18n.t("kpi.distribution_title") }</h3>
                <div class="tabs kpi-toggle">
                    { for [(false, "kpi.view_chart", "kpi-dist-chart"), (true, "kpi.view_table", "kpi-dist-table")].into_iter().map(|(table, key, testid)| {
                        let current = *as_table == table;
                        let as_table = as_table.clone();
                        html! {
                            <button type="button" class={classes!("tab", current.then_some("is-current"))}
                                    aria-pressed={current.to_string()} data-testid={testid}
                                    onclick={Callback::from(move |_| as_table.set(table))}>{ i18n.t(key) }</button>
                        }
                    }) }
                </div>
            </div>
            <p class="muted kpi-hint" data-testid="kpi-dist-summary">
                { i18n.tf("kpi.distribution_summary", &[("scored", &totals.len().to_string()), ("unscored", &unscored.to_string())]) }
            </p>
            if *as_table {
                <table class="data-table" data-testid="kpi-dist-rows">
                    <thead><tr>
                        <th scope="col">{ i18n.t("kpi.col_band") }</th>
                        <th scope="col" class="num">{ i18n.t("kpi.col_people") }</th>
                    </tr></thead>
                    <tbody>
                        { for bands.iter().map(|b| html! {
                            <tr><th scope="row">{ band_label(b) }</th><td class="num">{ b.count }</td></tr>
                        }) }
                    </tbody>
                </table>
            } else {
                <Histogram {columns} label={i18n.t("kpi.distribution_title").to_string()} testid="kpi-histogram" />
            }
        </section>
        </>
    }
}

/// The colour class of a total.
fn tone_of(total: f64) -> &'static str {
    let i = crate::domain::kpi::people::BAND_EDGES
        .iter()
        .take_while(|e| total >= **e)
        .count();
    match TONES.get(i) {
        Some(t) => match *t {
            "low" => "is-low",
            "high" => "is-high",
            _ => "",
        },
        None => "",
    }
}

/// Props of [`PersonDetail`].
#[derive(Properties, PartialEq)]
pub struct PersonDetailProps {
    /// The person's score.
    pub score: PersonScore,
    /// The document (for the indicators' names and weights).
    pub kpi: Kpi,
}

/// One person's score, indicator by indicator, with how each was computed.
#[function_component(PersonDetail)]
pub fn person_detail(props: &PersonDetailProps) -> Html {
    let i18n = use_i18n();
    let s = &props.score;
    let (Some(card), Some(result)) = (
        s.card.as_ref().and_then(|c| props.kpi.scorecard(c)),
        s.result.as_ref(),
    ) else {
        return html! {};
    };
    html! {
        <div class="kpi-detail" data-testid="kpi-person-detail">
            <h4>{ i18n.tf("kpi.detail_title", &[("name", &s.name), ("total", &score_text(result.total))]) }</h4>
            <table class="data-table">
                <thead><tr>
                    <th scope="col">{ i18n.t("kpi.col_indicator") }</th>
                    <th scope="col" class="num">{ i18n.t("kpi.col_weight") }</th>
                    <th scope="col" class="num">{ i18n.t("kpi.col_actual") }</th>
                    <th scope="col" class="num">{ i18n.t("kpi.col_score") }</th>
                    <th scope="col">{ i18n.t("kpi.col_why") }</th>
                    <th scope="col" class="num">{ i18n.t("kpi.col_contribution") }</th>
                </tr></thead>
                <tbody>
                    { for card.indicators.iter().zip(result.lines.iter()).map(|(ind, l)| html! {
                        <tr>
                            <th scope="row">
                                { indicator_name(&i18n, ind) }
                                if l.linked { if let Some(label) = link_label(&i18n, &ind.metric) { <span class="kpi-badge">{ label }</span> } }
                            </th>
                            <td class="num">{ format_plain(ind.weight) }</td>
                            <td class="num">{ l.actual.map(|a| ind.value_text(a)).unwrap_or_else(|| "—".to_string()) }</td>
                            <td class="num">{ score_text(l.score.value) }</td>
                            <td class="kpi-why">{ why_text(&i18n, ind, &l.score.why) }</td>
                            <td class="num">{ score_text(l.contribution) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
