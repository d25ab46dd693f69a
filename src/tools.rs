//! The tools module: the whole app, started by the first-load module when another tool is
//! opened, or by the page's loader for a link straight to one (src/ui/modules.rs).
fn main() {
    kam_planner::ui::app::start(&kam_planner::ui::modules::TOOLS);
}
