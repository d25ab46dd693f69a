//! Browser tests of the rhythm view.
