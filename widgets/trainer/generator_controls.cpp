#include "widgets/trainer/generator_controls.h"

#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "crm/session/demo_controller.h"
#include "widgets/common/tone.h"

namespace agentdesk::widgets {

using crm::DemoController;

GeneratorControls::GeneratorControls(DemoController& controller, QWidget* parent)
    : QGroupBox(parent), controller_(controller) {
    setObjectName(QStringLiteral("generatorBox"));
    rateLabel_ = new QLabel(this);
    rateLabel_->setObjectName(QStringLiteral("rateLabel"));
    rate_ = new QSpinBox(this);
    rate_->setObjectName(QStringLiteral("rateSpin"));
    rate_->setRange(0, kMaxRate);
    rate_->setAccelerated(true);
    rateLabel_->setBuddy(rate_);
    apply_ = new QPushButton(this);
    apply_->setObjectName(QStringLiteral("applyRate"));
    current_ = new QLabel(this);
    current_->setObjectName(QStringLiteral("currentRate"));

    auto* line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    resetText_ = new QLabel(this);
    resetText_->setObjectName(QStringLiteral("resetText"));
    resetText_->setWordWrap(true);
    reset_ = new QPushButton(this);
    reset_->setObjectName(QStringLiteral("resetDemo"));
    resetResult_ = new QLabel(this);
    resetResult_->setObjectName(QStringLiteral("resetResult"));

    auto* rateRow = new QHBoxLayout;
    rateRow->addWidget(rateLabel_);
    rateRow->addWidget(rate_);
    rateRow->addWidget(apply_);
    rateRow->addStretch(1);
    auto* resetRow = new QHBoxLayout;
    resetRow->addWidget(reset_);
    resetRow->addWidget(resetResult_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(rateRow);
    layout->addWidget(current_);
    layout->addWidget(line);
    layout->addWidget(resetText_);
    layout->addLayout(resetRow);
    layout->addStretch(1);

    connect(rate_, &QSpinBox::valueChanged, this, [this] { rateEdited_ = true; });
    connect(rate_, &QSpinBox::editingFinished, this, [this] {
        if (rate_->hasFocus())
            applyRate();
    });
    connect(apply_, &QPushButton::clicked, this, &GeneratorControls::applyRate);
    connect(reset_, &QPushButton::clicked, this, &GeneratorControls::requestReset);
    connect(&controller_, &DemoController::statusChanged, this, &GeneratorControls::updateStatus);
    connect(&controller_, &DemoController::busyChanged, this,
            [this](DemoController::Action action, bool busy) {
                if (action == DemoController::Action::SetRate)
                    apply_->setEnabled(!busy);
                if (action == DemoController::Action::Reset) {
                    reset_->setEnabled(!busy);
                    if (busy)
                        resetResult_->clear();
                }
            });
    connect(&controller_, &DemoController::succeeded, this, [this](DemoController::Action action) {
        if (action == DemoController::Action::SetRate)
            rateEdited_ = false;
        if (action == DemoController::Action::Reset) {
            resetResult_->setStyleSheet(toneStyle(Tone::Success));
            resetResult_->setText(tr("The demo data was reset."));
        }
    });
    retranslate();
}

void GeneratorControls::applyRate() {
    controller_.setRate(rate_->value());
}

void GeneratorControls::requestReset() {
    QMessageBox box(QMessageBox::Warning, tr("Reset the demo data"),
                    tr("Reset the demo data? The running scenario stops, every call ends, the "
                       "queues empty and the demo customers go back to the bundled data set. "
                       "This cannot be undone."),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("resetConfirmation"));
    box.button(QMessageBox::Yes)->setText(tr("Reset"));
    box.setDefaultButton(QMessageBox::Cancel);
    // Modal on purpose: the trainer pressed Reset and this asks before anything is lost.
    if (box.exec() == QMessageBox::Yes)
        resetConfirmed();
}

void GeneratorControls::resetConfirmed() {
    controller_.reset();
}

void GeneratorControls::updateStatus() {
    const crm::DemoStatus& s = controller_.status();
    if (!controller_.statusKnown()) {
        current_->setText(tr("Current rate: unknown"));
        return;
    }
    current_->setText(s.callsPerMin > 0 ? tr("Now: %1 calls a minute (generator running)")
                                              .arg(QLocale().toString(s.callsPerMin, 'g', 4))
                                        : tr("Now: generator stopped (0 calls a minute)"));
    // Follow the server unless the trainer is typing a new rate.
    if (!rateEdited_ && !rate_->hasFocus()) {
        const QSignalBlocker block(rate_);
        rate_->setValue(qRound(s.callsPerMin));
    }
}

void GeneratorControls::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void GeneratorControls::retranslate() {
    setTitle(tr("Call generator and demo data"));
    rateLabel_->setText(tr("&Arrival rate:"));
    rate_->setSuffix(tr(" calls/min", "unit after the number in the spin box"));
    rate_->setToolTip(tr("Random demo calls a minute, 0-%1; 0 stops the generator").arg(kMaxRate));
    apply_->setText(tr("A&pply rate"));
    resetText_->setText(
        tr("Reset stops the scenario, ends every call and puts the demo customers "
           "back to the bundled data set."));
    reset_->setText(tr("&Reset demo data…"));
    updateStatus();
}

}  // namespace agentdesk::widgets
