#include "widgets/notes/assist_draft_bar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace agentdesk::widgets {

AssistDraftBar::AssistDraftBar(QWidget* parent)
    : QFrame(parent),
      text_(new QLabel(this)),
      accept_(new QPushButton(this)),
      insert_(new QPushButton(this)),
      codesLabel_(new QLabel(this)),
      codesRow_(new QHBoxLayout) {
    setObjectName(QStringLiteral("assistDraftBar"));
    setStyleSheet(QStringLiteral(
        "#assistDraftBar { background: #fff8e1; border: 1px solid #f9a825; border-radius: 4px; }"
        "#assistDraftBar QLabel { color: #3d2e00; }"));
    text_->setObjectName(QStringLiteral("assistDraftText"));
    text_->setWordWrap(true);
    accept_->setObjectName(QStringLiteral("assistAcceptDraft"));
    insert_->setObjectName(QStringLiteral("assistInsertDraft"));
    auto* top = new QHBoxLayout;
    top->addWidget(text_, 1);
    top->addWidget(accept_);
    top->addWidget(insert_);
    codesRow_->addWidget(codesLabel_);
    codesRow_->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addLayout(codesRow_);
    connect(accept_, &QPushButton::clicked, this, &AssistDraftBar::acceptRequested);
    connect(insert_, &QPushButton::clicked, this, &AssistDraftBar::insertRequested);
    retranslate();
    hide();
}

void AssistDraftBar::show(bool showing, bool offered, const QStringList& codes,
                          const QString& current,
                          const std::function<QString(const QString&)>& label) {
    showing_ = showing;
    offered_ = offered;
    if (codes != codes_ || current != current_) {
        codes_ = codes;
        current_ = current;
        rebuildCodes(label);
    }
    codesLabel_->setVisible(!codes.isEmpty());
    retranslate();
    setVisible(showing || offered || !codes.isEmpty());
}

void AssistDraftBar::rebuildCodes(const std::function<QString(const QString&)>& label) {
    const QStringList& codes = codes_;
    const QString& current = current_;
    qDeleteAll(codeButtons_);
    codeButtons_.clear();
    int at = 1;
    for (const QString& code : codes) {
        auto* b = new QPushButton(label(code), this);
        b->setObjectName(QStringLiteral("assistCode:") + code);
        b->setCheckable(true);
        b->setChecked(code == current);
        b->setToolTip(tr("Choose this wrap-up code"));
        connect(b, &QPushButton::clicked, this, [this, code] { emit codeChosen(code); });
        codesRow_->insertWidget(at++, b);
        codeButtons_.append(b);
    }
}

void AssistDraftBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void AssistDraftBar::retranslate() {
    text_->setText(showing_   ? tr("Draft written by assist from the call: check it, then edit "
                                     "or accept it.")
                   : offered_ ? tr("Assist drafted a note for this call.")
                              : tr("Assist's wrap-up codes for this call."));
    accept_->setText(tr("Accept draft"));
    accept_->setVisible(showing_);
    insert_->setText(tr("Insert draft"));
    insert_->setVisible(offered_ && !showing_);
    codesLabel_->setText(tr("Suggested codes:"));
}

}  // namespace agentdesk::widgets
