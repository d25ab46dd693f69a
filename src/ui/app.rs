//! The root component: start-up, the providers (language, workspace, library), the autosave
//! effect, changes from other tabs, keyboard shortcuts, and the page layout.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::banner::Banners;
use super::embed::{self, HostImport};
use super::exchange::WorkspaceImport;
use super::header::{Header, PrintHeader};
use super::i18n::{self, I18n, Lang};
use super::library::{
    boot, preferred_lang, Library, Notice, NoticeAction, Notices, Revision, SaveStatus, Saver,
};
use super::modules::{self, Module, TakeOver};
use super::recovery;
use super::route::Route;
use super::state::{now_ms, DocRef, Session, WorkspaceHandle};
use crate::persist::embed::message;
use crate::persist::storage;

/// Installs the recovery banner's panic hook, loads the catalogue of the language the app will
/// open in, then mounts `module`'s app on `<body>` (replacing the splash, or the first-load
/// module's app after it let go: [`Module::take_over`]). When the catalogue cannot be loaded,
/// the splash says so in both languages.
pub fn start(module: &'static Module) {
    recovery::install();
    let lang = embed::page_options()
        .lang
        .as_deref()
        .and_then(Lang::from_tag)
        .or_else(module.first_lang)
        .unwrap_or_else(|| match storage::open_local() {
            Ok(store) => preferred_lang(&store),
            Err(_) => preferred_lang(&modules::memory_store()),
        });
    wasm_bindgen_futures::spawn_local(async move {
        match i18n::load(lang).await {
            Ok(()) => mount(module),
            Err(detail) => {
                show_splash_failure(&detail);
                modules::report_failure(&detail);
            }
        }
    });
}

/// Mounts the app, unless the first-load module on this page declines to let go (then it can
/// be asked again).
fn mount(module: &'static Module) {
    match (module.take_over)() {
        TakeOver::Mount => {
            let app = yew::Renderer::<App>::with_props(AppProps { module }).render();
            modules::remember_mounted(app);
        }
        TakeOver::Declined => modules::offer_retry(move || mount(module)),
    }
}

/// Shows the splash's "could not load" note, with the technical detail.
fn show_splash_failure(detail: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(Some(note)) = doc.query_selector("[data-testid=splash-failed]") {
        let _ = note.remove_attribute("hidden");
    }
    if let Ok(Some(text)) = doc.query_selector("[data-testid=splash-failed-detail]") {
        text.set_text_content(Some(detail));
    }
}

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The build running: which views it carries.
    pub module: &'static Module,
}

