//! Which view is shown, kept in the address bar's hash (`#/overview`) so a reload keeps it and
//! relative asset paths keep working from any sub-path.

/// A view of the app. Only views that are built are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// The workspace at a glance and the method.
    Overview,
    /// Diagnosis: the SOTI self-assessment, the symptom finder and the signals from the data
    /// (`#/diagnosis/<tab>`).
    Diagnosis,
    /// Tool 1: customer tiering.
    Tiering,
    /// Concentration analytics (80/20).
    Concentration,
    /// Tool 2: business portfolio, market insight, business design and whitespace.
    Portfolio,
    /// The customer list: search, filter, sort, add, edit, override, delete.
    Customers,
    /// Tool 3: iron-triangle staffing (accounts × roles, people, templates, purchase process).
    Team,
    /// Tool 4: role cards and the RACI matrix.
    Roles,
    /// Tool 7: talent sources, growth ladders and the hiring plan.
    Talent,
    /// Tool 5: management bodies, meetings, the year calendar and the .ics export.
    Rhythm,
    /// The 151 programme: targets, log and completion of the five sales actions.
    Engagement,
    /// Lead to cash: pipeline board, forecast and coverage, contracts and collections, per
    /// account (`#/ltc/account/<id>` opens one account).
    Ltc,
    /// Tool 6: differentiated KPI scorecards, cascade and per-person scores.
    Kpi,
    /// MCR: relationship map, power map, health across accounts, MCR plan and VCT
    /// (`#/mcr/<tab>/<account id>`).
    Mcr,
    /// One account's plan on one page (`#/account/<id>`); reached from the lists that name an
    /// account, not from the navigation.
    Account,
    /// The plan report of the whole workspace (`#/report`); reached from the overview and the
    /// diagnosis, not from the navigation.
    Report,
}

impl Route {
    /// Every view, in navigation order.
    pub const ALL: [Route; 16] = [
        Route::Overview,
        Route::Diagnosis,
        Route::Customers,
        Route::Tiering,
        Route::Concentration,
        Route::Portfolio,
        Route::Team,
        Route::Roles,
        Route::Rhythm,
        Route::Engagement,
        Route::Ltc,
        Route::Mcr,
        Route::Kpi,
        Route::Talent,
        Route::Account,
        Route::Report,
    ];

    /// Short id, used in the hash and in test ids.
    pub fn id(self) -> &'static str {
        match self {
            Route::Overview => "overview",
            Route::Diagnosis => "diagnosis",
            Route::Tiering => "tiering",
            Route::Concentration => "concentration",
            Route::Portfolio => "portfolio",
            Route::Customers => "customers",
            Route::Team => "team",
            Route::Roles => "roles",
            Route::Talent => "talent",
            Route::Rhythm => "rhythm",
            Route::Engagement => "engagement",
            Route::Ltc => "ltc",
            Route::Kpi => "kpi",
            Route::Mcr => "mcr",
            Route::Account => "account",
            Route::Report => "report",
        }
    }

    /// The catalogue key of its navigation label.
    pub fn label_key(self) -> &'static str {
        match self {
            Route::Overview => "nav.overview",
            Route::Diagnosis => "nav.diagnosis",
            Route::Tiering => "nav.tiering",
            Route::Concentration => "nav.concentration",
            Route::Portfolio => "nav.portfolio",
            Route::Customers => "nav.customers",
            Route::Team => "nav.team",
            Route::Roles => "nav.roles",
            Route::Talent => "nav.talent",
            Route::Rhythm => "nav.rhythm",
            Route::Engagement => "nav.engagement",
            Route::Ltc => "nav.ltc",
            Route::Kpi => "nav.kpi",
            Route::Mcr => "nav.mcr",
            Route::Account => "nav.account",
            Route::Report => "report.title",
        }
    }

    /// True for the views listed in the navigation (the account page is opened from lists, the
    /// plan report from the overview and the diagnosis).
    pub fn in_nav(self) -> bool {
        !matches!(self, Route::Account | Route::Report)
    }

    /// The link target, e.g. `#/overview`.
    pub fn hash(self) -> String {
        format!("#/{}", self.id())
    }

    /// The view for a location hash (its first segment: `#/ltc/account/c-1` is LTC); unknown
    /// hashes show the overview.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let id = path.split('/').next().unwrap_or_default();
        Route::ALL
            .into_iter()
            .find(|r| r.id() == id)
            .unwrap_or(Route::Overview)
    }

    /// The view for the current address.
    pub fn current() -> Route {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        Route::from_hash(&hash)
    }
}

/// The segments of the location hash after the view's id, decoded (`#/ltc/account/c%2D1` →
/// `["account", "c-1"]`); empty outside a browser.
pub fn hash_rest() -> Vec<String> {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    rest_of(&hash)
}

/// The decoded segments of `hash` after the view's id.
pub fn rest_of(hash: &str) -> Vec<String> {
    hash.trim_start_matches('#')
        .trim_start_matches('/')
        .split('/')
        .skip(1)
        .filter(|s| !s.is_empty())
        .map(|s| {
            js_sys::decode_uri_component(s)
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_else(|| s.to_string())
        })
        .collect()
}

/// The link to one account's LTC page, `#/ltc/account/<id>` (the id encoded).
pub fn ltc_account_hash(account: &str) -> String {
    let id: String = js_sys::encode_uri_component(account).into();
    format!("#/ltc/account/{id}")
}

/// The link to one account's plan, `#/account/<id>` (the id encoded).
pub fn account_hash(account: &str) -> String {
    let id: String = js_sys::encode_uri_component(account).into();
    format!("#/account/{id}")
}

/// The link to one account's relationship map, `#/mcr/map/<id>` (the id encoded).
pub fn mcr_account_hash(account: &str) -> String {
    let id: String = js_sys::encode_uri_component(account).into();
    format!("#/mcr/map/{id}")
}

/// The tab (and account) a view keeps in the hash after its id, `#/<view>/<tab>/<account>`:
/// the tab of `tabs` whose id (`id`) is the first segment, and the second segment.
fn tab_of_hash<S: Copy>(tabs: &[S], id: fn(S) -> &'static str) -> Option<(S, Option<String>)> {
    let rest = hash_rest();
    let tab = tabs
        .iter()
        .copied()
        .find(|t| rest.first().map(String::as_str) == Some(id(*t)))?;
    Some((tab, rest.get(1).cloned()))
}

/// The tab and account of a view with tabs, read from the hash when the view opens and kept in
/// step with it while it is open (a link to `#/ltc/account/c-1` from another page of the same
/// view switches tab and account; a hash without an account keeps the account shown).
#[yew::hook]
pub fn use_tab_and_account<S: Copy + 'static>(
    tabs: &'static [S],
    id: fn(S) -> &'static str,
    default: S,
) -> (yew::UseStateHandle<S>, yew::UseStateHandle<Option<String>>) {
    use yew::prelude::*;
    let start = tab_of_hash(tabs, id);
    let tab = use_state(|| start.as_ref().map_or(default, |s| s.0));
    let account = use_state(|| start.and_then(|s| s.1));
    {
        let (tab, account) = (tab.clone(), account.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "hashchange", move |_| {
                    if let Some((t, a)) = tab_of_hash(tabs, id) {
                        tab.set(t);
                        if a.is_some() {
                            account.set(a);
                        }
                    }
                })
            });
            move || drop(listener)
        });
    }
    (tab, account)
}
