//! Embedding: the page options, the allowlist of host origins and the postMessage protocol.

use kam_planner::persist::embed::{
    error_reply, is_exact_origin, message, parse_request, Allowlist, AllowlistError, EmbedOptions,
    ErrorCode, Request,
};
use serde_json::json;

#[test]
fn page_options_are_read_from_the_query_and_bad_values_ignored() {
    let o = EmbedOptions::from_query("?embed=1&lang=en&workspace=ws-abc_1");
    assert_eq!(
        o,
        EmbedOptions {
            embed: true,
            lang: Some("en".into()),
            workspace: Some("ws-abc_1".into())
        }
    );
    assert_eq!(
        EmbedOptions::from_query("lang=zh").lang.as_deref(),
        Some("zh-CN")
    );
    let bad = EmbedOptions::from_query("embed=0&lang=fr&workspace=%3Cscript%3E&x=%ZZ");
    assert_eq!(bad, EmbedOptions::default());
    assert!(!EmbedOptions::from_query("").embed);
    assert_eq!(
        EmbedOptions::from_query(&format!("workspace={}", "a".repeat(101))).workspace,
        None
    );
}

#[test]
fn the_allowlist_takes_exact_origins_only() {
    let list = Allowlist::parse(
        r#"{"origins": ["https://portal.example.com", "http://localhost:8080/", "HTTPS://Intra.Corp"]}"#,
    )
    .unwrap();
    assert_eq!(
        list.origins,
        [
            "https://portal.example.com",
            "http://localhost:8080",
            "https://intra.corp"
        ]
    );
    assert!(list.allows("http://localhost:8080"));
    assert!(!list.allows("http://localhost:8081"));
    assert!(!list.allows("https://portal.example.com.evil.com"));
    assert!(!list.allows("null"));
    assert_eq!(
        Allowlist::parse(r#"{"origins": []}"#)
            .unwrap()
            .origins
            .len(),
        0
    );
    for bad in [
        "*",
        "https://*.example.com",
        "https://portal.example.com/path",
        "javascript:alert(1)",
        "null",
        "file://",
        "https://a.com:99999",
        "https://a.com:0",
        "https://user@a.com",
    ] {
        assert!(!is_exact_origin(bad), "{bad}");
        let text = json!({ "origins": [bad] }).to_string();
        assert!(
            matches!(Allowlist::parse(&text), Err(AllowlistError::BadOrigin(_))),
            "{bad}"
        );
    }
    assert!(is_exact_origin("http://[::1]:8080"));
    assert_eq!(Allowlist::parse("[]"), Err(AllowlistError::Shape));
    assert_eq!(Allowlist::parse("not json"), Err(AllowlistError::Shape));
    assert_eq!(
        Allowlist::parse(r#"{"origins": [1]}"#),
        Err(AllowlistError::Shape)
    );
}

#[test]
fn requests_are_read_and_bad_ones_refused_with_a_code() {
    let ok = |v: serde_json::Value| parse_request(&v).unwrap();
    assert_eq!(
        ok(json!({"kam": 1, "type": "kam:export", "id": "r1"})),
        (Some("r1".into()), Request::Export { workspace: None })
    );
    assert_eq!(
        ok(json!({"kam": 1, "type": "kam:export", "id": 7, "workspace": "ws-1"})).1,
        Request::Export {
            workspace: Some("ws-1".into())
        }
    );
    assert_eq!(
        ok(json!({"kam": 1, "type": "kam:navigate", "route": "#/tiering"})).1,
        Request::Navigate {
            route: "tiering".into()
        }
    );
    let envelope = json!({"format": "kam-planner"});
    assert_eq!(
        ok(json!({"kam": 1, "type": "kam:import", "envelope": envelope})).1,
        Request::Import {
            envelope: envelope.to_string()
        }
    );
    assert_eq!(
        ok(json!({"kam": 1, "type": "kam:import", "envelope": "{}"})).1,
        Request::Import {
            envelope: "{}".into()
        }
    );
    let code = |v: serde_json::Value| parse_request(&v).unwrap_err().code;
    assert_eq!(code(json!("kam:export")), ErrorCode::BadMessage);
    assert_eq!(code(json!({"type": "kam:export"})), ErrorCode::BadMessage);
    assert_eq!(
        code(json!({"kam": 2, "type": "kam:export"})),
        ErrorCode::UnsupportedVersion
    );
    assert_eq!(
        code(json!({"kam": 1, "type": "kam:delete-everything"})),
        ErrorCode::UnknownType
    );
    assert_eq!(
        code(json!({"kam": 1, "type": "kam:export", "workspace": "../x"})),
        ErrorCode::BadRequest
    );
    assert_eq!(
        code(json!({"kam": 1, "type": "kam:import", "envelope": 5})),
        ErrorCode::BadRequest
    );
    assert_eq!(
        code(json!({"kam": 1, "type": "kam:navigate"})),
        ErrorCode::BadRequest
    );
    // The refusal keeps the request's id so the host can match it.
    let refusal = parse_request(&json!({"kam": 1, "id": "r9", "type": "nope"})).unwrap_err();
    assert_eq!(
        error_reply(&refusal),
        json!({"kam": 1, "type": "kam:error", "id": "r9", "code": "unknown_type", "message": "unknown message type"})
    );
}

#[test]
fn replies_carry_the_version_type_and_id() {
    assert_eq!(
        message("kam:navigate", Some("n1"), json!({"route": "kpi"})),
        json!({"kam": 1, "type": "kam:navigate", "id": "n1", "route": "kpi"})
    );
    assert_eq!(
        message("kam:changed", None, json!({"workspace": "w"})),
        json!({"kam": 1, "type": "kam:changed", "workspace": "w"})
    );
}
