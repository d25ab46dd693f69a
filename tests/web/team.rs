//! Browser tests of the team view.
