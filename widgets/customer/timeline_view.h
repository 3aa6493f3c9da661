#pragma once
// The customer's contact history, newest first: one entry per interaction (time, channel and
// direction, queue, reason, end reason, wrap-up code, agent, duration) with its notes under
// it, each with an "Edit" button. Older entries are appended as they are paged in; the footer
// offers to fetch them when the list is not long enough to scroll. The entry cards are kept
// between customers and filled in again (a screen pop builds no widget once the first customers
// have been shown).
#include <QList>
#include <QWidget>

#include "crm/model/customer.h"
#include "crm/model/note.h"
#include "crm/model/session_info.h"
#include "widgets/common/widget_pool.h"

class QLabel;
class QPushButton;
class QTimer;
class QVBoxLayout;

namespace agentdesk::widgets {

class TimelineEntry;

class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(QWidget* parent = nullptr);

    void setWrapupCodes(const QList<crm::WrapupCode>& codes) { codes_ = codes; }
    // Queue names (ko, en) by id, so entries show "카드/결제" rather than "card".
    void setQueues(const QList<crm::QueueConfig>& queues) { queues_ = queues; }
    // Fills in the first few cards now and the others on the next pass of the event loop.
    void setInteractions(const QList<crm::Interaction>& interactions, bool hasMore);
    // Fills in up to `count` more cards now; false when all are.
    bool fillMore(int count);
    // The bottom (y in this widget, as laid out) of the last card filled in; 0 for none.
    int filledBottom() const;
    void appendInteractions(const QList<crm::Interaction>& interactions, bool hasMore);
    void setLoadingMore(bool loading);
    void setMoreError(const QString& message);
    void setNoteEditEnabled(bool enabled);
    int count() const { return interactions_.size(); }
    bool hasMore() const { return hasMore_; }

signals:
    void editNoteRequested(const agentdesk::crm::Note& note);
    void moreRequested();

protected:
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    void retranslate();
    void rebuild();
    // Fills in every card not filled yet and shows as many cards as interactions.
    void finish();
    void fill(TimelineEntry* entry, const crm::Interaction& interaction) const;
    QString wrapupLabel(const QString& code) const;
    QString queueLabel(const QString& id) const;
    void updateFooter();

    QList<crm::Interaction> interactions_;
    QList<crm::WrapupCode> codes_;
    QList<crm::QueueConfig> queues_;
    WidgetPool<TimelineEntry> entryCards_;
    static constexpr int kFirstEntries = 3;
    int filled_ = 0;  // cards filled in for interactions_ (the first ones)
    // The cards not filled in yet are filled in after the next paint of the history, or after
    // kFinishAfterMs if it is not painted (scrolled out of view, another page on top).
    static constexpr int kFinishAfterMs = 60;
    bool finishPending_ = false;
    QTimer* finishTimer_;
    bool hasMore_ = false;
    bool loadingMore_ = false;
    bool noteEditEnabled_ = true;
    QString moreError_;
    QVBoxLayout* entries_;
    QLabel* empty_;
    QLabel* footerStatus_;
    QPushButton* more_;
};

}  // namespace agentdesk::widgets
