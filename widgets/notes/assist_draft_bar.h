#pragma once
// Above the note: agent assist's draft (docs/assist.md). While the text is the draft, untouched,
// it says so and offers "Accept draft"; when the counselor had already written, it offers to
// insert the draft; and it shows the codes assist predicted, each one click away.
#include <functional>

#include <QFrame>
#include <QStringList>

class QLabel;
class QPushButton;
class QHBoxLayout;

namespace agentdesk::widgets {

class AssistDraftBar : public QFrame {
    Q_OBJECT
public:
    explicit AssistDraftBar(QWidget* parent = nullptr);

    // showing: the text is the draft; offered: a draft not in the text; codes: best first;
    // current: the chosen code; label: a code's name on screen.
    void show(bool showing, bool offered, const QStringList& codes, const QString& current,
              const std::function<QString(const QString&)>& label);

signals:
    void acceptRequested();
    void insertRequested();
    void codeChosen(const QString& code);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void rebuildCodes(const std::function<QString(const QString&)>& label);

    bool showing_ = false, offered_ = false;
    QLabel* text_;
    QPushButton* accept_;
    QPushButton* insert_;
    QLabel* codesLabel_;
    QHBoxLayout* codesRow_;
    QList<QPushButton*> codeButtons_;
    QStringList codes_;
    QString current_;
};

}  // namespace agentdesk::widgets
