//! The review step of a workspace import: what the file holds, what the load path repaired, what
//! differs from the open workspace per entity type, and the choice of replace, merge (with every
//! conflict listed and choosable) or import as a new workspace.

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use super::conflict_row::{conflict_head, field_list, kind_label, ConflictRow};
use crate::domain::edit::Edit;
use crate::domain::merge::{
    self, chosen, differing_entity_fields, differing_fields, Choices, Comparison, Conflict,
    EntityKind, Side,
};
use crate::domain::workspace::Workspace;
use crate::persist::envelope::Loaded;
use crate::ui::clock::local_datetime;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::library::{new_id, use_library};
use crate::ui::messages::repair_text;
use crate::ui::state::{now_ms, use_workspace, DocRef};

/// Conflicts shown at first; more are shown on request.
const FIRST_ROWS: usize = 50;
/// Repairs listed (the rest are counted).
const REPAIRS_SHOWN: usize = 20;

/// How the file is taken in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Replace,
    Merge,
    AsNew,
}

impl Mode {
    fn key(self) -> &'static str {
        match self {
            Mode::Replace => "replace",
            Mode::Merge => "merge",
            Mode::AsNew => "new",
        }
    }
}

/// Props of [`ImportReview`].
#[derive(Properties, PartialEq)]
pub struct ImportReviewProps {
    /// Name of the chosen file.
    pub file_name: AttrValue,
    /// What the load path read.
    pub loaded: Rc<Loaded>,
    /// Close the dialog.
    pub on_close: Callback<()>,
    /// Choose another file.
    pub on_back: Callback<()>,
    /// Confirmed, with the mode's key; called instead of `on_close` when set.
    #[prop_or_default]
    pub on_applied: Option<Callback<&'static str>>,
}

/// The comparison and, for showing conflicts, the records of both sides by id.
struct Review {
    comparison: Comparison,
    mine: Rc<Workspace>,
    mine_customers: HashMap<String, usize>,
    theirs_customers: HashMap<String, usize>,
}

