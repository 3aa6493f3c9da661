#include "widgets/notes/note_conflict_dialog.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QSet>
#include <QVBoxLayout>

#include "widgets/common/format.h"

namespace agentdesk::widgets {

NoteConflictDialog::NoteConflictDialog(const QString& myText, const QString& myCodeLabel,
                                       const crm::Note& theirs, const QString& theirCodeLabel,
                                       QWidget* parent)
    : QDialog(parent), theirs_(theirs), myCodeLabel_(myCodeLabel), theirCodeLabel_(theirCodeLabel) {
    setObjectName(QStringLiteral("noteConflictDialog"));
    setModal(false);
    setAttribute(Qt::WA_DeleteOnClose);
    resize(720, 420);
    setMinimumSize(480, 300);

    intro_ = new QLabel(this);
    intro_->setObjectName(QStringLiteral("conflictIntro"));
    intro_->setWordWrap(true);
    mineTitle_ = new QLabel(this);
    mineTitle_->setObjectName(QStringLiteral("mineTitle"));
    theirsTitle_ = new QLabel(this);
    theirsTitle_->setObjectName(QStringLiteral("theirsTitle"));
    for (QLabel* title : {mineTitle_, theirsTitle_}) {
        title->setWordWrap(true);
        title->setTextFormat(Qt::PlainText);
    }
    mine_ = new QPlainTextEdit(myText, this);
    mine_->setObjectName(QStringLiteral("mineText"));
    theirsText_ = new QPlainTextEdit(theirs.text, this);
    theirsText_->setObjectName(QStringLiteral("theirsText"));
    for (QPlainTextEdit* edit : {mine_, theirsText_})
        edit->setReadOnly(true);  // both may be copied from; the merge is edited in the editor

    keepMine_ = new QPushButton(this);
    keepMine_->setObjectName(QStringLiteral("keepMineButton"));
    takeTheirs_ = new QPushButton(this);
    takeTheirs_->setObjectName(QStringLiteral("takeTheirsButton"));
    editMerge_ = new QPushButton(this);
    editMerge_->setObjectName(QStringLiteral("editMergeButton"));
    editMerge_->setDefault(true);

    auto* columns = new QGridLayout;
    columns->addWidget(mineTitle_, 0, 0);
    columns->addWidget(theirsTitle_, 0, 1);
    columns->addWidget(mine_, 1, 0);
    columns->addWidget(theirsText_, 1, 1);
    columns->setRowStretch(1, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(keepMine_);
    buttons->addWidget(takeTheirs_);
    buttons->addWidget(editMerge_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro_);
    layout->addLayout(columns, 1);
    layout->addLayout(buttons);

    connect(keepMine_, &QPushButton::clicked, this, [this] {
        emit keepMine(theirs_);
        close();
    });
    connect(takeTheirs_, &QPushButton::clicked, this, [this] {
        emit takeTheirs(theirs_);
        close();
    });
    connect(editMerge_, &QPushButton::clicked, this, [this] {
        emit editMerge(theirs_, mergeStart(mine_->toPlainText(), theirs_.text));
        close();
    });
    retranslate();
}

QString NoteConflictDialog::mergeStart(const QString& mine, const QString& theirs) {
    const QStringList theirLines = theirs.split(QLatin1Char('\n'));
    const QSet<QString> known(theirLines.begin(), theirLines.end());
    QStringList added;
    for (const QString& line : mine.split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty() && !known.contains(line))
            added.append(line);
    }
    if (added.isEmpty())
        return theirs;
    QString merged = theirs;
    if (!merged.isEmpty() && !merged.endsWith(QLatin1Char('\n')))
        merged += QLatin1Char('\n');
    return merged + added.join(QLatin1Char('\n'));
}

void NoteConflictDialog::retranslate() {
    setWindowTitle(tr("The note was changed meanwhile"));
    intro_->setText(
        tr("Someone changed this note on the server while you were editing it. "
           "Compare both versions and choose which to keep."));
    mineTitle_->setText(tr("Your version — %1").arg(myCodeLabel_));
    QString when = formatDateTime(theirs_.updatedAt.toLocalTime());
    theirsTitle_->setText(tr("Current version on the server (v%1, %2) — %3")
                              .arg(theirs_.version)
                              .arg(when, theirCodeLabel_));
    keepMine_->setText(tr("Keep mine"));
    keepMine_->setToolTip(tr("Save your version on top of the server's version"));
    takeTheirs_->setText(tr("Take theirs"));
    takeTheirs_->setToolTip(tr("Drop your changes and show the server's version"));
    editMerge_->setText(tr("Edit a merge"));
    editMerge_->setToolTip(
        tr("Continue in the editor with the server's text plus your added lines"));
}

void NoteConflictDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

}  // namespace agentdesk::widgets
