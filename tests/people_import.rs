//! People import from CSV (SPEC §3.4 people, the flow of §4): real files in, people and row
//! errors out, then added in one change with fresh ids.

use kam_planner::domain::edit::{apply, Edit};
use kam_planner::domain::org::people::add_people;
use kam_planner::domain::org::{defaults, AD, AR, FR, SR};
use kam_planner::domain::workspace::Workspace;
use kam_planner::persist::import::{read_table, Table};
use kam_planner::persist::people_import::{
    build_people, detect_mapping, invalid_people_csv, read_people_table, resolve_role,
    target_for_header, PeopleMappingError, PeoplePreview, PersonTarget,
};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn preview_of(name: &str) -> (Table, PeoplePreview) {
    let table = read_people_table(&fixture(name)).unwrap();
    let roles = defaults::roles();
    let preview = build_people(&table, &detect_mapping(&table.headers), &roles).unwrap();
    (table, preview)
}

#[test]
fn a_good_file_is_read_with_every_way_of_naming_a_role_and_a_capacity() {
    let (table, preview) = preview_of("people-good.csv");
    use PersonTarget::*;
    assert_eq!(
        detect_mapping(&table.headers),
        [Name, Role, Level, Capacity, Source, Notes]
    );
    assert_eq!(preview.errors, []);
    let got: Vec<(usize, &str, &str, &str, f64, &str, &str)> = preview
        .people
        .iter()
        .map(|(row, p)| {
            (
                *row,
                p.name.as_str(),
                p.role.as_str(),
                p.level.as_str(),
                p.capacity_fte,
                p.source.as_str(),
                p.notes.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (2, "赵一", AR, "L3", 1.0, "社招", ""),
            (3, "钱二", AR, "L2", 0.5, "校招", "新人"),
            (4, "孙三", SR, "L4", 0.8, "研发转岗", ""),
            // Empty capacity is full time; the quoted note keeps its comma.
            (5, "李四", FR, "L2", 1.0, "交付转岗", "兼顾两个项目, 含驻场"),
            // 客户群总监 is the second half of AD's name "系统部部长 / 客户群总监".
            (6, "周五", AD, "L5", 1.0, "内部提拔", ""),
        ]
    );
    assert!(preview.people.iter().all(|(_, p)| p.id.is_empty()));
}

#[test]
fn a_gbk_file_with_a_title_line_and_other_headers_is_read() {
    let bytes = fixture("people-gbk.csv");
    assert!(std::str::from_utf8(&bytes).is_err(), "the fixture is GBK");
    let (table, preview) = preview_of("people-gbk.csv");
    assert_eq!(table.header_row, 2, "the title line is skipped");
    assert_eq!(table.headers[1], "岗位");
    assert_eq!(table.headers[3], "投入(FTE)");
    assert_eq!(preview.errors, []);
    let got: Vec<(usize, &str, &str, f64)> = preview
        .people
        .iter()
        .map(|(r, p)| (*r, p.name.as_str(), p.role.as_str(), p.capacity_fte))
        .collect();
    assert_eq!(got, [(3, "吴六", SR, 1.0), (4, "郑七", FR, 0.5)]);
}

#[test]
fn bad_rows_are_listed_with_row_column_value_and_reason_and_left_out() {
    let (table, preview) = preview_of("people-bad.csv");
    let errors: Vec<(usize, &str, &str, String)> = preview
        .errors
        .iter()
        .map(|e| {
            (
                e.row,
                e.column.as_str(),
                e.value.as_str(),
                e.reason.to_string(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            (3, "Name", "", "a required value is missing".to_string()),
            (
                4,
                "Role",
                "Sales engineer",
                "unknown role: use AD, AR, SR, FR, another role's id or its name".to_string()
            ),
            (
                5,
                "Capacity",
                "abc",
                "capacity is not a number: write e.g. 1, 0.5 or 50%".to_string()
            ),
            (
                6,
                "Capacity",
                "2",
                "capacity must be more than 0 and at most 1.5 FTE".to_string()
            ),
            (
                7,
                "Capacity",
                "0",
                "capacity must be more than 0 and at most 1.5 FTE".to_string()
            ),
        ]
    );
    assert_eq!(preview.invalid_rows(), [3, 4, 5, 6, 7]);
    assert_eq!(preview.skipped_blank, 1);
    let valid: Vec<(usize, &str, &str)> = preview
        .people
        .iter()
        .map(|(r, p)| (*r, p.name.as_str(), p.role.as_str()))
        .collect();
    // A role id in lower case is still the role.
    assert_eq!(valid, [(2, "Anna Li", AR), (9, "Fang Lei", AD)]);

    let csv = invalid_people_csv(&table, &preview, |e| e.reason.to_string());
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 6, "{csv}");
    assert!(lines[0].ends_with("错误 / error"), "{}", lines[0]);
    assert!(
        lines[2].starts_with("Bo Wang,Sales engineer,L2,1,,,\"Role: unknown role: use AD,"),
        "{}",
        lines[2]
    );
}

#[test]
fn the_mapping_needs_a_name_and_a_role_column_once_each() {
    let table = read_table(&fixture("people-good.csv")).unwrap();
    let roles = defaults::roles();
    use PersonTarget::*;
    let no_role = [Name, Ignore, Level, Capacity, Source, Notes];
    assert_eq!(
        build_people(&table, &no_role, &roles),
        Err(PeopleMappingError::NoRoleColumn)
    );
    let no_name = [Ignore, Role, Level, Capacity, Source, Notes];
    assert_eq!(
        build_people(&table, &no_name, &roles),
        Err(PeopleMappingError::NoNameColumn)
    );
    let twice = [Name, Role, Level, Capacity, Notes, Notes];
    assert_eq!(
        build_people(&table, &twice, &roles),
        Err(PeopleMappingError::DuplicateTarget(Notes))
    );
    // Mapping the 备注 column to the level instead (the user's change) is honoured.
    let changed = [Name, Role, Ignore, Capacity, Source, Level];
    let p = build_people(&table, &changed, &roles).unwrap();
    assert_eq!(p.people[1].1.level, "新人");
}

#[test]
fn headers_and_roles_are_recognised_in_both_languages() {
    use PersonTarget::*;
    for (h, t) in [
        ("姓名", Some(Name)),
        ("Name", Some(Name)),
        ("岗位", Some(Role)),
        ("角色", Some(Role)),
        ("Role", Some(Role)),
        ("职级", Some(Level)),
        ("产能", Some(Capacity)),
        ("投入（FTE）", Some(Capacity)),
        ("Capacity (FTE)", Some(Capacity)),
        ("来源", Some(Source)),
        ("备注", Some(Notes)),
        ("客户名称", None),
    ] {
        assert_eq!(target_for_header(h), t, "{h}");
    }
    let roles = defaults::roles();
    for (cell, role) in [
        ("AR", Some(AR)),
        ("sr", Some(SR)),
        ("客户责任人", Some(AR)),
        ("Account responsible", Some(AR)),
        ("account  RESPONSIBLE", Some(AR)),
        ("系统部部长", Some(AD)),
        ("交付履行责任人（FR）", Some(FR)),
        ("销售", None),
        ("", None),
    ] {
        assert_eq!(resolve_role(&roles, cell).as_deref(), role, "{cell}");
    }
}

#[test]
fn confirming_adds_every_valid_row_in_one_undoable_edit_with_fresh_ids() {
    let (_, preview) = preview_of("people-good.csv");
    let mut ws = Workspace::default();
    ws.org.people.push(kam_planner::domain::org::Person {
        id: "p-7".into(),
        name: "已有".into(),
        role: AR.into(),
        ..Default::default()
    });
    let next = add_people(
        &ws.org,
        preview.people.iter().map(|(_, p)| p.clone()).collect(),
    );
    let ids: Vec<&str> = next.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["p-7", "p-8", "p-9", "p-10", "p-11", "p-12"]);
    let applied = apply(&ws, &Edit::SetOrg(Box::new(next)), 1_000)
        .unwrap()
        .unwrap();
    assert_eq!(applied.org.people.len(), 6);
    assert_eq!(applied.org.people[5].name, "周五");
    assert_eq!(applied.org.people[5].updated_at, 1_000);
}
