#pragma once
// A small rounded label for flags and consents ("VIP", "Abuse history 2", "SMS ✓"), in the
// colours of its tone (the high-contrast look has its own).
#include <QLabel>

namespace agentdesk::widgets {

class ChipLabel : public QLabel {
    Q_OBJECT
public:
    enum class Tone { Neutral, Good, Info, Warning, Danger, Off };
    explicit ChipLabel(Tone tone = Tone::Neutral, QWidget* parent = nullptr);
    ChipLabel(const QString& text, Tone tone, QWidget* parent = nullptr);
    void setTone(Tone tone);
    Tone tone() const { return tone_; }

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void applyTone();
    Tone tone_ = Tone::Neutral;
};

}  // namespace agentdesk::widgets
