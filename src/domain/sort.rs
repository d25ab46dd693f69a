//! One stable sort for the app's many small lists.
//!
//! `slice::sort_by` compiles a whole sorting algorithm (several kilobytes of wasm) for every
//! element type *and every comparison closure* it is called with; with a few dozen call sites
//! that was the largest single item of the standard library in the page's wasm. Here the
//! algorithm — a bottom-up merge sort of positions — is compiled once: it only ever sees
//! positions and a comparison behind a trait object; each call site adds a closure of a few
//! instructions and a permutation of its elements. Stable, like `sort_by`; O(n log n)
//! comparisons, plus two `usize` buffers of the list's length.
//!
//! The hot sorts over hundreds of thousands of numbers (concentration, tiering percentiles,
//! the customer table) keep the standard library's sort.

use std::cmp::Ordering;

/// Sorts `v` stably by `compare`.
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = {
        let items: &[T] = v;
        sorted_positions(items.len(), &mut |a, b| compare(&items[a], &items[b]))
    };
    permute(v, order);
}

/// Sorts `v` stably by the key `key` gives each element.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably in ascending order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The positions `0..n` in sorted order: a stable bottom-up merge sort.
fn sorted_positions(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = start.saturating_add(width).min(n);
            let end = start.saturating_add(width.saturating_mul(2)).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                // Ties take the left run's element first: stable.
                if compare(from[j], from[i]) == Ordering::Less {
                    to[k] = from[j];
                    j += 1;
                } else {
                    to[k] = from[i];
                    i += 1;
                }
                k += 1;
            }
            to[k..k + (mid - i)].copy_from_slice(&from[i..mid]);
            k += mid - i;
            to[k..k + (end - j)].copy_from_slice(&from[j..end]);
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width = width.saturating_mul(2);
    }
    from
}

/// Rearranges `v` so that position `k` holds the element that was at `order[k]` (`order` is a
/// permutation of `0..v.len()`), by following each cycle once.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for i in 0..order.len() {
        let mut at = i;
        while order[at] != i {
            let next = order[at];
            v.swap(at, next);
            order[at] = at;
            at = next;
        }
        order[at] = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_small_lists() {
        let mut v = vec![3, 1, 2];
        sort(&mut v);
        assert_eq!(v, [1, 2, 3]);
        let mut empty: Vec<i32> = vec![];
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut names = vec!["b".to_string(), "a".to_string()];
        sort_by(&mut names, |a, b| b.cmp(a));
        assert_eq!(names, ["b", "a"]);
    }

    proptest! {
        #[test]
        fn matches_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u32>()), 0..300)) {
            let mut ours = v.clone();
            let mut std = v;
            sort_by_key(&mut ours, |p| p.0);
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
        }
    }
}
