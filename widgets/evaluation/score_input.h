#pragma once
// One KSQI score on the evaluation form: a 0–100 slider and spin box kept in step, which
// starts "not set" (the spin box shows "—") so a forgotten dimension is caught, not saved as 0.
#include <QWidget>

class QLabel;
class QSlider;
class QSpinBox;

namespace agentdesk::widgets {

class ScoreInput : public QWidget {
    Q_OBJECT
public:
    // `dimension` is the API name ("greeting"); it names the child widgets too.
    explicit ScoreInput(const QString& dimension, QWidget* parent = nullptr);

    QString dimension() const { return dimension_; }
    // -1 while not set.
    int score() const;
    bool isSet() const { return score() >= 0; }
    void setScore(int score);  // -1 clears; others are clamped to 0–100
    void clear() { setScore(-1); }
    // An inline error under the row (empty hides it).
    void setError(const QString& text);
    QString error() const;
    QSpinBox* spinBox() const { return spin_; }
    // What the score is for ("인사"): the slider and the number box are named after it.
    void setAccessibleLabel(const QString& label);
    QSlider* slider() const { return slider_; }

signals:
    void scoreChanged(int score);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QString dimension_;
    QSlider* slider_;
    QSpinBox* spin_;
    QLabel* error_;
};

}  // namespace agentdesk::widgets
