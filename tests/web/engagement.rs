//! Browser tests of the engagement view.