/// The application.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let start = use_memo((), |_| boot());
    let options = use_memo((), |_| embed::page_options());
    let lang = use_state(|| {
        options
            .lang
            .as_deref()
            .and_then(Lang::from_tag)
            .unwrap_or(start.lang)
    });
    // Handed over by the first-load module when it had read it: the tools module listens to the
    // host from its first render on.
    let allowlist = use_state(|| modules::handed_allowlist().map(Rc::new));
    let host_import = use_state(|| None::<HostImport>);
    let session = {
        let ws = start.workspace.clone();
        use_reducer(move || Session::new(ws))
    };
    let notices = use_reducer(|| Notices(start.notices.clone()));
    let status = use_state(|| {
        if start.persistent {
            SaveStatus::Saved
        } else {
            SaveStatus::Memory
        }
    });
    let index_rev = use_reducer(Revision::default);
    let persisted = use_state(|| None::<bool>);
    let route = use_state(Route::current);

    let saver = {
        let status = status.clone();
        let notices = notices.clone();
        let index_rev = index_rev.clone();
        let start = start.clone();
        use_memo((), move |_| {
            let on_status = Callback::from(move |s: SaveStatus| status.set(s));
            let on_problem = Callback::from(move |problem: Option<Notice>| {
                if problem.is_none() {
                    // A save went through: the index (names, export record) changed too.
                    index_rev.dispatch(());
                }
                notices.dispatch(NoticeAction::SaveOutcome(problem));
            });
            let saver = Saver::new(start.store.clone(), start.persistent, on_status, on_problem);
            saver.opened(&start.workspace, start.stored);
            saver
        })
    };

    // The one save path: every new document is handed to the saver, which writes it unless
    // storage already holds it (the document opened at start or from storage).
    {
        let saver = saver.clone();
        use_effect_with(DocRef(session.workspace.clone()), move |doc| {
            recovery::remember_workspace(doc.0.clone());
            saver.schedule(doc.0.clone());
        });
    }

    // Closing or reloading the page while changes are not saved asks first. The listener exists
    // only while they are not (a `beforeunload` listener keeps some browsers from caching the
    // page); a save still waiting for its quiet period is written first, and when that works
    // nothing is asked.
    {
        let saver = saver.clone();
        let unsaved = matches!(
            *status,
            SaveStatus::Pending | SaveStatus::Failed | SaveStatus::Paused
        );
        let prompt = I18n { lang: *lang }.t("unload.prompt");
        use_effect_with(unsaved, move |unsaved| {
            let listener = web_sys::window().filter(|_| *unsaved).map(|w| {
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&w, "beforeunload", options, move |e| {
                    if !saver.unsaved_after_flush() {
                        return;
                    }
                    e.prevent_default();
                    if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                        e.set_return_value(prompt);
                    }
                })
            });
            move || drop(listener)
        });
    }

    // Write pending changes before the page goes away.
    {
        let saver = saver.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                let saver = saver.clone();
                EventListener::new(&w, "pagehide", move |_| saver.flush_before_exit())
            });
            move || drop(listener)
        });
    }

    // Ask the browser not to clear our storage under pressure (only when storage works at all).
    {
        let persisted = persisted.clone();
        let persistent = start.persistent;
        use_effect_with((), move |_| {
            if persistent {
                storage::request_persistence(move |answer| persisted.set(answer));
            }
        });
    }

    // Language: <html lang>, the document title, and remember the choice.
    {
        let lang = *lang;
        use_effect_with(lang, move |lang| {
            recovery::remember_lang(*lang);
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                if let Some(root) = doc.document_element() {
                    let _ = root.set_attribute("lang", lang.tag());
                }
                doc.set_title(I18n { lang: *lang }.t("app.title"));
            }
        });
    }

    // Follow the address bar (back/forward, links).
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "hashchange", move |_| route.set(Route::current()))
            });
            move || drop(listener)
        });
    }

    let handle = WorkspaceHandle::new(session.clone());

    // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y, except while typing in a field (the field's own undo wins).
    {
        let handle = handle.clone();
        use_effect_with(handle.clone(), move |_| {
            let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
                // Not passive: `prevent_default` must stop the browser's own undo, which would
                // otherwise also revert the last text typed into any field.
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&doc, "keydown", options, move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if !(e.ctrl_key() || e.meta_key()) || typing_in_field(e) {
                        return;
                    }
                    let key = e.key().to_ascii_lowercase();
                    if key == "z" && !e.shift_key() {
                        e.prevent_default();
                        handle.undo();
                    } else if (key == "z" && e.shift_key()) || key == "y" {
                        e.prevent_default();
                        handle.redo();
                    }
                })
            });
            move || drop(listener)
        });
    }

    let i18n = I18n { lang: *lang };
    let library = Library {
        store: start.store.clone(),
        persistent: start.persistent,
        saver: (*saver).clone(),
        handle: handle.clone(),
        notices: notices.clone(),
        i18n,
        status: (*status).clone(),
        index_rev: index_rev.clone(),
    };

    modules::use_module(props.module, &library);

    // Changes other tabs make to this browser's storage (the event never fires in the tab that
    // wrote). Re-registered with each library so the handler sees the current document.
    {
        use_effect_with(library.clone(), move |library| {
            let library = library.clone();
            let listener = web_sys::window().filter(|_| library.persistent).map(|w| {
                EventListener::new(&w, "storage", move |e| {
                    if let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() {
                        library.on_storage_change(e.key().as_deref(), e.new_value().as_deref());
                    }
                })
            });
            move || drop(listener)
        });
    }
    // A portal's `?workspace=<id>`: open that workspace once at start.
    {
        let library = library.clone();
        let wanted = options.workspace.clone();
        use_effect_with((), move |_| {
            if let Some(id) = wanted {
                library.switch_to(&id);
            }
        });
    }
    // The host bridge: read the allowlist, say ready, answer messages, report saves.
    {
        let allowlist = allowlist.clone();
        use_effect_with((), move |_| {
            if allowlist.is_none() {
                embed::load_allowlist(move |list| {
                    modules::remember_allowlist(&list);
                    allowlist.set(Some(Rc::new(list)));
                });
            }
        });
    }
    {
        let library = library.clone();
        use_effect_with((*allowlist).clone(), move |list| {
            if let Some(list) = list {
                embed::broadcast(list, &embed::ready_message(&library));
            }
        });
    }
    {
        let host_import = host_import.clone();
        let waiting = host_import.is_some();
        use_effect_with(
            (library.clone(), (*allowlist).clone(), waiting),
            move |(library, list, waiting)| {
                let listener = list
                    .as_ref()
                    .filter(|l| !l.origins.is_empty())
                    .and_then(|l| {
                        embed::listen(embed::Bridge {
                            library: library.clone(),
                            allowlist: (**l).clone(),
                            import_waiting: *waiting,
                            on_import: Rc::new(move |i| host_import.set(Some(i))),
                        })
                    });
                move || drop(listener)
            },
        );
    }
    // kam:changed: after each save that went through (no data, just which workspace and when);
    // when storage is unavailable (a cross-site frame whose browser blocks third-party storage),
    // after each change, with `saved: false`, so that the host knows to export.
    {
        let doc = handle.workspace();
        let persistent = start.persistent;
        let last = use_mut_ref(|| None::<(u32, usize)>);
        use_effect_with(
            (index_rev.0, DocRef(doc.clone()), (*allowlist).clone()),
            move |(rev, doc, list)| {
                let now = (*rev, Rc::as_ptr(&doc.0) as usize);
                let before = last.borrow_mut().replace(now);
                let changed = match before {
                    None => false,
                    Some((r, _)) if persistent => r != now.0,
                    Some((_, d)) => d != now.1,
                };
                if let (true, Some(list)) = (changed, list) {
                    let message = message(
                        "kam:changed",
                        None,
                        serde_json::json!({
                            "workspace": doc.0.meta.id,
                            "at": now_ms(),
                            "saved": persistent,
                        }),
                    );
                    embed::broadcast(list, &message);
                }
            },
        );
    }
    let host_review = host_import.as_ref().map(|import| {
        let close = {
            let (host_import, import) = (host_import.clone(), import.clone());
            Callback::from(move |_| {
                embed::import_outcome(&import, None);
                host_import.set(None);
            })
        };
        let applied = {
            let (host_import, import) = (host_import.clone(), import.clone());
            Callback::from(move |mode: &'static str| {
                embed::import_outcome(&import, Some(mode));
                host_import.set(None);
            })
        };
        html! {
            <WorkspaceImport start={Some((AttrValue::from("portal"), import.loaded.clone()))}
                on_close={close} on_applied={applied} />
        }
    });

    let on_lang = {
        let lang = lang.clone();
        let library = library.clone();
        Callback::from(move |l: Lang| {
            library.remember_lang(l);
            if i18n::is_loaded(l) {
                lang.set(l);
                return;
            }
            let lang = lang.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match i18n::load(l).await {
                    Ok(()) => lang.set(l),
                    // The interface stays in its language; the switch shows it again.
                    Err(detail) => {
                        gloo::console::error!(format!("catalogue {}: {detail}", l.tag()));
                        lang.set(*lang);
                    }
                }
            });
        })
    };

    // The skip link moves focus to the view without touching the hash, which names the route.
    let skip_to_main = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        if let Some(main) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"))
            .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = main.focus();
        }
    });
    html! {
        <ContextProvider<I18n> context={i18n}>
        <ContextProvider<WorkspaceHandle> context={handle}>
        <ContextProvider<Library> context={library}>
            <div class={classes!("app", options.embed.then_some("is-embed"))}>
                <a class="skip-link" href="#main" onclick={skip_to_main} data-testid="skip-link">
                    { i18n.t("app.skip_to_main") }
                </a>
                <PrintHeader view_key={route.label_key()} />
                <Header status={(*status).clone()} persisted={*persisted} on_lang={on_lang}
                        embed={options.embed} lock_workspace={options.workspace.is_some()} />
                <Banners />
                <div class="app-body">
                    <nav class="app-nav" aria-label={i18n.t("nav.label")} data-testid="app-nav">
                        { for Route::ALL.iter().filter(|r| r.in_nav()).map(|r| {
                            let current = *route == *r;
                            html! {
                                <a href={r.hash()}
                                   class={classes!("app-nav-link", current.then_some("is-current"))}
                                   aria-current={current.then_some("page")}
                                   data-testid={format!("nav-{}", r.id())}>
                                    { i18n.t(r.label_key()) }
                                </a>
                            }
                        }) }
                    </nav>
                    <main class="app-main" id="main" tabindex="-1">
                        { (props.module.view)(*route) }
                    </main>
                </div>
                if !options.embed {
                    <footer class="app-footer">{ i18n.t("app.footer") }</footer>
                }
                { host_review.unwrap_or_default() }
            </div>
        </ContextProvider<Library>>
        </ContextProvider<WorkspaceHandle>>
        </ContextProvider<I18n>>
    }
}

fn typing_in_field(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.get_attribute("contenteditable").is_some()
        })
        .unwrap_or(false)
}
