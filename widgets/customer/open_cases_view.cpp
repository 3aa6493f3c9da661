#include "widgets/customer/open_cases_view.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

#include "widgets/common/format.h"
#include "widgets/common/tone.h"
#include "widgets/common/wrap_label.h"
#include "widgets/customer/customer_texts.h"

namespace agentdesk::widgets {

OpenCasesView::OpenCasesView(QWidget* parent)
    : QWidget(parent), lines_([this] {
          auto* line = new WrapLabel(this);
          line->setTextFormat(Qt::RichText);
          layout_->addWidget(line);
          return line;
      }) {
    setObjectName(QStringLiteral("openCasesView"));
    layout_ = new QVBoxLayout(this);
    layout_->setContentsMargins(0, 0, 0, 0);
    layout_->setSpacing(3);
    none_ = new QLabel(this);
    none_->setObjectName(QStringLiteral("noOpenCasesLabel"));
    none_->setStyleSheet(toneStyle(Tone::Hint));
    layout_->addWidget(none_);
    render();
}

void OpenCasesView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        render();  // the lines are built from translated parts
    QWidget::changeEvent(event);
}

void OpenCasesView::setCases(const QList<crm::CustomerCase>& cases) {
    cases_ = cases;
    render();
}

void OpenCasesView::render() {
    none_->setText(tr("No open cases."));
    none_->setVisible(cases_.isEmpty());
    for (int i = 0; i < cases_.size(); ++i) {
        const crm::CustomerCase& c = cases_[i];
        QLabel* line = lines_.at(i);
        line->setObjectName(QStringLiteral("openCase_%1").arg(c.id));
        const QString priorityColor = c.priority == QLatin1String("high")
                                          ? QStringLiteral("#9b1c1c")
                                          : QStringLiteral("#5b6670");
        line->setText(QStringLiteral("<b>%1</b> &nbsp;<span style='color:#5b6670'>%2 · </span>"
                                     "<span style='color:%3'>%4</span>"
                                     "<span style='color:#5b6670'> · %5</span>")
                          .arg(c.title.toHtmlEscaped(),
                               CustomerTexts::caseStatus(c.status).toHtmlEscaped(), priorityColor,
                               CustomerTexts::casePriority(c.priority).toHtmlEscaped(),
                               tr("updated %1").arg(formatDateTime(c.updatedAt)).toHtmlEscaped()));
    }
    lines_.showFirst(cases_.size(), [](QLabel* line) { line->setObjectName(QString()); });
}

}  // namespace agentdesk::widgets
