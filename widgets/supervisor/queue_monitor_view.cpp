#include "widgets/supervisor/queue_monitor_view.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include "widgets/common/relative_font.h"
#include "widgets/supervisor/queue_card.h"
#include "widgets/supervisor/queue_charts.h"
#include "widgets/supervisor/thresholds_editor.h"

namespace agentdesk::widgets {

namespace {
constexpr int kCardMinWidth = 430;

// Once for the whole view: the tiles only change a property, and a re-polish picks it up.
const char* const kStyle = R"(
QFrame[monitorCard="true"] { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }
QFrame[tile="true"] { background: palette(alternate-base); border: 1px solid palette(mid); border-radius: 4px; }
QFrame[tile="true"][level="amber"] { background: #fff2cc; border: 1px solid #e0a100; }
QFrame[tile="true"][level="red"] { background: #fde1df; border: 1px solid #d0342c; }
QLabel[tileValue="true"][level="amber"] { color: #7a5200; }
QLabel[tileValue="true"][level="red"] { color: #a3160f; }
QLabel[tileCaption="true"] { color: palette(window-text); }
QFrame[tile="true"][level="amber"] QLabel, QFrame[tile="true"][level="red"] QLabel { color: #1d2733; }
)";
}  // namespace

QueueMonitorView::QueueMonitorView(crm::ClientSession& session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      history_(&session.queues()),
      title_(new QLabel(this)),
      updated_(new QLabel(this)),
      editor_(new ThresholdsEditor(this)),
      splitter_(new QSplitter(Qt::Vertical, this)),
      scroll_(new QScrollArea(splitter_)),
      cardsHost_(new QWidget),
      cardsGrid_(new QGridLayout(cardsHost_)),
      empty_(new QLabel(cardsHost_)),
      charts_(new QueueCharts(history_, session.queues(), splitter_)) {
    setObjectName(QStringLiteral("queueMonitorView"));
    setStyleSheet(QString::fromLatin1(kStyle));
    updated_->setObjectName(QStringLiteral("lastUpdateLabel"));
    updated_->setProperty("tileCaption", true);
    empty_->setObjectName(QStringLiteral("noQueuesLabel"));
    empty_->setAlignment(Qt::AlignCenter);
    setRelativeFont(title_, 1.3, true);

    auto* top = new QHBoxLayout;
    top->addWidget(title_);
    top->addSpacing(12);
    top->addWidget(updated_);
    top->addStretch(1);
    top->addWidget(editor_);

    cardsGrid_->setContentsMargins(0, 0, 0, 0);
    cardsGrid_->setSpacing(10);
    scroll_->setObjectName(QStringLiteral("queueCardsScroll"));
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setWidget(cardsHost_);
    splitter_->setObjectName(QStringLiteral("monitorSplitter"));
    splitter_->setChildrenCollapsible(false);
    splitter_->addWidget(scroll_);
    splitter_->addWidget(charts_);
    splitter_->setStretchFactor(0, 0);
    splitter_->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(top);
    layout->addWidget(splitter_, 1);

    thresholds_ = editor_->thresholds();
    charts_->setSlThreshold(thresholds_.slBelowPct);
    connect(editor_, &ThresholdsEditor::changed, this, [this](const MonitorThresholds& t) {
        setThresholds(t);
        emit thresholdsChanged(t);
    });

    crm::QueueStatsModel& queues = session_.queues();
    connect(&queues, &QAbstractItemModel::modelReset, this, &QueueMonitorView::rebuildCards);
    connect(&queues, &QAbstractItemModel::rowsInserted, this, &QueueMonitorView::rebuildCards);
    connect(&queues, &QAbstractItemModel::rowsRemoved, this, &QueueMonitorView::rebuildCards);
    connect(&queues, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& first, const QModelIndex& last) {
                updateRows(first.row(), last.row());
            });
    rebuildCards();
    retranslate();
}

QueueMonitorView::~QueueMonitorView() = default;

void QueueMonitorView::setThresholds(const MonitorThresholds& thresholds) {
    thresholds_ = thresholds;
    if (editor_->thresholds() != thresholds)
        editor_->setThresholds(thresholds);
    for (QueueCard* card : cards_)
        card->setThresholds(thresholds_);
    charts_->setSlThreshold(thresholds_.slBelowPct);
}

void QueueMonitorView::rebuildCards() {
    const QList<crm::QueueStats>& queues = session_.queues().queues();
    QStringList ids;
    for (const crm::QueueStats& q : queues)
        ids.append(q.id);
    // Cards are kept across snapshots: only new queues get one, gone queues lose theirs.
    for (auto it = cards_.begin(); it != cards_.end();) {
        if (!ids.contains(it.key())) {
            delete it.value();
            it = cards_.erase(it);
        } else {
            ++it;
        }
    }
    for (const QString& id : ids) {
        if (!cards_.contains(id))
            cards_.insert(id, new QueueCard(id, cardsHost_));
    }
    order_ = ids;
    columns_ = 0;  // forces a re-layout
    arrangeCards();
    if (!queues.isEmpty())
        updateRows(0, static_cast<int>(queues.size()) - 1);
}

void QueueMonitorView::updateRows(int first, int last) {
    const QList<crm::QueueStats>& queues = session_.queues().queues();
    for (int row = std::max(0, first); row <= last && row < queues.size(); ++row) {
        const crm::QueueStats& q = queues.at(row);
        if (QueueCard* card = cards_.value(q.id))
            card->setStats(q, thresholds_);
    }
    markUpdated();
}

void QueueMonitorView::arrangeCards() {
    const int available = width() - 16;  // the view's margins; the viewport may not be laid out yet
    const int columns =
        std::clamp(available / kCardMinWidth, 1, std::max(1, static_cast<int>(order_.size())));
    if (columns == columns_)
        return;
    columns_ = columns;
    while (cardsGrid_->count() > 0)
        delete cardsGrid_->takeAt(0);
    for (int c = 0; c < cardsGrid_->columnCount(); ++c)
        cardsGrid_->setColumnStretch(c, 0);
    empty_->setVisible(order_.isEmpty());
    if (order_.isEmpty()) {
        cardsGrid_->addWidget(empty_, 0, 0);
        return;
    }
    for (int i = 0; i < order_.size(); ++i)
        cardsGrid_->addWidget(cards_.value(order_.at(i)), i / columns, i % columns);
    for (int c = 0; c < columns; ++c)
        cardsGrid_->setColumnStretch(c, 1);
    // The cards' area is as tall as the cards (up to half the view); the charts get the rest.
    cardsHost_->adjustSize();
    const int rows = (static_cast<int>(order_.size()) + columns - 1) / columns;
    int cardsHeight = 0;
    for (QueueCard* card : cards_) {
        card->ensurePolished();  // the style sheet's borders and paddings count
        cardsHeight = std::max(cardsHeight, card->sizeHint().height());
    }
    const int wanted = rows * cardsHeight + (rows - 1) * cardsGrid_->spacing() + 6;
    scroll_->setMaximumHeight(std::max(120, wanted));
    // At least one whole row of cards; more rows scroll.
    scroll_->setMinimumHeight(std::min(wanted, cardsHeight + 6));
}

void QueueMonitorView::markUpdated() {
    lastUpdate_ = QDateTime::currentDateTime();
    showUpdated();
}

void QueueMonitorView::showUpdated() {
    updated_->setText(tr("Live · updated %1", "the figures come live from the server")
                          .arg(QLocale().toString(lastUpdate_.time(), QStringLiteral("HH:mm:ss"))));
}

void QueueMonitorView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    arrangeCards();
}

void QueueMonitorView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    } else if (event->type() == QEvent::FontChange) {
        columns_ = 0;  // a projector's font scale: the cards' height changes
        arrangeCards();
    }
    QWidget::changeEvent(event);
}

void QueueMonitorView::retranslate() {
    title_->setText(tr("Queues", "title of the queue monitor (큐 모니터)"));
    empty_->setText(tr("No queue figures yet."));
    if (lastUpdate_.isValid())
        showUpdated();
    else
        updated_->setText(tr("Waiting for live figures…"));
}

}  // namespace agentdesk::widgets
