#pragma once
// Removing rebuilt parts of a view safely: a removed widget leaves its parent at once (so it is
// neither drawn nor found by findChild) and is deleted later, as it may be the sender of the
// signal being handled.
class QLayout;
class QWidget;

namespace agentdesk::widgets {

void retireWidget(QWidget* widget);
// Retires every widget in `layout` (and nested layouts) and deletes the layout items.
void clearLayout(QLayout* layout);

}  // namespace agentdesk::widgets
