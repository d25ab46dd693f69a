//! Tier migration over the years of purchase history.
