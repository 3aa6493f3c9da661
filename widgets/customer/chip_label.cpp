#include "widgets/customer/chip_label.h"

namespace agentdesk::widgets {

ChipLabel::ChipLabel(Tone tone, QWidget* parent) : QLabel(parent) {
    setTone(tone);
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
}

ChipLabel::ChipLabel(const QString& text, Tone tone, QWidget* parent) : ChipLabel(tone, parent) {
    setText(text);
}

void ChipLabel::setTone(Tone tone) {
    tone_ = tone;
    const char* colors = "background:#eceff3;color:#33414e;";
    switch (tone) {
        case Tone::Neutral:
            break;
        case Tone::Good:
            colors = "background:#dff3e4;color:#1d5e2e;";
            break;
        case Tone::Info:
            colors = "background:#e1ecfb;color:#1b4a8a;";
            break;
        case Tone::Warning:
            colors = "background:#fff1cc;color:#7a5200;";
            break;
        case Tone::Danger:
            colors = "background:#fbe0e0;color:#9b1c1c;font-weight:bold;";
            break;
        case Tone::Off:
            colors = "background:#f3f3f3;color:#8a8f95;";
            break;
    }
    setStyleSheet(
        QStringLiteral("QLabel{%1border-radius:9px;padding:2px 9px;}").arg(QLatin1String(colors)));
}

}  // namespace agentdesk::widgets