/// The review step.
#[function_component(ImportReview)]
pub fn import_review(props: &ImportReviewProps) -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let library = use_library();
    let mine = handle.workspace();
    let theirs = &props.loaded.workspace;
    let review = use_memo(
        (DocRef(mine.clone()), props.loaded.clone()),
        |(mine, loaded)| {
            let index = |ws: &Workspace| {
                ws.customers
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (c.id.clone(), i))
                    .collect::<HashMap<_, _>>()
            };
            Review {
                comparison: merge::compare(&mine.0, &loaded.workspace),
                mine: mine.0.clone(),
                mine_customers: index(&mine.0),
                theirs_customers: index(&loaded.workspace),
            }
        },
    );
    let same_workspace = theirs.meta.id == mine.meta.id;
    let mode = use_state(|| {
        if same_workspace {
            Mode::Merge
        } else {
            Mode::AsNew
        }
    });
    let choices = use_state(Choices::new);
    let shown = use_state(|| FIRST_ROWS);

    let comparison = &review.comparison;
    let total = |f: fn(&merge::Counts) -> usize| -> usize {
        comparison.counts.iter().map(|(_, c)| f(c)).sum()
    };
    let (added, changed, removed) = (
        total(|c| c.added),
        total(|c| c.changed),
        total(|c| c.removed),
    );

    let confirm = {
        let mode = *mode;
        let choices = choices.clone();
        let loaded = props.loaded.clone();
        let review = review.clone();
        let handle = handle.clone();
        let library = library.clone();
        let on_close = props.on_close.clone();
        let on_applied = props.on_applied.clone();
        Callback::from(move |_| {
            let theirs = &loaded.workspace;
            match mode {
                Mode::Replace => handle.edit(Edit::ReplaceContent(Box::new(merge::replace(
                    &review.mine,
                    theirs,
                )))),
                Mode::Merge => handle.edit(Edit::ReplaceContent(Box::new(merge::merge(
                    &review.mine,
                    theirs,
                    &review.comparison,
                    &choices,
                )))),
                Mode::AsNew => library.adopt_new(merge::as_new(theirs, &new_id("ws"), now_ms())),
            }
            match &on_applied {
                Some(applied) => applied.emit(mode.key()),
                None => on_close.emit(()),
            }
        })
    };
    let pick_mode = |m: Mode| {
        let mode = mode.clone();
        Callback::from(move |_| mode.set(m))
    };
    let explain = |m: Mode| -> String {
        let n = |v: usize| v.to_string();
        match m {
            Mode::Replace => i18n.tf(
                "exchange.mode.replace_text",
                &[
                    ("added", &n(added)),
                    ("changed", &n(changed)),
                    ("removed", &n(removed)),
                ],
            ),
            Mode::Merge => i18n.tf(
                "exchange.mode.merge_text",
                &[
                    ("added", &n(added)),
                    ("conflicts", &n(changed)),
                    ("kept", &n(removed)),
                ],
            ),
            Mode::AsNew => i18n.tf("exchange.mode.new_text", &[("name", &theirs.meta.name)]),
        }
    };

    let file_line = {
        let exported = props
            .loaded
            .exported_at
            .filter(|t| *t > 0)
            .map(local_datetime)
            .unwrap_or_else(|| "—".to_string());
        i18n.tf(
            "exchange.file_line",
            &[
                ("name", &theirs.meta.name),
                ("customers", &theirs.customers.len().to_string()),
                ("exported", &exported),
            ],
        )
    };
    let repairs = &props.loaded.repairs;

    // The content of the import dialog: `WorkspaceImport` wraps it in its `Modal`, named by
    // the heading `ws-review-title`.
    html! {
        <>
        <h2 id="ws-review-title" class="dialog-title">
            { i18n.tf("exchange.review_title", &[("file", &props.file_name)]) }
        </h2>
        <p class="dialog-body" data-testid="ws-import-file-line">{ file_line }</p>
        if props.loaded.from_version < u64::from(crate::domain::workspace::SCHEMA_VERSION) {
            <p class="dialog-body" data-testid="ws-import-migrated">
                { i18n.tf("exchange.migrated", &[
                    ("from", &props.loaded.from_version.to_string()),
                    ("to", &crate::domain::workspace::SCHEMA_VERSION.to_string()),
                ]) }
            </p>
        }
        if same_workspace {
            <p class="dialog-body">{ i18n.t("exchange.same_workspace") }</p>
        }
        if !repairs.is_empty() {
            <div class="ws-import-repairs" data-testid="ws-import-repairs">
                <p>{ i18n.tf("exchange.repairs", &[("n", &repairs.len().to_string())]) }</p>
                <ul>
                    { for repairs.iter().take(REPAIRS_SHOWN).map(|r| html! { <li>{ repair_text(&i18n, r) }</li> }) }
                    if repairs.len() > REPAIRS_SHOWN {
                        <li>{ i18n.tf("exchange.more", &[("n", &(repairs.len() - REPAIRS_SHOWN).to_string())]) }</li>
                    }
                </ul>
            </div>
        }
        { summary_table(&i18n, comparison) }
        <fieldset class="ws-import-modes">
            <legend>{ i18n.t("exchange.mode.legend") }</legend>
            { for [Mode::Merge, Mode::Replace, Mode::AsNew].into_iter().map(|m| html! {
                <label class={classes!("ws-import-mode", (*mode == m).then_some("is-chosen"))}>
                    <input type="radio" name="ws-import-mode" checked={*mode == m}
                           onchange={pick_mode(m)} data-testid={format!("ws-import-mode-{}", m.key())} />
                    <span class="ws-import-mode-name">{ i18n.t(match m {
                        Mode::Replace => "exchange.mode.replace",
                        Mode::Merge => "exchange.mode.merge",
                        Mode::AsNew => "exchange.mode.new",
                    }) }</span>
                    <span class="ws-import-mode-text">{ explain(m) }</span>
                </label>
            }) }
        </fieldset>
        if *mode == Mode::Merge && !comparison.conflicts.is_empty() {
            { conflicts_table(&i18n, &review, theirs, &choices, &shown) }
        }
        if comparison.is_identical() {
            <p class="dialog-body" data-testid="ws-import-identical">{ i18n.t("exchange.identical") }</p>
        }
        <div class="dialog-actions">
            <button type="button" class="button" data-testid="ws-import-back"
                    onclick={{ let b = props.on_back.clone(); Callback::from(move |_| b.emit(())) }}>
                { i18n.t("exchange.other_file") }
            </button>
            <button type="button" class="button" data-testid="ws-import-cancel"
                    onclick={{ let c = props.on_close.clone(); Callback::from(move |_| c.emit(())) }}>
                { i18n.t("dialog.cancel") }
            </button>
            <button type="button" class="button button-primary" onclick={confirm}
                    data-testid="ws-import-confirm">
                { i18n.t(match *mode {
                    Mode::Replace => "exchange.confirm.replace",
                    Mode::Merge => "exchange.confirm.merge",
                    Mode::AsNew => "exchange.confirm.new",
                }) }
            </button>
        </div>
        </>
    }
}

