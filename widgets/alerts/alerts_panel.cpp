#include "widgets/alerts/alerts_panel.h"

#include <algorithm>

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QResizeEvent>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "crm/session/alerts_model.h"
#include "crm/session/client_session.h"
#include "widgets/alerts/alert_filter_proxy.h"
#include "widgets/alerts/alert_table_model.h"
#include "widgets/alerts/alert_texts.h"
#include "widgets/common/relative_font.h"
#include "widgets/common/tone.h"

namespace agentdesk::widgets {

namespace {
QLabel* makeAlertsLabel(const char* name, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    return label;
}
}  // namespace

AlertsPanel::AlertsPanel(crm::ClientSession& session, QWidget* parent)
    : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("alertsPanel"));
    alerts_ = new crm::AlertsModel(this);
    alerts_->follow(session_);
    table_ = new AlertTableModel(*alerts_, session_.capabilities(), this);
    proxy_ = new AlertFilterProxy(this);
    proxy_->setSourceModel(table_);

    title_ = makeAlertsLabel("alertsTitle", this);
    setRelativeFont(title_, 1.25, true);
    count_ = makeAlertsLabel("unacknowledgedCount", this);
    filterLabel_ = makeAlertsLabel("alertFilterLabel", this);
    filter_ = new QComboBox(this);
    filter_->setObjectName(QStringLiteral("alertFilter"));
    filterLabel_->setBuddy(filter_);
    acknowledgeAll_ = new QPushButton(this);
    acknowledgeAll_->setObjectName(QStringLiteral("acknowledgeAll"));

    auto* header = new QHBoxLayout;
    header->addWidget(title_);
    header->addSpacing(8);
    header->addWidget(count_);
    header->addStretch(1);
    header->addWidget(filterLabel_);
    header->addWidget(filter_);
    header->addWidget(acknowledgeAll_);

    view_ = new QTableView(this);
    view_->setObjectName(QStringLiteral("alertTable"));
    view_->setModel(proxy_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setWordWrap(false);
    view_->setTextElideMode(Qt::ElideRight);
    view_->setAlternatingRowColors(false);
    view_->setShowGrid(false);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 12);
    view_->setIconSize(QSize(16, 16));
    QHeaderView* columns = view_->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setSectionResizeMode(AlertTableModel::DetailsColumn, QHeaderView::Stretch);
    columns->setMinimumSectionSize(48);
    const int em = view_->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    QFont bold = view_->font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    // Wide enough for a date (alerts from before midnight) and a whole call id, in bold.
    columns->resizeSection(
        AlertTableModel::TimeColumn,
        boldMetrics.horizontalAdvance(QStringLiteral("2026-11-29 23:59:59")) + 16);
    columns->resizeSection(AlertTableModel::CallColumn,
                           boldMetrics.horizontalAdvance(QStringLiteral("call-6b039010-100")) + 12);
    columns->resizeSection(AlertTableModel::AlertColumn, em * 13);
    columns->resizeSection(AlertTableModel::CountColumn, em * 4);
    columns->resizeSection(AlertTableModel::AgentColumn, em * 7);
    columns->resizeSection(AlertTableModel::QueueColumn, em * 7);
    columns->resizeSection(AlertTableModel::StatusColumn, em * 6);

    empty_ = makeAlertsLabel("alertsEmpty", this);
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    empty_->setStyleSheet(toneStyle(Tone::Hint) + QStringLiteral(" padding: 24px;"));
    listStack_ = new QStackedWidget(this);
    listStack_->addWidget(view_);
    listStack_->addWidget(empty_);

    detail_ = new QFrame(this);
    detail_->setObjectName(QStringLiteral("alertDetail"));
    detail_->setFrameShape(QFrame::StyledPanel);
    detail_->setMinimumWidth(240);
    detailTitle_ = makeAlertsLabel("detailTitle", detail_);
    setRelativeFont(detailTitle_, 1.25, true);
    detailTitle_->setWordWrap(true);
    detailMeta_ = makeAlertsLabel("detailMeta", detail_);
    detailDescription_ = makeAlertsLabel("detailDescription", detail_);
    detailDescription_->setWordWrap(true);
    detailCount_ = makeAlertsLabel("detailCount", detail_);
    detailCount_->setWordWrap(true);
    detailAgentLabel_ = makeAlertsLabel("detailAgentLabel", detail_);
    detailAgent_ = makeAlertsLabel("detailAgent", detail_);
    detailQueueLabel_ = makeAlertsLabel("detailQueueLabel", detail_);
    detailQueue_ = makeAlertsLabel("detailQueue", detail_);
    detailCallLabel_ = makeAlertsLabel("detailCallLabel", detail_);
    detailCall_ = makeAlertsLabel("detailCall", detail_);
    detailMessageLabel_ = makeAlertsLabel("detailMessageLabel", detail_);
    detailMessage_ = makeAlertsLabel("detailMessage", detail_);
    detailMessage_->setWordWrap(true);
    detailMessage_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QLabel* value : {detailAgent_, detailQueue_, detailCall_})
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailHint_ = makeAlertsLabel("detailHint", detail_);
    detailHint_->setWordWrap(true);
    detailHint_->setStyleSheet(toneStyle(Tone::Hint));
    open_ = new QPushButton(detail_);
    open_->setObjectName(QStringLiteral("openAlert"));
    acknowledge_ = new QPushButton(detail_);
    acknowledge_->setObjectName(QStringLiteral("acknowledge"));
    membersLabel_ = makeAlertsLabel("alertMembersLabel", detail_);
    members_ = new QListWidget(detail_);
    members_->setObjectName(QStringLiteral("alertMembers"));
    members_->setTextElideMode(Qt::ElideRight);
    members_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // elided; tooltips say all
    membersLabel_->setBuddy(members_);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(detailAgentLabel_, detailAgent_);
    form->addRow(detailQueueLabel_, detailQueue_);
    form->addRow(detailCallLabel_, detailCall_);
    form->addRow(detailMessageLabel_, detailMessage_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(open_);
    buttons->addWidget(acknowledge_);
    buttons->addStretch(1);
    auto* detailLayout = new QVBoxLayout(detail_);
    detailLayout->addWidget(detailHint_);
    detailLayout->addWidget(detailTitle_);
    detailLayout->addWidget(detailMeta_);
    detailLayout->addSpacing(4);
    detailLayout->addWidget(detailDescription_);
    detailLayout->addWidget(detailCount_);
    detailLayout->addSpacing(4);
    detailLayout->addLayout(form);
    detailLayout->addSpacing(8);
    detailLayout->addLayout(buttons);
    detailLayout->addSpacing(8);
    detailLayout->addWidget(membersLabel_);
    detailLayout->addWidget(members_, 3);
    detailLayout->addStretch(1);

    splitter_ = new QSplitter(Qt::Horizontal, this);
    splitter_->setObjectName(QStringLiteral("alertsSplitter"));
    splitter_->addWidget(listStack_);
    splitter_->addWidget(detail_);
    splitter_->setStretchFactor(0, 1);
    splitter_->setStretchFactor(1, 0);
    splitter_->setCollapsible(0, false);
    splitter_->setSizes({1000, em * 26});

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(splitter_, 1);

    connect(alerts_, &crm::AlertsModel::alertAdded, this, &AlertsPanel::onAlertAdded);
    connect(alerts_, &crm::AlertsModel::unacknowledgedCountChanged, this, [this](int count) {
        updateCount();
        updateDetail();
        emit unacknowledgedCountChanged(count);
    });
    connect(proxy_, &QAbstractItemModel::rowsInserted, this, &AlertsPanel::updateEmptyState);
    connect(proxy_, &QAbstractItemModel::rowsRemoved, this, &AlertsPanel::updateEmptyState);
    connect(proxy_, &QAbstractItemModel::modelReset, this, &AlertsPanel::updateEmptyState);
    connect(proxy_, &QAbstractItemModel::layoutChanged, this, &AlertsPanel::updateEmptyState);
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AlertsPanel::updateDetail);
    // A repeat into the selected row, or the row moving: its detail follows.
    connect(proxy_, &QAbstractItemModel::dataChanged, this, &AlertsPanel::updateDetail);
    connect(proxy_, &QAbstractItemModel::layoutChanged, this, &AlertsPanel::updateDetail);
    connect(members_, &QListWidget::itemActivated, this, &AlertsPanel::openMember);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AlertsPanel::updateDetail);
    // Enter and double-click (activated covers both, and the platform's single-click setting).
    connect(view_, &QAbstractItemView::activated, this, &AlertsPanel::openCurrent);
    connect(open_, &QPushButton::clicked, this, &AlertsPanel::openCurrent);
    connect(acknowledge_, &QPushButton::clicked, this, &AlertsPanel::acknowledgeSelected);
    connect(acknowledgeAll_, &QPushButton::clicked, this, &AlertsPanel::acknowledgeAll);
    connect(filter_, &QComboBox::currentIndexChanged, this, [this](int i) {
        proxy_->setFilter(static_cast<AlertFilterProxy::Filter>(filter_->itemData(i).toInt()));
        updateEmptyState();
        updateDetail();
    });

    retranslate();
    updateEmptyState();
}

