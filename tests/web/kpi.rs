//! Browser tests of the kpi view.
