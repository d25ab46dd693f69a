//! Times shown to the user, in the browser's local time zone.

/// `YYYY-MM-DD HH:MM` in local time for ms since the epoch (UTC outside the browser).
pub fn local_datetime(ms: i64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}",
            d.get_full_year(),
            d.get_month() + 1,
            d.get_date(),
            d.get_hours(),
            d.get_minutes()
        )
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let minutes = ms.div_euclid(60_000);
        let (h, m) = (
            minutes.div_euclid(60).rem_euclid(24),
            minutes.rem_euclid(60),
        );
        format!(
            "{} {h:02}:{m:02}",
            crate::domain::dates::iso_date_from_ms(ms)
        )
    }
}
