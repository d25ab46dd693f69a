//! Paging of long lists: page count, rows of a page, clamping when the list shrinks, the empty list.

use kam_planner::domain::paging::Page;

#[test]
fn pages_of_fifty() {
    let p = Page::of(210, 50, 0);
    assert_eq!(
        (p.index, p.count, p.start, p.end, p.total),
        (0, 5, 0, 50, 210)
    );
    assert!(!p.has_previous());
    assert!(p.has_next());
    let last = Page::of(210, 50, 4);
    assert_eq!((last.start, last.end), (200, 210));
    assert!(last.has_previous());
    assert!(!last.has_next());
    assert_eq!(Page::of(200, 50, 0).count, 4);
    assert_eq!(Page::of(201, 50, 0).count, 5);
    assert_eq!(Page::of(50, 50, 0).count, 1);
    assert_eq!(Page::of(1, 50, 0).count, 1);
}

#[test]
fn index_past_the_end_is_clamped_to_the_last_page() {
    // On page 5 of 210 rows; ten rows are deleted: 200 rows, page 4 is the last.
    let p = Page::of(200, 50, 4);
    assert_eq!((p.index, p.start, p.end), (3, 150, 200));
    // A filter leaves 12 rows: one page.
    let p = Page::of(12, 50, 3);
    assert_eq!((p.index, p.count, p.start, p.end), (0, 1, 0, 12));
    assert_eq!(Page::of(10, 50, usize::MAX).index, 0);
}

#[test]
fn empty_list_has_one_empty_page() {
    let p = Page::of(0, 50, 2);
    assert_eq!((p.index, p.count, p.start, p.end, p.total), (0, 1, 0, 0, 0));
    assert!(!p.has_previous());
    assert!(!p.has_next());
    let rows: Vec<u32> = Vec::new();
    assert!(p.slice(&rows).is_empty());
}

#[test]
fn slice_gives_the_rows_of_the_page() {
    let rows: Vec<usize> = (0..123).collect();
    let p = Page::of(rows.len(), 50, 2);
    assert_eq!(p.slice(&rows), &rows[100..123]);
    assert_eq!(Page::of(rows.len(), 50, 1).slice(&rows).first(), Some(&50));
    // A size of 0 is taken as 1 rather than dividing by zero.
    assert_eq!(Page::of(3, 0, 1).slice(&rows), &[1]);
}