AlertsPanel::~AlertsPanel() = default;

int AlertsPanel::unacknowledgedCount() const {
    return alerts_->unacknowledgedCount();
}

int AlertsPanel::currentRow() const {
    const QModelIndex current = view_->currentIndex();
    return current.isValid() ? proxy_->mapToSource(current).row() : -1;
}

void AlertsPanel::selectRow(int sourceRow) {
    const QModelIndex i = proxy_->mapFromSource(table_->index(sourceRow, 0));
    if (!i.isValid())
        return;
    view_->selectionModel()->setCurrentIndex(
        i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

QList<int> AlertsPanel::selectedRows() const {
    QList<int> rows;
    for (const QModelIndex& i : view_->selectionModel()->selectedRows())
        rows << proxy_->mapToSource(i).row();
    if (rows.isEmpty() && currentRow() >= 0)
        rows << currentRow();
    return rows;
}

void AlertsPanel::acknowledgeSelected() {
    // An acknowledged row may move down: each is found again by its alert.
    QList<crm::Alert> chosen;
    for (int row : selectedRows())
        chosen << alerts_->entry(row).alert;
    for (const crm::Alert& a : chosen)
        alerts_->acknowledge(alerts_->rowOf(a));
}

void AlertsPanel::acknowledgeAll() {
    alerts_->acknowledgeAll();
}

void AlertsPanel::openCurrent() {
    const int row = currentRow();
    if (row < 0)
        return;
    const crm::Alert alert = alerts_->entry(row).alert;
    if (alert.agentId.isEmpty() && alert.callId.isEmpty())
        return;
    alerts_->acknowledge(row);
    emit openAgentRequested(alert.agentId, alert.callId);
}

void AlertsPanel::openMember(QListWidgetItem* item) {
    const QString agentId = item->data(Qt::UserRole).toString();
    const QString callId = item->data(Qt::UserRole + 1).toString();
    if (agentId.isEmpty() && callId.isEmpty())
        return;
    alerts_->acknowledge(currentRow());
    emit openAgentRequested(agentId, callId);
}

void AlertsPanel::onAlertAdded(const crm::Alert& alert) {
    // A desktop notification for a row that is new or raised again, and for every critical or
    // abuse alert; the 2nd…121st long wait of a queue only counts up in its row.
    const int row = alerts_->rowOf(alert);
    const bool repeat = row >= 0 && alerts_->entry(row).sinceRaised > 1;
    const bool urgent = crm::AlertsModel::severityRank(alert.severity) >= 2 ||
                        crm::AlertsModel::isAbuse(alert.kind);
    if (crm::AlertsModel::severityRank(alert.severity) >= 1 && (urgent || !repeat))
        emit notifyRequested(alert);
}

void AlertsPanel::updateCount() {
    const int n = alerts_->unacknowledgedCount();
    count_->setText(n > 0 ? tr("%n new", "alerts not acknowledged yet (미확인)", n)
                          : tr("No new alerts"));
    count_->setStyleSheet(n > 0
                              ? QStringLiteral("background: %1; color: white; border-radius: 9px; "
                                               "padding: 1px 9px; font-weight: bold;")
                                    .arg(severityColor(QStringLiteral("critical")).name())
                              : toneStyle(Tone::Hint));
    acknowledgeAll_->setEnabled(n > 0);
}

void AlertsPanel::updateEmptyState() {
    listStack_->setCurrentWidget(proxy_->rowCount() > 0 ? static_cast<QWidget*>(view_) : empty_);
}

void AlertsPanel::updateDetail() {
    const int row = currentRow();
    const bool has = row >= 0 && row < alerts_->rowCount();
    for (QWidget* w : std::initializer_list<QWidget*>{
             detailTitle_, detailMeta_, detailDescription_, detailAgentLabel_, detailAgent_,
             detailQueueLabel_, detailQueue_, detailCallLabel_, detailCall_, detailMessageLabel_,
             detailMessage_, open_, acknowledge_})
        w->setVisible(has);
    detailHint_->setVisible(!has);
    acknowledge_->setEnabled(false);
    updateMembers(has ? row : -1);
    if (!has) {
        detailCount_->hide();
        return;
    }
    const crm::AlertEntry& e = alerts_->entry(row);
    const crm::Alert& a = e.alert;
    detailTitle_->setText(alertTitle(a.kind));
    detailTitle_->setStyleSheet(QStringLiteral("color: %1;").arg(severityColor(a.severity).name()));
    detailMeta_->setText(tr("%1 · %2 · %3", "severity · time · new/acknowledged")
                             .arg(severityText(a.severity), alertTime(a.at),
                                  e.acknowledged
                                      ? tr("Acknowledged", "alert status; 확인함")
                                      : tr("New", "alert status: not acknowledged yet; 신규")));
    detailDescription_->setText(table_->description(row));
    detailCount_->setText(table_->groupSummary(row));
    detailCount_->setVisible(e.count > 1);
    const QString agent = table_->agentName(a.agentId);
    detailAgent_->setText(a.agentId.isEmpty()  ? tr("—")
                          : agent == a.agentId ? agent
                                               : QStringLiteral("%1 (%2)").arg(agent, a.agentId));
    detailQueue_->setText(a.queue.isEmpty() ? tr("—") : table_->queueName(a.queue));
    detailCall_->setText(a.callId.isEmpty() ? tr("—") : a.callId);
    detailMessageLabel_->setVisible(!a.message.isEmpty());
    detailMessage_->setVisible(!a.message.isEmpty());
    detailMessage_->setText(a.message);
    open_->setEnabled(!a.agentId.isEmpty() || !a.callId.isEmpty());
    bool anyOpen = false;
    for (int r : selectedRows())
        anyOpen = anyOpen || !alerts_->entry(r).acknowledged;
    acknowledge_->setEnabled(anyOpen);
}

void AlertsPanel::updateMembers(int row) {
    const crm::AlertEntry* e = row >= 0 ? &alerts_->entry(row) : nullptr;
    const bool shown = e && e->count > 1;
    membersLabel_->setVisible(shown);
    members_->setVisible(shown);
    const QString what = shown ? QStringLiteral("%1/%2/%3/%4")
                                     .arg(e->key)
                                     .arg(e->serial)
                                     .arg(e->alerts.size())
                                     .arg(e->acknowledged)
                               : QString();
    if (what == membersShown_)
        return;
    membersShown_ = what;
    members_->clear();
    if (!shown)
        return;
    // After an acknowledgement, the ones that arrived since stand out.
    const bool someSeen =
        std::any_of(e->alerts.begin(), e->alerts.end(),
                    [](const crm::AlertEntry::Item& i) { return i.acknowledged; });
    for (const crm::AlertEntry::Item& item : e->alerts) {
        auto* line = new QListWidgetItem(table_->alertLine(row, item.alert), members_);
        line->setData(Qt::UserRole, item.alert.agentId);
        line->setData(Qt::UserRole + 1, item.alert.callId);
        line->setToolTip(item.alert.message.isEmpty()
                             ? line->text()
                             : line->text() + QLatin1Char('\n') + item.alert.message);
        if (someSeen && !item.acknowledged) {
            QFont bold = line->font();
            bold.setBold(true);
            line->setFont(bold);
        }
    }
    if (e->count > e->alerts.size()) {
        // Trimmed to make room (crm/session/alerts_model.h): said, not hidden.
        auto* older =
            new QListWidgetItem(tr("%n older alerts of this row are no longer kept.",
                                   "the alert history is full; the oldest repeats were let go",
                                   e->count - static_cast<int>(e->alerts.size())),
                                members_);
        older->setFlags(Qt::NoItemFlags);
    }
}

void AlertsPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    const Qt::Orientation wanted =
        width() < fontMetrics().averageCharWidth() * 110 ? Qt::Vertical : Qt::Horizontal;
    if (splitter_->orientation() != wanted)
        splitter_->setOrientation(wanted);
}

void AlertsPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void AlertsPanel::retranslate() {
    title_->setText(tr("Alerts", "team lead's alert list (알림)"));
    filterLabel_->setText(tr("&Show:"));
    const int filterIndex = qMax(0, filter_->currentIndex());
    {
        const QSignalBlocker block(filter_);
        filter_->clear();
        filter_->addItem(tr("All alerts"), static_cast<int>(AlertFilterProxy::Filter::All));
        filter_->addItem(tr("New only", "alerts not acknowledged yet"),
                         static_cast<int>(AlertFilterProxy::Filter::Unacknowledged));
        filter_->addItem(tr("Warnings and critical"),
                         static_cast<int>(AlertFilterProxy::Filter::WarningsAndCritical));
        filter_->setCurrentIndex(filterIndex);
    }
    acknowledgeAll_->setText(tr("Acknowledge &all", "mark every alert as seen (모두 확인)"));
    acknowledgeAll_->setToolTip(tr("Mark every alert as seen"));
    empty_->setText(
        tr("No alerts. Abuse warnings, calls ended for abuse, missed calls, long "
           "waits and service-level breaches appear here as they happen."));
    detailHint_->setText(
        tr("Select an alert to see what happened. Double-click it or press "
           "Enter to open the counselor and the call."));
    detailAgentLabel_->setText(tr("Counselor:", "상담사"));
    detailQueueLabel_->setText(tr("Queue:", "대기열"));
    detailCallLabel_->setText(tr("Call:"));
    detailMessageLabel_->setText(tr("Server:", "the server's own message about the alert"));
    open_->setText(tr("&Open counselor and call"));
    open_->setToolTip(tr("Show the counselor in the agent grid and the call this alert is about"));
    acknowledge_->setText(tr("A&cknowledge", "mark the alert as seen (확인)"));
    membersLabel_->setText(
        tr("A&lerts in this row:", "a grouped row's alerts, newest first; each one opens"));
    members_->setToolTip(tr("Double-click an alert to open its counselor and call"));
    // Item views take no name from a buddy label: a screen reader needs its own.
    members_->setAccessibleName(
        tr("Alerts in this row", "accessible name of the list of a grouped row's alerts"));
    membersShown_.clear();  // its lines are translated texts
    table_->retranslate();
    updateCount();
    updateDetail();
}

}  // namespace agentdesk::widgets
