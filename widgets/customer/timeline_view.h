#pragma once
// The customer's contact history, newest first: one entry per interaction (time, channel and
// direction, queue, reason, end reason, wrap-up code, agent, duration) with its notes under
// it, each with an "Edit" button. Older entries are appended as they are paged in; the footer
// offers to fetch them when the list is not long enough to scroll.
#include <QList>
#include <QWidget>

#include "crm/model/customer.h"
#include "crm/model/note.h"
#include "crm/model/session_info.h"

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace agentdesk::widgets {

class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(QWidget* parent = nullptr);

    void setWrapupCodes(const QList<crm::WrapupCode>& codes) { codes_ = codes; }
    // Queue names (ko, en) by id, so entries show "카드/결제" rather than "card".
    void setQueues(const QList<crm::QueueConfig>& queues) { queues_ = queues; }
    void setInteractions(const QList<crm::Interaction>& interactions, bool hasMore);
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

private:
    void retranslate();
    void rebuild();
    // Builds up to `count` more entries now and schedules the rest.
    void buildSome(int count);
    QWidget* makeEntry(const crm::Interaction& interaction);
    QWidget* makeNote(const crm::Note& note);
    QString wrapupLabel(const QString& code) const;
    QString queueLabel(const QString& id) const;
    void updateFooter();

    static constexpr int kFirstEntries = 3;
    static constexpr int kEntriesPerPass = 4;
    QList<crm::Interaction> interactions_;
    int built_ = 0;  // entries of interactions_ with a widget
    bool buildScheduled_ = false;
    QList<crm::WrapupCode> codes_;
    QList<crm::QueueConfig> queues_;
    QList<QPushButton*> noteEditButtons_;
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
