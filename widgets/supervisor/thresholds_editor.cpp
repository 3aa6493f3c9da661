#include "widgets/supervisor/thresholds_editor.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

namespace agentdesk::widgets {

ThresholdsEditor::ThresholdsEditor(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(this)),
      slLabel_(new QLabel(this)),
      waitLabel_(new QLabel(this)),
      waitingLabel_(new QLabel(this)),
      abandonLabel_(new QLabel(this)),
      sl_(new QDoubleSpinBox(this)),
      longestWait_(new QSpinBox(this)),
      waiting_(new QSpinBox(this)),
      abandon_(new QDoubleSpinBox(this)) {
    setObjectName(QStringLiteral("thresholdsEditor"));
    sl_->setObjectName(QStringLiteral("slThresholdSpin"));
    sl_->setRange(0, 100);
    sl_->setDecimals(0);
    sl_->setSuffix(QStringLiteral("%"));
    longestWait_->setObjectName(QStringLiteral("longestWaitThresholdSpin"));
    longestWait_->setRange(0, 3600);
    longestWait_->setSingleStep(10);
    waiting_->setObjectName(QStringLiteral("waitingThresholdSpin"));
    waiting_->setRange(0, 999);
    abandon_->setObjectName(QStringLiteral("abandonThresholdSpin"));
    abandon_->setRange(0, 100);
    abandon_->setDecimals(0);
    abandon_->setSuffix(QStringLiteral("%"));

    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(title_);
    for (auto [label, spin] : {std::pair<QLabel*, QWidget*>{slLabel_, sl_},
                               {waitLabel_, longestWait_},
                               {waitingLabel_, waiting_},
                               {abandonLabel_, abandon_}}) {
        layout->addSpacing(8);
        layout->addWidget(label);
        layout->addWidget(spin);
        label->setBuddy(spin);
    }

    setThresholds(thresholds_);
    connect(sl_, &QDoubleSpinBox::valueChanged, this, &ThresholdsEditor::readSpins);
    connect(abandon_, &QDoubleSpinBox::valueChanged, this, &ThresholdsEditor::readSpins);
    connect(longestWait_, &QSpinBox::valueChanged, this, &ThresholdsEditor::readSpins);
    connect(waiting_, &QSpinBox::valueChanged, this, &ThresholdsEditor::readSpins);
    retranslate();
}

void ThresholdsEditor::setThresholds(const MonitorThresholds& t) {
    thresholds_ = t;
    updating_ = true;
    sl_->setValue(t.slBelowPct);
    longestWait_->setValue(t.longestWaitAboveSec);
    waiting_->setValue(t.waitingAbove);
    abandon_->setValue(t.abandonAbovePct);
    updating_ = false;
}

void ThresholdsEditor::readSpins() {
    if (updating_)
        return;
    thresholds_.slBelowPct = sl_->value();
    thresholds_.longestWaitAboveSec = longestWait_->value();
    thresholds_.waitingAbove = waiting_->value();
    thresholds_.abandonAbovePct = abandon_->value();
    emit changed(thresholds_);
}

void ThresholdsEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ThresholdsEditor::retranslate() {
    title_->setText(tr("Alert when", "start of the threshold row: 경고 기준"));
    slLabel_->setText(tr("SL below", "service level (서비스 레벨) under this percentage"));
    waitLabel_->setText(tr("Longest wait over", "최장 대기시간 over this many seconds"));
    longestWait_->setSuffix(tr(" s", "seconds unit after a number"));
    waitingLabel_->setText(tr("Waiting over", "more waiting calls (대기 호) than this"));
    abandonLabel_->setText(tr("Abandon rate over", "포기율 over this percentage"));
    setToolTip(tr("Figures past these limits turn amber; far past them, red."));
}

}  // namespace agentdesk::widgets
