//! Browser tests of the talent view.
