#pragma once
// The customer's open cases (not closed), most recently updated first, one line each (the
// lines are kept between customers).
#include <QWidget>

#include "crm/model/customer.h"
#include "widgets/common/widget_pool.h"

class QLabel;
class QVBoxLayout;

namespace agentdesk::widgets {

class OpenCasesView : public QWidget {
    Q_OBJECT
public:
    explicit OpenCasesView(QWidget* parent = nullptr);
    void setCases(const QList<crm::CustomerCase>& cases);
    int count() const { return cases_.size(); }

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();

    QList<crm::CustomerCase> cases_;
    QVBoxLayout* layout_;
    QLabel* none_;
    WidgetPool<QLabel> lines_;
};

}  // namespace agentdesk::widgets
