fn main() {
    kam_planner::ui::app::start();
}
