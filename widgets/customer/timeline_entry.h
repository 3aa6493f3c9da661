#pragma once
// One contact in the customer's history, as a card: a header (time in bold, then channel,
// queue, talk time), the facts (reason in bold, end reason, wrap-up, agent) and the contact's
// notes, each with its time and an "Edit" button; "Copy note" in a note's context menu. The card
// paints its own frame (no style sheet) and its texts are plain, so filling it in is cheap: the
// timeline keeps its cards between customers and fills them in again (WidgetPool).
#include <QList>
#include <QString>
#include <QWidget>

#include "crm/model/note.h"
#include "widgets/common/widget_pool.h"

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace agentdesk::widgets {

class TimelineNoteBox;

// What a card shows, every user-visible string already translated by the timeline.
struct TimelineEntryTexts {
    QString when;    // "2026. 11. 3. 14:02"
    QString head;    // "· 전화 수신 · 카드/결제 · 통화 3:12"
    QString reason;  // may be empty
    QString facts;  // "· 정상 종료 · 처리 코드: 안내 완료 · 상담사: 김상담", may be empty
    struct Note {
        crm::Note note;
        QString text;  // the note, or "(empty note)"
        QString meta;  // "2026. 11. 3. 14:05 · edited (version 2)"
    };
    QList<Note> notes;
    QString editText;     // "Edit"
    QString editToolTip;  // "Edit this note"
    QString copyText;     // "Copy note"
};

class TimelineEntry : public QWidget {
    Q_OBJECT
public:
    explicit TimelineEntry(QWidget* parent = nullptr);

    // Fills the card in for interaction `interactionId` (its object name becomes
    // "interaction_<id>", each note's Edit button "editNoteButton_<note id>").
    void setContent(const QString& interactionId, const TimelineEntryTexts& texts);
    void setNoteEditEnabled(bool enabled);

signals:
    void editNoteRequested(const agentdesk::crm::Note& note);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QLabel* when_;
    QLabel* head_;
    QWidget* factsRow_;
    QLabel* reason_;
    QLabel* facts_;
    QVBoxLayout* layout_;
    WidgetPool<TimelineNoteBox> notes_;
    bool noteEditEnabled_ = true;
};

}  // namespace agentdesk::widgets
