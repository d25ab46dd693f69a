//! The two modules: the first-load module's views and the tools module's part them without gap
//! or overlap, and `index.html` tells the loader the same (a link to a view of the tools module
//! starts that module alone).

use kam_planner::ui::modules::{tools_routes, FIRST_LOAD_ROUTES};
use kam_planner::ui::route::Route;

/// The `content` of `<meta name="{name}">` in index.html.
fn meta(name: &str) -> String {
    let html = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html"))
        .expect("index.html");
    let at = html
        .find(&format!("<meta name=\"{name}\""))
        .unwrap_or_else(|| panic!("index.html has no meta {name}"));
    let rest = &html[at..];
    let start = rest.find("content=\"").expect("content") + "content=\"".len();
    let end = rest[start..].find('"').expect("end of content");
    rest[start..start + end].to_string()
}

#[test]
fn index_html_lists_exactly_the_views_of_the_tools_module() {
    let listed: Vec<String> = meta("kam-tools-routes")
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let tools: Vec<String> = tools_routes().iter().map(|r| r.id().to_string()).collect();
    assert_eq!(listed, tools);
    assert_eq!(
        tools,
        [
            "diagnosis",
            "portfolio",
            "team",
            "roles",
            "rhythm",
            "engagement",
            "ltc",
            "mcr",
            "kpi",
            "talent",
            "account",
            "report"
        ]
    );
}

#[test]
fn the_modules_part_the_views_and_unknown_addresses_stay_in_the_first_load() {
    let tools = tools_routes();
    for route in Route::ALL {
        assert!(
            FIRST_LOAD_ROUTES.contains(&route) != tools.contains(&route),
            "{route:?} must be in exactly one module"
        );
    }
    assert_eq!(FIRST_LOAD_ROUTES.len() + tools.len(), Route::ALL.len());
    // Unknown and empty hashes open the overview, which the first-load module carries: the
    // loader starts the tools module only for the ids it lists.
    for hash in ["", "#", "#/", "#main", "#/nope/x"] {
        assert!(
            FIRST_LOAD_ROUTES.contains(&Route::from_hash(hash)),
            "{hash}"
        );
    }
}

mod hand_over {
    use kam_planner::domain::demo::{self, DemoLocale};
    use kam_planner::persist::envelope;
    use kam_planner::persist::library::{KeyValueStore, MemoryStore, Preserved};
    use kam_planner::persist::validate::Repair;
    use kam_planner::ui::library::Notice;
    use kam_planner::ui::modules::{
        add_handed_notices, handed_allowlist, memory_store, receive, Handed, HandedRepair,
    };

    const PRESERVED: &str = "kam-planner.v1.ws.ws-x.corrupt.1";

    /// The demo as stored, with a hostile colour on the second tier.
    fn hostile_text() -> String {
        let ws = demo::build("ws-x", 1_763_800_000_000, DemoLocale::Zh);
        let mut doc: serde_json::Value =
            serde_json::from_str(&envelope::to_json(&ws, 1_763_800_000_000)).unwrap();
        doc["workspace"]["tiering"]["tiers"][1]["color"] = "#fff;position:fixed".into();
        doc.to_string()
    }

    #[test]
    fn the_memory_store_the_repairs_and_the_allowlist_cross_over() {
        let handed = Handed {
            store: Some(
                [
                    ("kam-planner.v1.lang".to_string(), "en".to_string()),
                    (PRESERVED.to_string(), hostile_text()),
                ]
                .into_iter()
                .collect(),
            ),
            repaired: vec![
                HandedRepair {
                    name: "示例集团".into(),
                    preserved: PRESERVED.into(),
                },
                HandedRepair {
                    name: "Gone".into(),
                    preserved: "kam-planner.v1.ws.gone.corrupt.1".into(),
                },
            ],
            origins: Some(vec!["https://portal.example.com".into()]),
        };
        receive(&serde_json::to_string(&handed).unwrap());
        let store = memory_store();
        assert_eq!(
            store.get("kam-planner.v1.lang").unwrap().as_deref(),
            Some("en")
        );
        assert_eq!(store.keys().unwrap().len(), 2);
        assert!(handed_allowlist()
            .unwrap()
            .allows("https://portal.example.com"));
        // The repairs are read again from the preserved text: the same ones the first module
        // listed. A preserved copy that is gone gives no notice.
        let mut notices = Vec::new();
        add_handed_notices(&mut notices, &store);
        assert_eq!(notices.len(), 1);
        match &notices[0] {
            Notice::Repaired {
                name,
                repairs,
                preserved,
            } => {
                assert_eq!(name, "示例集团");
                assert_eq!(
                    repairs,
                    &envelope::load_stored(&hostile_text()).unwrap().repairs
                );
                assert!(repairs.iter().any(|r| matches!(r,
                    Repair::ColorReplaced { path, .. } if path == "tiering.tiers[1].color")));
                assert_eq!(preserved, &Preserved::As(PRESERVED.into()));
            }
            other => panic!("{other:?}"),
        }
        // Taken once: a second start (after a decline) does not list them twice.
        add_handed_notices(&mut notices, &store);
        assert_eq!(notices.len(), 1);
    }

    #[test]
    fn a_workspace_the_tools_module_repaired_itself_keeps_its_own_notice() {
        let handed = Handed {
            store: None,
            repaired: vec![HandedRepair {
                name: "示例集团".into(),
                preserved: PRESERVED.into(),
            }],
            origins: None,
        };
        receive(&serde_json::to_string(&handed).unwrap());
        let store = MemoryStore::default();
        store.set(PRESERVED, &hostile_text()).unwrap();
        let mut notices = vec![Notice::Repaired {
            name: "示例集团".into(),
            repairs: vec![Repair::TiersRestored],
            preserved: Preserved::NotNeeded,
        }];
        add_handed_notices(&mut notices, &store);
        assert_eq!(notices.len(), 1);
        assert!(handed_allowlist().is_none());
    }

    #[test]
    fn nonsense_or_a_bad_origin_hands_nothing_over() {
        receive("{\"store\": 5}");
        assert!(memory_store().keys().unwrap().is_empty());
        assert!(handed_allowlist().is_none());
        // Origins are checked again as embed.json's are: one bad entry refuses the list, and
        // the tools module reads embed.json itself.
        receive(
            &serde_json::json!({"store": null, "repaired": [],
                "origins": ["https://portal.example.com/path"]})
            .to_string(),
        );
        assert!(handed_allowlist().is_none());
        receive("");
        let mut notices = Vec::new();
        add_handed_notices(&mut notices, &MemoryStore::default());
        assert!(notices.is_empty());
    }
}
