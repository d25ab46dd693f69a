//! The reports-to tree of an account's stakeholders: its cycles, and its layout as an org chart.
//!
//! The layout gives every stakeholder a column (`x`, in slot widths, possibly half-way) and a row
//! (`y`). Each subtree owns an interval of columns of its own: the children of a node are placed
//! side by side, each in its own interval, and the node is centred over them. A node whose
//! children are all leaves, more than [`STACK_AFTER`] of them, gets them in one column below it
//! (as org charts list the direct reports of a department head), which keeps a flat department
//! of twenty people from spreading twenty slots wide. Because intervals of different subtrees
//! never meet, and a node's descendants are on rows below it, no two nodes share a slot: drawn
//! narrower than a slot and lower than a row, they never overlap.

use std::collections::HashMap;

use super::Stakeholder;

/// A node with more leaf children than this gets them stacked in one column.
pub const STACK_AFTER: usize = 3;

/// The place of one stakeholder in the chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place {
    /// Index of the stakeholder in the list given to [`layout`].
    pub index: usize,
    /// Column, in slot widths from the left edge (the node is centred on `x + 0.5`).
    pub x: f64,
    /// Row, from the top.
    pub y: usize,
    /// Index of the parent the chart draws a line to, if any.
    pub parent: Option<usize>,
    /// True when this node sits in a stacked column under its parent.
    pub stacked: bool,
}

/// A laid-out chart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chart {
    /// One place per stakeholder, in the order given.
    pub places: Vec<Place>,
    /// Width in slots.
    pub width: f64,
    /// Height in rows.
    pub height: usize,
}

/// The parent index of each stakeholder: the one it reports to when that one is in the list
/// (and is not itself); `None` otherwise.
pub fn parents(list: &[Stakeholder]) -> Vec<Option<usize>> {
    let index: HashMap<&str, usize> = list
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .rev()
        .collect();
    list.iter()
        .enumerate()
        .map(|(i, s)| {
            let p = *index.get(s.reports_to.as_deref()?)?;
            (p != i).then_some(p)
        })
        .collect()
}

/// The cycles of the reports-to lines, each as the indexes of its members in order of the line
/// (a reports to b reports to c … reports to a), starting at its lowest index. A stakeholder
/// reporting to itself is not a cycle here ([`parents`] ignores that line).
pub fn cycles(list: &[Stakeholder]) -> Vec<Vec<usize>> {
    let parent = parents(list);
    // 0 = not seen, 1 = on the walk in progress, 2 = done.
    let mut state = vec![0u8; list.len()];
    let mut out = Vec::new();
    for start in 0..list.len() {
        let mut path = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at {
            match state[i] {
                0 => {
                    state[i] = 1;
                    path.push(i);
                    at = parent[i];
                }
                1 => {
                    if let Some(pos) = path.iter().position(|p| *p == i) {
                        let mut cycle = path[pos..].to_vec();
                        if let Some(min) = cycle.iter().enumerate().min_by_key(|(_, v)| **v) {
                            let k = min.0;
                            cycle.rotate_left(k);
                        }
                        out.push(cycle);
                    }
                    break;
                }
                _ => break,
            }
        }
        for i in path {
            state[i] = 2;
        }
    }
    out
}

/// Lays out the reports-to tree of `list` (one account's stakeholders). Stakeholders reporting
/// to no one (or to someone not in the list) are roots, side by side in list order; a cycle is
/// broken at its lowest index, which becomes a root.
pub fn layout(list: &[Stakeholder]) -> Chart {
    let mut parent = parents(list);
    for cycle in cycles(list) {
        if let Some(first) = cycle.first() {
            parent[*first] = None;
        }
    }
    let n = list.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut roots = Vec::new();
    for (i, p) in parent.iter().enumerate() {
        match p {
            Some(p) => children[*p].push(i),
            None => roots.push(i),
        }
    }
    let stacks = |i: usize, children: &[Vec<usize>]| {
        let c = &children[i];
        c.len() > STACK_AFTER && c.iter().all(|k| children[*k].is_empty())
    };
    // Widths bottom-up, without recursion (a deep chain must not overflow the stack).
    let order = post_order(&roots, &children);
    let mut width = vec![1.0f64; n];
    let mut height = vec![1usize; n];
    for &i in &order {
        if children[i].is_empty() {
            continue;
        }
        if stacks(i, &children) {
            width[i] = 1.0;
            height[i] = 1 + children[i].len();
        } else {
            width[i] = children[i].iter().map(|k| width[*k]).sum();
            height[i] = 1 + children[i].iter().map(|k| height[*k]).max().unwrap_or(0);
        }
    }
    // Places top-down: each node gets the left edge of its interval and its row.
    let mut places: Vec<Place> = (0..n)
        .map(|i| Place {
            index: i,
            x: 0.0,
            y: 0,
            parent: parent[i],
            stacked: false,
        })
        .collect();
    let mut left = vec![0.0f64; n];
    let mut row = vec![0usize; n];
    let mut edge = 0.0;
    for &r in &roots {
        left[r] = edge;
        edge += width[r];
    }
    let mut stack: Vec<usize> = roots.iter().rev().copied().collect();
    while let Some(i) = stack.pop() {
        places[i].y = row[i];
        if stacks(i, &children) {
            places[i].x = left[i];
            for (k, c) in children[i].iter().enumerate() {
                places[*c].x = left[i];
                places[*c].y = row[i] + 1 + k;
                places[*c].stacked = true;
            }
            continue;
        }
        places[i].x = left[i] + (width[i] - 1.0) / 2.0;
        let mut at = left[i];
        for c in &children[i] {
            left[*c] = at;
            row[*c] = row[i] + 1;
            at += width[*c];
        }
        stack.extend(children[i].iter().rev());
    }
    Chart {
        places,
        width: edge,
        height: roots.iter().map(|r| height[*r]).max().unwrap_or(0),
    }
}

/// The nodes reachable from `roots`, every child before its parent.
fn post_order(roots: &[usize], children: &[Vec<usize>]) -> Vec<usize> {
    let mut out = Vec::with_capacity(children.len());
    let mut stack: Vec<(usize, bool)> = roots.iter().map(|r| (*r, false)).collect();
    while let Some((i, expanded)) = stack.pop() {
        if expanded {
            out.push(i);
        } else {
            stack.push((i, true));
            stack.extend(children[i].iter().map(|c| (*c, false)));
        }
    }
    out
}
