//! The load path's repairs of Tool 2's document: unique ids of the business lines and
//! opportunities, one insight and one design per industry, and whitespace cells keyed by their
//! pair, once each, naming an account and a line that exist. Each repair is reported.

use std::collections::HashSet;

use super::repair_org::{dedupe_keys, unique_ids};
use super::validate::Repair;
use crate::domain::portfolio::WhitespaceCell;
use crate::domain::workspace::Workspace;

/// Repairs `ws.portfolio` in place, appending what it did to `repairs`.
pub fn repair_portfolio(ws: &mut Workspace, repairs: &mut Vec<Repair>) {
    let customers: HashSet<&str> = ws.customers.iter().map(|c| c.id.as_str()).collect();
    let p = &mut ws.portfolio;
    unique_ids(
        &mut p.lines,
        |l| &mut l.id,
        "portfolio.lines",
        "bl",
        repairs,
    );
    unique_ids(
        &mut p.opportunities,
        |o| &mut o.id,
        "portfolio.opportunities",
        "op",
        repairs,
    );
    dedupe_keys(
        &mut p.insights,
        |i| &i.industry,
        "portfolio.insights",
        repairs,
    );
    dedupe_keys(
        &mut p.designs,
        |d| &d.industry,
        "portfolio.designs",
        repairs,
    );

    let lines: HashSet<&str> = p.lines.iter().map(|l| l.id.as_str()).collect();
    for cell in &mut p.whitespace {
        cell.id = WhitespaceCell::key_of(&cell.account, &cell.line);
    }
    p.whitespace.retain(|c| {
        let missing = if !customers.contains(c.account.as_str()) {
            "account"
        } else if !lines.contains(c.line.as_str()) {
            "business line"
        } else {
            return true;
        };
        repairs.push(Repair::DanglingWhitespaceCell {
            cell: c.id.clone(),
            missing: missing.to_string(),
        });
        false
    });
    dedupe_keys(
        &mut p.whitespace,
        |c| &c.id,
        "portfolio.whitespace",
        repairs,
    );
}
