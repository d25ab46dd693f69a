//! Times shown to the user, in the browser's local time zone.

/// Year, month, day, hour, minute, second in local time (UTC outside the browser).
fn parts(ms: i64) -> (i64, u32, u32, u32, u32, u32) {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
        (
            i64::from(d.get_full_year()),
            d.get_month() + 1,
            d.get_date(),
            d.get_hours(),
            d.get_minutes(),
            d.get_seconds(),
        )
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let secs = ms.div_euclid(1000);
        let (y, m, d) = crate::domain::dates::civil_from_days(secs.div_euclid(86_400));
        let s = secs.rem_euclid(86_400) as u32;
        (y, m, d, s / 3600, s / 60 % 60, s % 60)
    }
}

/// `YYYY-MM-DD HH:MM` in local time for ms since the epoch.
pub fn local_datetime(ms: i64) -> String {
    let (y, mo, d, h, mi, _) = parts(ms);
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}")
}

/// `YYYY-MM-DD HH:MM:SS` in local time, where changes minutes apart must be told apart.
pub fn local_datetime_seconds(ms: i64) -> String {
    let (y, mo, d, h, mi, s) = parts(ms);
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
}
