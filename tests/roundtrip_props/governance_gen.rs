//! Random routine management documents for the round-trip and merge properties: bodies and
//! meetings with every cadence and any anchor values (out-of-range ones too: the file keeps what
//! was typed, the checks report it), with unique ids.

use kam_planner::domain::governance::{Anchor, Body, Cadence, Governance, Meeting};
use proptest::prelude::*;

use super::{amount, text};

fn body() -> impl Strategy<Value = Body> {
    (text(), text(), text(), text(), text(), text(), any::<i64>()).prop_map(
        |(name_zh, name_en, owner_role, responsibilities, activities, tools, updated_at)| Body {
            id: String::new(),
            name_zh,
            name_en,
            owner_role,
            responsibilities,
            activities,
            tools,
            updated_at,
        },
    )
}

fn meeting() -> impl Strategy<Value = Meeting> {
    (
        (
            text(),
            text(),
            proptest::sample::select(Cadence::ALL.to_vec()),
        ),
        (any::<u8>(), any::<u8>(), any::<u8>(), any::<bool>()),
        (text(), amount()),
        (
            proptest::collection::vec(text(), 0..4),
            proptest::collection::vec(text(), 0..3),
        ),
        (
            any::<bool>(),
            any::<bool>(),
            text(),
            text(),
            text(),
            any::<i64>(),
        ),
    )
        .prop_map(
            |(
                (name_zh, name_en, cadence),
                (weekday, day, month, last_weekday),
                (start_time, duration_hours),
                (roles, tiers),
                (per_account, review, inputs, outputs, body, updated_at),
            )| Meeting {
                id: String::new(),
                name_zh,
                name_en,
                cadence,
                anchor: Anchor {
                    weekday,
                    day,
                    month,
                    last_weekday,
                },
                start_time,
                duration_hours,
                roles,
                tiers,
                per_account,
                review,
                inputs,
                outputs,
                body,
                updated_at,
            },
        )
}

/// A governance document with 0–3 bodies and 0–5 meetings, ids `b-<i>` and `m-<i>`.
pub fn governance() -> impl Strategy<Value = Governance> {
    (
        proptest::collection::vec(body(), 0..4),
        proptest::collection::vec(meeting(), 0..6),
    )
        .prop_map(|(mut bodies, mut meetings)| {
            for (i, b) in bodies.iter_mut().enumerate() {
                b.id = format!("b-{i}");
            }
            for (i, m) in meetings.iter_mut().enumerate() {
                m.id = format!("m-{i}");
            }
            Governance { bodies, meetings }
        })
}
