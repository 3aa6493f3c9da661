#pragma once
// Widgets kept between uses instead of built again: a view that shows a list of a few to a few
// dozen similar parts (timeline entries, phone rows, chips) asks the pool for the i-th one, fills
// it in and shows the first n; the rest stay hidden for the next customer. Building widgets is
// most of what a screen pop costs, so the 360 view builds them once.
#include <functional>
#include <utility>
#include <vector>

namespace agentdesk::widgets {

template <typename T>
class WidgetPool {
public:
    // `make` builds one more widget (parented, so Qt owns it) and puts it in its layout.
    explicit WidgetPool(std::function<T*()> make) : make_(std::move(make)) {}

    // The i-th widget, built on first use.
    T* at(int i) {
        while (static_cast<int>(items_.size()) <= i)
            items_.push_back(make_());
        return items_[static_cast<std::size_t>(i)];
    }
    // Shows the first `count` (built as needed) and hides the others; `retire` runs on each
    // hidden one (to drop its object name, say, so nobody finds a stale part).
    void showFirst(int count, const std::function<void(T*)>& retire = {}) {
        for (int i = 0; i < count; ++i)
            at(i)->setVisible(true);
        for (std::size_t i = static_cast<std::size_t>(count); i < items_.size(); ++i) {
            if (retire)
                retire(items_[i]);
            items_[i]->setVisible(false);
        }
    }
    // The i-th widget, which must have been built.
    T* peek(int i) const { return items_[static_cast<std::size_t>(i)]; }
    int built() const { return static_cast<int>(items_.size()); }

private:
    std::function<T*()> make_;
    std::vector<T*> items_;
};

}  // namespace agentdesk::widgets
