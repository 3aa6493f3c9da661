#pragma once
// The counselor's assist panel beside the customer 360 (docs/assist.md): the call's live
// transcript (time, speaker, masked text, abusive lines marked, each line's mood as a colour
// and a word), the customer's mood over the call, knowledge suggestions that follow what the
// caller says, and the compliance checklist ticked as the counselor says each item. On the
// call's first abusive line it offers the abuse warning (the softphone's key). Team leads see
// the same panel for the call they listen to.
#include <QKeySequence>
#include <QWidget>

#include "crm/session/assist_session.h"

class QLabel;
class QListWidget;
class QPushButton;
class QFrame;

namespace agentdesk::widgets {

class AssistPanel : public QWidget {
    Q_OBJECT
public:
    explicit AssistPanel(crm::AssistSession& assist, QWidget* parent = nullptr);

    // The key of the softphone's "play the abuse warning", shown in the prompt.
    void setWarningShortcut(const QKeySequence& keys);
    // Whether the abuse prompt offers the warning (only the counselor on the call can play it).
    void setCanWarn(bool canWarn);
    // Shows a call after the fact (evaluation) or one a lead listens to, not the user's own call:
    // other titles and hints, no warning.
    enum class Use { OwnCall, Listening, Review };
    void setUse(Use use);

signals:
    void warningRequested();
    void articleRequested(const QString& articleId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void reload();
    void addLine(const crm::AssistLine& line);
    void refreshSummary();
    void showAbusePrompt(const crm::AssistLine& line);

    crm::AssistSession& assist_;
    QKeySequence warningKeys_;
    Use use_ = Use::OwnCall;
    QString abuseCategory_;
    QLabel* title_;
    QLabel* mood_;
    QFrame* abuseBar_;
    QLabel* abuseText_;
    QPushButton* warn_;
    QPushButton* dismiss_;
    QLabel* transcriptTitle_;
    QLabel* empty_;
    QListWidget* transcript_;
    QLabel* suggestionsTitle_;
    QListWidget* suggestions_;
    QLabel* checklistTitle_;
    QListWidget* checklist_;
};

}  // namespace agentdesk::widgets
