#include "widgets/customer/timeline_entry.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

#include "widgets/common/relative_font.h"
#include "widgets/common/tone.h"
#include "widgets/common/wrap_label.h"

namespace agentdesk::widgets {

namespace {

QLabel* plainLabel(const char* objectName, QWidget* parent, bool wrap) {
    QLabel* label = wrap ? new WrapLabel(parent) : new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setTextFormat(Qt::PlainText);
    return label;
}

}  // namespace

// A note under its contact: the text, its time and an Edit button, on a tinted background with
// a blue edge on the left.
class TimelineNoteBox : public QWidget {
public:
    explicit TimelineNoteBox(TimelineEntry* entry) : QWidget(entry) {
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(11, 4, 6, 4);
        layout->setSpacing(2);
        text_ = plainLabel("noteText", this, true);
        layout->addWidget(text_);
        auto* meta = new QHBoxLayout;
        meta_ = plainLabel("noteMeta", this, false);
        meta_->setStyleSheet(toneStyle(Tone::Hint));
        meta->addWidget(meta_, 1);
        edit_ = new QPushButton(this);
        edit_->setFlat(true);
        edit_->setCursor(Qt::PointingHandCursor);
        edit_->setStyleSheet(QStringLiteral(
            "QPushButton{color:palette(link);text-decoration:underline;border:none;padding:0 4px;}"
            "QPushButton:disabled{color:palette(mid);}"));
        QObject::connect(edit_, &QPushButton::clicked, entry,
                         [this, entry] { emit entry->editNoteRequested(note_); });
        meta->addWidget(edit_);
        layout->addLayout(meta);
        copy_ = new QAction(this);
        QObject::connect(copy_, &QAction::triggered, this,
                         [this] { QGuiApplication::clipboard()->setText(note_.text); });
        addAction(copy_);
        setContextMenuPolicy(Qt::ActionsContextMenu);
    }

    void setNote(const TimelineEntryTexts::Note& note, const TimelineEntryTexts& texts,
                 bool editEnabled) {
        note_ = note.note;
        setObjectName(QStringLiteral("note_%1").arg(note.note.id));
        text_->setText(note.text);
        meta_->setText(note.meta);
        edit_->setObjectName(QStringLiteral("editNoteButton_%1").arg(note.note.id));
        edit_->setText(texts.editText);
        edit_->setToolTip(texts.editToolTip);
        edit_->setEnabled(editEnabled);
        copy_->setText(texts.copyText);
        setAccessibleName(note.text);
        setAccessibleDescription(note.meta);
    }
    void retire() {
        setObjectName(QString());
        edit_->setObjectName(QString());
    }
    void setEditEnabled(bool enabled) { edit_->setEnabled(enabled); }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.fillRect(rect(), palette().alternateBase());
        p.fillRect(QRect(0, 0, 3, height()), QColor(0x9f, 0xb3, 0xc8));
    }

private:
    crm::Note note_;
    QLabel* text_;
    QLabel* meta_;
    QPushButton* edit_;
    QAction* copy_;
};

TimelineEntry::TimelineEntry(QWidget* parent)
    : QWidget(parent), notes_([this] {
          auto* box = new TimelineNoteBox(this);
          layout_->addWidget(box);
          return box;
      }) {
    setProperty("interactionEntry", true);
    layout_ = new QVBoxLayout(this);
    layout_->setContentsMargins(10, 6, 10, 6);
    layout_->setSpacing(3);

    auto* header = new QHBoxLayout;
    header->setSpacing(4);
    when_ = plainLabel("interactionTime", this, false);
    setRelativeFont(when_, 1.0, true);
    header->addWidget(when_, 0, Qt::AlignTop);
    head_ = plainLabel("interactionHeader", this, true);
    header->addWidget(head_, 1);
    layout_->addLayout(header);

    factsRow_ = new QWidget(this);
    auto* facts = new QHBoxLayout(factsRow_);
    facts->setContentsMargins(0, 0, 0, 0);
    facts->setSpacing(4);
    reason_ = plainLabel("interactionReason", factsRow_, false);
    setRelativeFont(reason_, 1.0, true);
    facts->addWidget(reason_, 0, Qt::AlignTop);
    facts_ = plainLabel("interactionDetail", factsRow_, true);
    facts->addWidget(facts_, 1);
    layout_->addWidget(factsRow_);
}

void TimelineEntry::setContent(const QString& interactionId, const TimelineEntryTexts& texts) {
    setObjectName(QStringLiteral("interaction_%1").arg(interactionId));
    when_->setText(texts.when);
    head_->setText(texts.head);
    reason_->setText(texts.reason);
    reason_->setVisible(!texts.reason.isEmpty());
    facts_->setText(texts.facts);
    factsRow_->setVisible(!texts.reason.isEmpty() || !texts.facts.isEmpty());
    for (int i = 0; i < texts.notes.size(); ++i)
        notes_.at(i)->setNote(texts.notes[i], texts, noteEditEnabled_);
    notes_.showFirst(texts.notes.size(), [](TimelineNoteBox* box) { box->retire(); });
    setAccessibleName(texts.when + QLatin1Char(' ') + texts.head);
    setAccessibleDescription(texts.reason + QLatin1Char(' ') + texts.facts);
}

void TimelineEntry::setNoteEditEnabled(bool enabled) {
    noteEditEnabled_ = enabled;
    for (int i = 0; i < notes_.built(); ++i)
        notes_.at(i)->setEditEnabled(enabled);
}

void TimelineEntry::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(palette().mid().color(), 1));
    p.setBrush(palette().base());
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
}

}  // namespace agentdesk::widgets
