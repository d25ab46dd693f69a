//! Paging of long lists: which rows a page shows, how many pages there are, and which page to
//! show when the list has shrunk under the one the user was on. Pure arithmetic, shared by every
//! paged list of the interface (`ui::pager`).

/// One page of a list of `total` rows, `size` rows a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// The page shown, from 0 (clamped to the last page).
    pub index: usize,
    /// The number of pages; at least 1, an empty list has one empty page.
    pub count: usize,
    /// The first row shown, from 0 (0 for an empty list).
    pub start: usize,
    /// One past the last row shown (`start == end` for an empty list).
    pub end: usize,
    /// The number of rows in the list.
    pub total: usize,
}

impl Page {
    /// Page `index` (from 0) of `total` rows in pages of `size` (a size of 0 is taken as 1); an
    /// index past the last page gives the last page.
    pub fn of(total: usize, size: usize, index: usize) -> Page {
        let size = size.max(1);
        let count = total.div_ceil(size).max(1);
        let index = index.min(count - 1);
        let start = index.saturating_mul(size).min(total);
        let end = start.saturating_add(size).min(total);
        Page {
            index,
            count,
            start,
            end,
            total,
        }
    }

    /// Whether there is a page before this one.
    pub fn has_previous(&self) -> bool {
        self.index > 0
    }

    /// Whether there is a page after this one.
    pub fn has_next(&self) -> bool {
        self.index + 1 < self.count
    }

    /// The rows of `items` this page shows.
    pub fn slice<'a, T>(&self, items: &'a [T]) -> &'a [T] {
        items
            .get(self.start..self.end.min(items.len()))
            .unwrap_or(&[])
    }
}
