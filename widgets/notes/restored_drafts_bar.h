#pragma once
// The notice above the note editor after login when drafts from an earlier run came back
// ("Restored draft from 14:03"), with a short list to pick another when there were several.
#include <QLabel>
#include <QList>
#include <QListWidget>
#include <QPushButton>
#include <QWidget>

#include "crm/store/local_store.h"

namespace agentdesk::widgets {

class RestoredDraftsBar : public QWidget {
    Q_OBJECT
public:
    explicit RestoredDraftsBar(QWidget* parent = nullptr);

    // `drafts` newest first; `shown` is the one in the editor. Shows the bar.
    void showDrafts(const QList<crm::NoteDraft>& drafts, const QString& shownKey);
    QString noticeText() const { return notice_->text(); }
    int draftCount() const { return static_cast<int>(drafts_.size()); }

signals:
    void draftChosen(const crm::NoteDraft& draft);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    QString describe(const crm::NoteDraft& draft) const;

    QList<crm::NoteDraft> drafts_;
    QString shownKey_;
    QLabel* notice_;
    QListWidget* list_;
    QPushButton* close_;
};

// "14:03" today, "2026-11-22 14:03" otherwise.
QString draftTime(qint64 updatedAtMs);

}  // namespace agentdesk::widgets
