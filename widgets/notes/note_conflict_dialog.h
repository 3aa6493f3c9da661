#pragma once
// Shown when an edited note was changed on the server meanwhile (409 version_conflict): both
// versions side by side, and the counselor decides — keep mine (saved on top of the server's
// version), take theirs, or edit a merge in the note editor. Non-modal: calls keep ringing.
#include <QDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

#include "crm/model/note.h"

namespace agentdesk::widgets {

class NoteConflictDialog : public QDialog {
    Q_OBJECT
public:
    NoteConflictDialog(const QString& myText, const QString& myCodeLabel, const crm::Note& theirs,
                       const QString& theirCodeLabel, QWidget* parent = nullptr);

    const crm::Note& theirs() const { return theirs_; }
    QString mineText() const { return mine_->toPlainText(); }
    QString theirsText() const { return theirsText_->toPlainText(); }
    // The server's text, then the lines of mine it does not have: a start for a merge.
    static QString mergeStart(const QString& mine, const QString& theirs);

signals:
    void keepMine(const crm::Note& theirs);
    void takeTheirs(const crm::Note& theirs);
    void editMerge(const crm::Note& theirs, const QString& merged);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    crm::Note theirs_;
    QString myCodeLabel_, theirCodeLabel_;
    QLabel* intro_;
    QLabel* mineTitle_;
    QLabel* theirsTitle_;
    QPlainTextEdit* mine_;
    QPlainTextEdit* theirsText_;
    QPushButton* keepMine_;
    QPushButton* takeTheirs_;
    QPushButton* editMerge_;
};

}  // namespace agentdesk::widgets
