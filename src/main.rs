//! The first-load module: the shell, the overview and Tool 1 (src/ui/modules.rs).
fn main() {
    kam_planner::ui::app::start(&kam_planner::ui::modules::FIRST_LOAD);
}
