//! Banners for storage and loading notices, and the suggestion to export. Banners about a lasting
//! condition (storage blocked or full, a newer stored copy, a conflict with another tab) stay
//! until the condition is gone; the others can be dismissed once read.

use yew::prelude::*;

use std::rc::Rc;

use super::exchange::conflict_row::{conflict_head, field_list, ConflictRow};
use super::i18n::{use_i18n, I18n};
use super::library::{use_library, ConflictChoice, Library, Notice, NoticeAction, TabMerge};
use super::messages::{open_error_text, repair_text};
use crate::domain::merge::{chosen, differing_entity_fields, Side};
use crate::persist::envelope::LoadError;
use crate::persist::library::{OpenError, Preserved, StorageUsage};

/// A size such as `840 KB` or `4.2 MB`.
pub fn size_text(bytes: usize) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    if (bytes as f64) < MB {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / MB)
    }
}

/// All current notices.
#[function_component(Banners)]
pub fn banners() -> Html {
    let i18n = use_i18n();
    let library = use_library();
    // The preserved copy whose deletion awaits a second click.
    let confirm_delete = use_state(|| None::<String>);
    let notices = library.notices.0.clone();
    let nudge = library.current_entry().filter(|e| e.wants_export());
    if notices.is_empty() && nudge.is_none() {
        return html! {};
    }
    let export = {
        let library = library.clone();
        Callback::from(move |_| library.export())
    };
    let export_button = html! {
        <button type="button" class="button button-primary" onclick={export.clone()}
                data-testid="banner-export">{ i18n.t("banner.export") }</button>
    };
    html! {
        <div class="banners">
        { for notices.iter().enumerate().map(|(i, notice)| {
            let dismiss_button = if notice.is_dismissible() {
                let notices = library.notices.clone();
                html! {
                    <button type="button" class="button" data-testid="banner-dismiss"
                            onclick={Callback::from(move |_| notices.dispatch(NoticeAction::Dismiss(i)))}>
                        { i18n.t("banner.dismiss") }
                    </button>
                }
            } else {
                html! {}
            };
            match notice {
                Notice::Memory { reason } => html! {
                    <div class="banner banner-warning" role="alert" data-testid="storage-banner">
                        <div class="banner-text">
                            <p>{ i18n.t("banner.memory") }</p>
                            { technical_details(&i18n, reason) }
                        </div>
                        <div class="banner-actions">{ export_button.clone() }</div>
                    </div>
                },
                Notice::SaveFailed(e) => html! {
                    <div class="banner banner-error" role="alert" data-testid="save-failed-banner">
                        <div class="banner-text">
                            <p>{ i18n.t("banner.save_failed") }</p>
                            { technical_details(&i18n, &e.to_string()) }
                        </div>
                        <div class="banner-actions">
                            { export_button.clone() }
                            { retry_button(&i18n, &library) }
                            { dismiss_button }
                        </div>
                    </div>
                },
                Notice::StorageFull { usage, needed_bytes } => storage_full(
                    &i18n, &library, usage, *needed_bytes, &confirm_delete, export_button.clone(),
                ),
                Notice::NewerStored { name, found } => html! {
                    <div class="banner banner-error" role="alert" data-testid="newer-stored-banner">
                        <p class="banner-text">
                            { i18n.tf("banner.newer_stored", &[("name", name), ("found", &found.to_string())]) }
                        </p>
                        <div class="banner-actions">
                            { export_button.clone() }
                            <button type="button" class="button" data-testid="save-as-copy"
                                    onclick={
                                        let library = library.clone();
                                        Callback::from(move |_| library.save_as_copy())
                                    }>{ i18n.t("banner.save_as_copy") }</button>
                        </div>
                    </div>
                },
                Notice::OpenFailed { id, error } => {
                    let preserved = match error {
                        OpenError::Load { preserved_as: Some(key), .. } => Some(key.clone()),
                        _ => None,
                    };
                    let newer = matches!(error, OpenError::Load { error: LoadError::NewerVersion { .. }, .. });
                    html! {
                        <div class="banner banner-error" role="alert" data-testid="open-failed-banner">
                            <div class="banner-text">
                                <p>{ i18n.tf("banner.open_failed", &[("id", id), ("reason", &open_error_text(&i18n, error))]) }</p>
                                if newer {
                                    <p class="banner-detail">{ i18n.t("banner.newer_kept") }</p>
                                }
                                if let Some(key) = &preserved {
                                    <p class="banner-detail">{ i18n.tf("banner.preserved", &[("key", key)]) }</p>
                                }
                            </div>
                            <div class="banner-actions">
                                if let Some(key) = preserved {
                                    { download_raw_button(&i18n, &library, key) }
                                }
                                { dismiss_button }
                            </div>
                        </div>
                    }
                }
                Notice::Repaired { name, repairs, preserved } => html! {
                    <div class="banner banner-warning" role="alert" data-testid="repaired-banner">
                        <div class="banner-text">
                            <p>{ i18n.tf("banner.repaired", &[("name", name), ("n", &repairs.len().to_string())]) }</p>
                            <ul class="banner-detail banner-list">
                                { for repairs.iter().take(20).map(|r| html! { <li>{ repair_text(&i18n, r) }</li> }) }
                                if repairs.len() > 20 {
                                    <li>{ i18n.tf("banner.more", &[("n", &(repairs.len() - 20).to_string())]) }</li>
                                }
                            </ul>
                            { match preserved {
                                Preserved::As(key) => html! {
                                    <p class="banner-detail" data-testid="preserved-key" data-key={key.clone()}>
                                        { i18n.tf("banner.preserved", &[("key", key)]) }
                                    </p>
                                },
                                Preserved::Failed(e) => html! {
                                    <p class="banner-detail">
                                        { i18n.tf("banner.preserve_failed", &[("reason", &e.to_string())]) }
                                    </p>
                                },
                                Preserved::NotNeeded => html! {},
                            } }
                        </div>
                        <div class="banner-actions">
                            if let Preserved::As(key) = preserved {
                                { download_raw_button(&i18n, &library, key.clone()) }
                            }
                            { dismiss_button }
                        </div>
                    </div>
                },
                Notice::UpdatedElsewhere { name, .. } => html! {
                    <div class="banner banner-info" role="status" data-testid="updated-elsewhere-banner">
                        <p class="banner-text">{ i18n.tf("banner.updated_elsewhere", &[("name", name)]) }</p>
                        <div class="banner-actions">{ dismiss_button }</div>
                    </div>
                },
                Notice::RemovedElsewhere { name } => html! {
                    <div class="banner banner-warning" role="alert" data-testid="removed-elsewhere-banner">
                        <p class="banner-text">{ i18n.tf("banner.removed_elsewhere", &[("name", name)]) }</p>
                        <div class="banner-actions">{ dismiss_button }</div>
                    </div>
                },
                Notice::KeptOpen { name } => html! {
                    <div class="banner banner-warning" role="alert" data-testid="kept-open-banner">
                        <p class="banner-text">{ i18n.tf("banner.kept_open", &[("name", name)]) }</p>
                        <div class="banner-actions">{ export_button.clone() }{ dismiss_button }</div>
                    </div>
                },
                Notice::Conflict { theirs, review, .. } => conflict(&i18n, &library, theirs, review.clone()),
                Notice::Merged { name, taken } => html! {
                    <div class="banner banner-info" role="status" data-testid="merged-banner">
                        <p class="banner-text">{ i18n.tf("banner.merged", &[("name", name), ("n", &taken.to_string())]) }</p>
                        <div class="banner-actions">{ dismiss_button }</div>
                    </div>
                },
            }
        }) }
        if let Some(entry) = nudge {
            <div class="banner banner-info" role="status" data-testid="export-nudge">
                <p class="banner-text">{
                    match entry.exported_at {
                        Some(_) => i18n.tf("banner.nudge", &[("name", &entry.name), ("n", &entry.changes_since_export.to_string())]),
                        None => i18n.tf("banner.nudge_never", &[("name", &entry.name), ("n", &entry.changes_since_export.to_string())]),
                    }
                }</p>
                <div class="banner-actions">
                    { export_button.clone() }
                    <button type="button" class="button" data-testid="export-nudge-snooze"
                            onclick={
                                let library = library.clone();
                                Callback::from(move |_| library.snooze_export_nudge())
                            }>{ i18n.t("banner.nudge_later") }</button>
                </div>
            </div>
        }
        </div>
    }
}

