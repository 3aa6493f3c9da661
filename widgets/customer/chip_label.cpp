#include "widgets/customer/chip_label.h"

#include <algorithm>

#include <QApplication>
#include <QEvent>
#include <QPainter>

#include "widgets/common/tone.h"

namespace agentdesk::widgets {

namespace {

struct ChipColors {
    QColor background;
    QColor text;
    QColor border;  // invalid: none
    bool bold = false;
    bool dashed = false;
};

ChipColors colorsFor(ChipLabel::Tone tone) {
    using Tone = ChipLabel::Tone;
    if (isHighContrastPalette(QApplication::palette())) {
        // Black with a white edge; a chip that warns is yellow, one that is off is dashed.
        if (tone == Tone::Danger || tone == Tone::Warning)
            return {Qt::black, QColor(0xff, 0xff, 0x00), QColor(0xff, 0xff, 0x00), true, false};
        return {Qt::black, Qt::white, Qt::white, false, tone == Tone::Off};
    }
    switch (tone) {
        case Tone::Good:
            return {QColor(0xdf, 0xf3, 0xe4), QColor(0x1d, 0x5e, 0x2e), {}};
        case Tone::Info:
            return {QColor(0xe1, 0xec, 0xfb), QColor(0x1b, 0x4a, 0x8a), {}};
        case Tone::Warning:
            return {QColor(0xff, 0xf1, 0xcc), QColor(0x7a, 0x52, 0x00), {}};
        case Tone::Danger:
            return {QColor(0xfb, 0xe0, 0xe0), QColor(0x9b, 0x1c, 0x1c), {}, true};
        case Tone::Off:
            return {QColor(0xf3, 0xf3, 0xf3), QColor(0x5f, 0x65, 0x6b), {}};
        case Tone::Neutral:
            break;
    }
    return {QColor(0xec, 0xef, 0xf3), QColor(0x33, 0x41, 0x4e), {}};
}

}  // namespace

ChipLabel::ChipLabel(Tone tone, QWidget* parent) : QLabel(parent) {
    setContentsMargins(9, 2, 9, 2);
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    tone_ = tone;
    applyTone();
}

ChipLabel::ChipLabel(const QString& text, Tone tone, QWidget* parent) : ChipLabel(tone, parent) {
    setText(text);
}

void ChipLabel::setTone(Tone tone) {
    if (tone == tone_)
        return;
    tone_ = tone;
    applyTone();
}

// The chip paints its own rounded background (no style sheet: a chip is filled in again for
// every customer, and a new style sheet would polish it again each time).
void ChipLabel::applyTone() {
    const ChipColors colors = colorsFor(tone_);
    QPalette pal = palette();
    pal.setColor(QPalette::WindowText, colors.text);
    pal.setColor(QPalette::Window, colors.background);  // what the text is read against
    setPalette(pal);
    QFont f = font();
    if (f.bold() != colors.bold) {
        f.setBold(colors.bold);
        setFont(f);
    }
    update();
}

void ChipLabel::paintEvent(QPaintEvent* event) {
    {
        const ChipColors colors = colorsFor(tone_);
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        if (colors.border.isValid()) {
            QPen pen(colors.border, colors.bold ? 2 : 1);
            if (colors.dashed)
                pen.setStyle(Qt::DashLine);
            p.setPen(pen);
        } else {
            p.setPen(Qt::NoPen);
        }
        p.setBrush(colors.background);
        const qreal inset = colors.border.isValid() ? (colors.bold ? 1.0 : 0.5) : 0.0;
        const QRectF box = QRectF(rect()).adjusted(inset, inset, -inset, -inset);
        const qreal radius = std::min<qreal>(9.0, box.height() / 2);
        p.drawRoundedRect(box, radius, radius);
    }
    QLabel::paintEvent(event);
}

bool ChipLabel::event(QEvent* event) {
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyTone();  // a new look
    return QLabel::event(event);
}

}  // namespace agentdesk::widgets