fn summary_table(i18n: &I18n, comparison: &Comparison) -> Html {
    html! {
        <table class="data-table ws-import-summary" data-testid="ws-import-summary">
            <thead>
                <tr>
                    <th scope="col">{ i18n.t("exchange.col.kind") }</th>
                    <th scope="col" class="num">{ i18n.t("exchange.col.added") }</th>
                    <th scope="col" class="num">{ i18n.t("exchange.col.changed") }</th>
                    <th scope="col" class="num">{ i18n.t("exchange.col.removed") }</th>
                    <th scope="col" class="num">{ i18n.t("exchange.col.unchanged") }</th>
                </tr>
            </thead>
            <tbody>
                { for comparison.counts.iter().map(|(kind, c)| html! {
                    <tr data-testid={format!("ws-import-row-{}", kind.key())}>
                        <th scope="row">{ kind_label(i18n, *kind) }</th>
                        <td class="num" data-testid="added">{ c.added }</td>
                        <td class="num" data-testid="changed">{ c.changed }</td>
                        <td class="num" data-testid="removed">{ c.removed }</td>
                        <td class="num" data-testid="unchanged">{ c.unchanged }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// The names of what differs in one conflict, in the user's language (customers looked up
/// through the review's indexes; a workspace may hold many).
fn conflict_fields(i18n: &I18n, review: &Review, theirs: &Workspace, c: &Conflict) -> String {
    let mine = &review.mine;
    let fields: Vec<String> = match c.entity.kind {
        EntityKind::Customer => {
            let a = review
                .mine_customers
                .get(&c.entity.id)
                .and_then(|i| mine.customers.get(*i));
            let b = review
                .theirs_customers
                .get(&c.entity.id)
                .and_then(|i| theirs.customers.get(*i));
            match (a, b) {
                (Some(a), Some(b)) => differing_fields(a.as_ref(), b.as_ref()),
                _ => Vec::new(),
            }
        }
        _ => differing_entity_fields(mine, theirs, &c.entity),
    };
    field_list(i18n, &fields)
}

fn conflicts_table(
    i18n: &I18n,
    review: &Rc<Review>,
    theirs: &Workspace,
    choices: &UseStateHandle<Choices>,
    shown: &UseStateHandle<usize>,
) -> Html {
    let conflicts = &review.comparison.conflicts;
    let set_all = |side: Option<Side>| {
        let choices = choices.clone();
        let review = review.clone();
        Callback::from(move |_| {
            let mut next = Choices::new();
            if let Some(side) = side {
                for c in &review.comparison.conflicts {
                    next.insert(c.entity.clone(), side);
                }
            }
            choices.set(next);
        })
    };
    let taken_theirs = conflicts
        .iter()
        .filter(|c| chosen(c, choices) == Side::Theirs)
        .count();
    html! {
        <section class="ws-import-conflicts" data-testid="ws-import-conflicts">
            <h3>{ i18n.tf("exchange.conflicts_title", &[("n", &conflicts.len().to_string())]) }</h3>
            <p class="muted" data-testid="ws-import-conflict-tally">
                { i18n.tf("exchange.conflicts_tally", &[
                    ("theirs", &taken_theirs.to_string()),
                    ("mine", &(conflicts.len() - taken_theirs).to_string()),
                ]) }
            </p>
            <div class="ws-import-bulk">
                <button type="button" class="button" onclick={set_all(None)} data-testid="ws-import-all-newer">
                    { i18n.t("exchange.all_newer") }</button>
                <button type="button" class="button" onclick={set_all(Some(Side::Mine))} data-testid="ws-import-all-mine">
                    { i18n.t("exchange.all_mine") }</button>
                <button type="button" class="button" onclick={set_all(Some(Side::Theirs))} data-testid="ws-import-all-theirs">
                    { i18n.t("exchange.all_theirs") }</button>
            </div>
            <table class="data-table">
                { conflict_head(i18n, "exchange.col.mine_at", "exchange.col.theirs_at") }
                <tbody>
                    { for conflicts.iter().take(**shown).map(|c| {
                        let on_pick = {
                            let choices = choices.clone();
                            let entity = c.entity.clone();
                            Callback::from(move |s: Side| {
                                let mut next = (*choices).clone();
                                next.insert(entity.clone(), s);
                                choices.set(next);
                            })
                        };
                        html! {
                            <ConflictRow conflict={c.clone()} side={chosen(c, choices)} {on_pick}
                                         fields={conflict_fields(i18n, review, theirs, c)}
                                         scope="ws-import" mine_label={i18n.t("exchange.take_mine")}
                                         theirs_label={i18n.t("exchange.take_theirs")} />
                        }
                    }) }
                </tbody>
            </table>
            if conflicts.len() > **shown {
                <button type="button" class="button" data-testid="ws-import-more"
                        onclick={{ let shown = shown.clone(); Callback::from(move |_| shown.set(*shown + 200)) }}>
                    { i18n.tf("exchange.show_more", &[("n", &(conflicts.len() - **shown).to_string())]) }
                </button>
            }
        </section>
    }
}