fn download_raw_button(i18n: &I18n, library: &Library, key: String) -> Html {
    let library = library.clone();
    html! {
        <button type="button" class="button" data-testid="download-raw"
                onclick={Callback::from(move |_| library.download_raw(&key))}>
            { i18n.t("banner.download_raw") }
        </button>
    }
}

fn retry_button(i18n: &I18n, library: &Library) -> Html {
    let library = library.clone();
    html! {
        <button type="button" class="button" data-testid="banner-retry"
                onclick={Callback::from(move |_| library.retry_save())}>
            { i18n.t("banner.retry") }
        </button>
    }
}

/// Storage is full: the work is still here, the last good copy untouched; what takes the space,
/// and the preserved copies the user may download and delete.
fn storage_full(
    i18n: &I18n,
    library: &Library,
    usage: &StorageUsage,
    needed_bytes: usize,
    confirm_delete: &UseStateHandle<Option<String>>,
    export_button: Html,
) -> Html {
    html! {
        <div class="banner banner-error" role="alert" data-testid="quota-banner">
            <div class="banner-text">
                <p>{ i18n.t("banner.quota") }</p>
                <p class="banner-detail" data-testid="quota-sizes">{
                    if usage.total_bytes == 0 {
                        i18n.tf("banner.quota_sizes_none", &[("size", &size_text(needed_bytes))])
                    } else {
                        i18n.tf("banner.quota_sizes", &[
                            ("size", &size_text(needed_bytes)),
                            ("total", &size_text(usage.total_bytes)),
                        ])
                    }
                }</p>
                if usage.other_bytes > 0 {
                    <p class="banner-detail" data-testid="quota-others">{ i18n.tf("banner.quota_others", &[
                        ("size", &size_text(usage.other_bytes)),
                    ]) }</p>
                }
                if !usage.preserved.is_empty() {
                    <p class="banner-detail">{ i18n.tf("banner.quota_preserved", &[
                        ("n", &usage.preserved.len().to_string()),
                        ("size", &size_text(usage.preserved_bytes())),
                    ]) }</p>
                    <ul class="banner-detail banner-copies">
                        { for usage.preserved.iter().map(|copy| {
                            let asking = confirm_delete.as_deref() == Some(copy.key.as_str());
                            let on_delete = {
                                let library = library.clone();
                                let confirm_delete = confirm_delete.clone();
                                let key = copy.key.clone();
                                Callback::from(move |_| {
                                    if confirm_delete.as_deref() == Some(key.as_str()) {
                                        confirm_delete.set(None);
                                        library.delete_preserved(&key);
                                    } else {
                                        confirm_delete.set(Some(key.clone()));
                                    }
                                })
                            };
                            html! {
                                <li>
                                    <code>{ copy.key.clone() }</code>
                                    <span class="banner-size">{ size_text(copy.bytes) }</span>
                                    { download_raw_button(i18n, library, copy.key.clone()) }
                                    <button type="button"
                                            class={classes!("button", asking.then_some("button-danger"))}
                                            data-testid="delete-preserved" onclick={on_delete}>
                                        { i18n.t(if asking { "banner.delete_confirm" } else { "banner.delete_copy" }) }
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                }
            </div>
            <div class="banner-actions">
                { export_button }
                { retry_button(i18n, library) }
            </div>
        </div>
    }
}

/// Another tab saved the open workspace while this one has unsaved changes. After "keep mine"
/// found records both tabs changed, they are listed with a choice each.
fn conflict(i18n: &I18n, library: &Library, theirs: &str, review: Option<Rc<TabMerge>>) -> Html {
    let choose = |choice: ConflictChoice| {
        let library = library.clone();
        Callback::from(move |_| library.resolve_conflict(choice))
    };
    let mine = library.handle.workspace().meta.name.clone();
    html! {
        <div class="banner banner-warning banner-conflict" role="alert" data-testid="conflict-banner">
            <div class="banner-text">
                <p>{ i18n.t("banner.conflict") }</p>
                <p class="banner-detail">{ i18n.tf("banner.conflict_names", &[("mine", &mine), ("theirs", theirs)]) }</p>
                if let Some(review) = review.clone() {
                    <ConflictReview key={format!("{:p}", Rc::as_ptr(&review))} review={review.clone()} />
                }
            </div>
            <div class="banner-actions">
                if review.is_none() {
                    <button type="button" class="button button-primary" data-testid="conflict-keep-mine"
                            title={i18n.t("conflict.keep_mine_hint")}
                            onclick={choose(ConflictChoice::KeepMine)}>{ i18n.t("conflict.keep_mine") }</button>
                }
                <button type="button" class="button" data-testid="conflict-take-theirs"
                        title={i18n.t("conflict.take_theirs_hint")}
                        onclick={choose(ConflictChoice::TakeTheirs)}>{ i18n.t("conflict.take_theirs") }</button>
                <button type="button" class="button" data-testid="conflict-keep-copy"
                        title={i18n.t("conflict.keep_copy_hint")}
                        onclick={choose(ConflictChoice::KeepMineAsCopy)}>{ i18n.t("conflict.keep_copy") }</button>
            </div>
        </div>
    }
}

/// Props of [`ConflictReview`].
#[derive(Properties, PartialEq)]
struct ConflictReviewProps {
    review: Rc<TabMerge>,
}

/// The records both tabs changed, a mine / theirs choice each, and the button that merges.
#[function_component(ConflictReview)]
fn conflict_review(props: &ConflictReviewProps) -> Html {
    let i18n = use_i18n();
    let library = use_library();
    let review = &props.review;
    let choices = {
        let initial = review.plan.choices.clone();
        use_state(move || initial)
    };
    let both = &review.plan.both_changed;
    let others = review.plan.taken_from_theirs(&review.plan.choices);
    let apply = {
        let library = library.clone();
        let review = review.clone();
        let choices = choices.clone();
        Callback::from(move |_| library.apply_tab_merge(&review, &choices))
    };
    html! {
        <div class="conflict-review" data-testid="conflict-review">
            <p class="banner-detail">{
                if others == 0 {
                    i18n.tf("banner.conflict_both_only", &[("n", &both.len().to_string())])
                } else {
                    i18n.tf("banner.conflict_both", &[
                        ("n", &both.len().to_string()),
                        ("others", &others.to_string()),
                    ])
                }
            }</p>
            <table class="data-table conflict-review-table">
                { conflict_head(&i18n, "conflict.col.mine_at", "conflict.col.theirs_at") }
                <tbody>
                    { for both.iter().map(|c| {
                        let on_pick = {
                            let choices = choices.clone();
                            let entity = c.entity.clone();
                            Callback::from(move |s: Side| {
                                let mut next = (*choices).clone();
                                next.insert(entity.clone(), s);
                                choices.set(next);
                            })
                        };
                        let fields = field_list(&i18n, &differing_entity_fields(&review.mine, &review.theirs, &c.entity));
                        html! {
                            <ConflictRow conflict={c.clone()} side={chosen(c, &choices)} {on_pick}
                                         fields={fields} scope="tab"
                                         mine_label={i18n.t("conflict.take_here")}
                                         theirs_label={i18n.t("conflict.take_other")} />
                        }
                    }) }
                </tbody>
            </table>
            <button type="button" class="button button-primary" data-testid="conflict-apply-merge"
                    onclick={apply}>{ i18n.t("conflict.apply_merge") }</button>
        </div>
    }
}

/// The browser's technical message (English, as the browser gives it) behind a toggle, so that
/// the banner itself stays in the user's language.
pub fn technical_details(i18n: &crate::ui::i18n::I18n, detail: &str) -> Html {
    html! {
        <details class="banner-detail" data-testid="banner-details">
            <summary>{ i18n.t("banner.details") }</summary>
            <p>{ detail.to_string() }</p>
        </details>
    }
}
