//! Diagnosis (诊断, SPEC §3.11): find the root cause before choosing the tool. Three tabs: the
//! SOTI self-assessment (statements rated 1–5 by one or more respondents, the radar with its
//! table, the spread, the weakest dimension and its tools), the symptom finder (ticked symptoms
//! rank the tools to open first; the mapping is editable) and the evidence (the signals every
//! tool computes from the data, set beside the self-assessment dimension by dimension). Every
//! figure comes from `domain::diagnosis`.

mod assess;
pub mod evidence;
mod radar;
mod statements;
mod symptoms;

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::diagnosis::calc::{self, DimensionScore};
use crate::domain::diagnosis::signals::{self, Signal};
use crate::domain::diagnosis::{Diagnosis, Soti, Tool};
use crate::domain::edit::Edit;
use crate::ui::i18n::{use_i18n, I18n, Lang};
use crate::ui::route::use_tab_and_account;
use crate::ui::state::{use_workspace, DocRef};
use crate::ui::tab_bar::TabBar;
use crate::ui::term::Term;

/// The tabs of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Assess,
    Symptoms,
    Evidence,
}

impl Section {
    const ALL: [Section; 3] = [Section::Assess, Section::Symptoms, Section::Evidence];

    fn id(self) -> &'static str {
        match self {
            Section::Assess => "assess",
            Section::Symptoms => "symptoms",
            Section::Evidence => "evidence",
        }
    }
}

/// A dimension's name ("组织阵型").
pub fn dimension_name(i18n: &I18n, d: Soti) -> String {
    i18n.t(&format!("diagnosis.dim_{}", d.key())).to_string()
}

/// A tool's name, as in the navigation.
pub fn tool_name(i18n: &I18n, t: Tool) -> String {
    i18n.t(&format!("nav.{}", t.key())).to_string()
}

/// The text of a bilingual record in the user's language (the other when that one is empty).
pub fn text_in<'a>(i18n: &I18n, zh: &'a str, en: &'a str) -> &'a str {
    match i18n.lang {
        Lang::En if !en.trim().is_empty() => en,
        Lang::ZhCn if !zh.trim().is_empty() => zh,
        Lang::En => zh,
        Lang::ZhCn => en,
    }
}

/// A score 1–5 with one decimal, "—" when none.
pub fn score_text(score: Option<f64>) -> String {
    score.map_or_else(|| "—".to_string(), |s| format!("{s:.1}"))
}

/// A link to a tool's view.
pub fn tool_link(i18n: &I18n, t: Tool) -> Html {
    html! {
        <a class="diag-tool-link" href={format!("#/{}", t.key())}
           data-testid={format!("diag-tool-{}", t.key())}>{ tool_name(i18n, t) }</a>
    }
}

/// What every tab is given.
#[derive(Properties, PartialEq)]
pub struct PartProps {
    /// The open workspace.
    pub ws: DocRef,
    /// The dimension scores (computed once per document).
    pub scores: Rc<Vec<DimensionScore>>,
    /// The signals from the data (computed once per document).
    pub signals: Rc<Vec<Signal>>,
    /// Saves a changed diagnosis document (one undoable step); a refused one is explained above
    /// the tabs.
    pub on_save: Callback<Diagnosis>,
}

/// Writes the tab into the hash without adding a history entry.
fn to_hash(section: Section) {
    let hash = format!("#/diagnosis/{}", section.id());
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash));
    }
}

/// The page.
#[function_component(DiagnosisView)]
pub fn diagnosis_view() -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let (section, _) = use_tab_and_account(&Section::ALL, Section::id, Section::Assess);
    let edit_error = use_state(|| None::<String>);
    let doc = DocRef(ws.clone());
    let scores = use_memo(doc.clone(), |d| calc::scores(&d.0.diagnosis));
    let found = use_memo(doc.clone(), |d| signals::signals(&d.0));
    let on_save = {
        let handle = handle.clone();
        let edit_error = edit_error.clone();
        Callback::from(move |d: Diagnosis| {
            handle.edit_or_explain(Edit::SetDiagnosis(Box::new(d)), &i18n, &edit_error);
        })
    };
    let select_tab = {
        let section = section.clone();
        Callback::from(move |id: &str| {
            if let Some(t) = Section::ALL.into_iter().find(|t| t.id() == id) {
                section.set(t);
                to_hash(t);
            }
        })
    };
    let props = |_: ()| (doc.clone(), scores.clone(), found.clone(), on_save.clone());
    let (d, sc, sg, sv) = props(());
    html! {
        <div class="diag" data-testid="diagnosis-view">
            <div class="report-entry-head">
                <h2 class="view-title"><Term id="soti">{ i18n.t("diagnosis.title") }</Term></h2>
                <a class="button" href="#/report" data-testid="diagnosis-report-link">{ i18n.t("report.link") }</a>
            </div>
            <p class="muted diag-intro">{ i18n.t("diagnosis.intro") }</p>
            if let Some(msg) = &*edit_error {
                <p class="diag-edit-error" role="alert" data-testid="diag-edit-error">{ msg }</p>
            }
            <TabBar area="diagnosis" ids={Section::ALL.map(Section::id).to_vec()}
                    current={section.id()} on_select={select_tab} />
            { match *section {
                Section::Assess => html! { <assess::Assess ws={d} scores={sc} signals={sg} on_save={sv} /> },
                Section::Symptoms => html! { <symptoms::Symptoms ws={d} scores={sc} signals={sg} on_save={sv} /> },
                Section::Evidence => html! { <evidence::Evidence ws={d} scores={sc} signals={sg} on_save={sv} /> },
            } }
        </div>
    }
}
