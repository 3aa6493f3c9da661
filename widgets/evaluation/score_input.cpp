#include "widgets/evaluation/score_input.h"
#include "widgets/common/tone.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>

namespace agentdesk::widgets {

ScoreInput::ScoreInput(const QString& dimension, QWidget* parent)
    : QWidget(parent), dimension_(dimension) {
    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setObjectName(dimension + QLatin1String("Slider"));
    slider_->setRange(0, 100);
    slider_->setPageStep(10);
    slider_->setTickPosition(QSlider::TicksBelow);
    slider_->setTickInterval(10);
    slider_->setMinimumWidth(140);

    spin_ = new QSpinBox(this);
    spin_->setObjectName(dimension + QLatin1String("Score"));
    spin_->setRange(-1, 100);  // -1 is "not set", shown as the special value text
    spin_->setValue(-1);
    spin_->setMinimumWidth(72);
    spin_->setAlignment(Qt::AlignRight);

    error_ = new QLabel(this);
    error_->setObjectName(dimension + QLatin1String("Error"));
    error_->setStyleSheet(toneStyle(Tone::Error));
    error_->setWordWrap(true);
    error_->hide();

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(2);
    grid->addWidget(slider_, 0, 0);
    grid->addWidget(spin_, 0, 1);
    grid->addWidget(error_, 1, 0, 1, 2);
    grid->setColumnStretch(0, 1);

    connect(slider_, &QSlider::valueChanged, this, [this](int value) { spin_->setValue(value); });
    // A click on the slider's handle sets the score even when it does not move (a 0 on purpose).
    connect(slider_, &QSlider::sliderPressed, this, [this] {
        if (!isSet())
            spin_->setValue(slider_->value());
    });
    connect(spin_, &QSpinBox::valueChanged, this, [this](int value) {
        if (value >= 0) {
            const QSignalBlocker block(slider_);
            slider_->setValue(value);
            setError({});
        }
        emit scoreChanged(value);
    });
    retranslate();
}

int ScoreInput::score() const {
    return spin_->value();
}

void ScoreInput::setScore(int score) {
    spin_->setValue(score < 0 ? -1 : qMin(score, 100));
    if (score < 0) {
        const QSignalBlocker block(slider_);
        slider_->setValue(0);
    }
}

void ScoreInput::setError(const QString& text) {
    error_->setText(text);
    error_->setVisible(!text.isEmpty());
}

QString ScoreInput::error() const {
    return error_->isVisible() ? error_->text() : QString();
}

void ScoreInput::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ScoreInput::setAccessibleLabel(const QString& label) {
    slider_->setAccessibleName(
        tr("%1 score (slider)", "accessible name; %1 is a quality dimension").arg(label));
    spin_->setAccessibleName(
        tr("%1 score", "accessible name; %1 is a quality dimension").arg(label));
}

void ScoreInput::retranslate() {
    spin_->setSpecialValueText(tr("—", "score not set yet"));
    spin_->setToolTip(tr("Score 0–100. Type a number or use the slider."));
    slider_->setToolTip(spin_->toolTip());
}

}  // namespace agentdesk::widgets
