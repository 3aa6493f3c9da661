#include "widgets/supervisor/agent_grid_view.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "crm/session/server_clock.h"
#include "widgets/assist/assist_panel.h"
#include "widgets/softphone/softphone_texts.h"
#include "widgets/supervisor/agent_grid_proxy.h"
#include "widgets/supervisor/supervision_bar.h"

namespace agentdesk::widgets {

using crm::AgentsModel;
using crm::AgentState;

AgentGridView::AgentGridView(crm::ClientSession& session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      clock_(new crm::ServerClock(this)),
      model_(session),
      proxy_(new AgentGridProxy(session, this)),
      filter_(new QLineEdit(this)),
      stateFilter_(new QComboBox(this)),
      supervisors_(new QCheckBox(this)),
      acwLabel_(new QLabel(this)),
      longAcw_(new QSpinBox(this)),
      notReadyLabel_(new QLabel(this)),
      longNotReady_(new QSpinBox(this)),
      count_(new QLabel(this)),
      table_(new QTableView(this)),
      bar_(new SupervisionBar(session, this)) {
    setObjectName(QStringLiteral("agentGridView"));
    // Agents' `since` is the server's time, which in a demo may be scaled or driven by hand.
    clock_->follow(session_.events());
    session_.api().snapshot(this,
                            [this](const crm::Snapshot& snapshot, const crm::ApiError& error) {
                                if (!error)
                                    clock_->anchor(snapshot.serverTime);
                            });
    model_.setClock([this] { return clock_->now(); });
    proxy_->setSourceModel(&model_);

    filter_->setObjectName(QStringLiteral("agentFilterEdit"));
    filter_->setClearButtonEnabled(true);
    filter_->setMinimumWidth(220);
    stateFilter_->setObjectName(QStringLiteral("agentStateFilter"));
    supervisors_->setObjectName(QStringLiteral("showSupervisorsCheck"));
    longAcw_->setObjectName(QStringLiteral("longAcwSpin"));
    longAcw_->setRange(10, 3600);
    longAcw_->setSingleStep(10);
    longAcw_->setValue(proxy_->longAcwSec());
    longNotReady_->setObjectName(QStringLiteral("longNotReadySpin"));
    longNotReady_->setRange(1, 240);
    longNotReady_->setValue(proxy_->longNotReadySec() / 60);
    acwLabel_->setBuddy(longAcw_);
    notReadyLabel_->setBuddy(longNotReady_);
    count_->setObjectName(QStringLiteral("agentCountLabel"));

    table_->setObjectName(QStringLiteral("agentTable"));
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(AgentsModel::NameColumn, Qt::AscendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->setTextElideMode(Qt::ElideRight);
    table_->verticalHeader()->hide();
    // Fixed sizes: sizing to contents would measure every row on every change (200 agents).
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 10);
    QHeaderView* header = table_->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    fitColumns();

    auto* top = new QHBoxLayout;
    top->addWidget(filter_);
    top->addWidget(stateFilter_);
    top->addWidget(supervisors_);
    top->addStretch(1);
    top->addWidget(acwLabel_);
    top->addWidget(longAcw_);
    top->addSpacing(8);
    top->addWidget(notReadyLabel_);
    top->addWidget(longNotReady_);
    top->addSpacing(12);
    top->addWidget(count_);

    // Beside the grid: the transcript and mood of the call this lead listens to (agent assist).
    listening_ = new AssistPanel(session.assist(), this);
    listening_->setObjectName(QStringLiteral("listeningTranscript"));
    listening_->setUse(AssistPanel::Use::Listening);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("agentGridSplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(table_);
    split->addWidget(listening_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(bar_);
    connect(bar_, &SupervisionBar::requestFinished, this,
            [this](const QString& callId, const QString& mode, const crm::ApiError& error) {
                if (!error.ok())
                    return;
                if (mode == QLatin1String("stop"))
                    session_.assist().clear();
                else if (session_.assist().callId() != callId)
                    session_.assist().loadCall(callId);
            });

    connect(filter_, &QLineEdit::textChanged, proxy_, &AgentGridProxy::setTextFilter);
    connect(stateFilter_, &QComboBox::currentIndexChanged, this,
            [this] { proxy_->setStateFilter(stateFilter_->currentData().toInt()); });
    connect(supervisors_, &QCheckBox::toggled, proxy_, &AgentGridProxy::setShowSupervisors);
    connect(longAcw_, &QSpinBox::valueChanged, proxy_, &AgentGridProxy::setLongAcwSec);
    connect(longNotReady_, &QSpinBox::valueChanged, this,
            [this](int minutes) { proxy_->setLongNotReadySec(minutes * 60); });
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AgentGridView::onSelectionChanged);
    connect(table_, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit agentActivated(index.data(AgentsModel::AgentIdRole).toString());
    });
    // The selected agent's call may have started or ended: the bar follows the row. Only the
    // changes that touch the selected row, and not the per-second tick of the time columns.
    connect(&model_, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& first, const QModelIndex& last) {
                const QString id = selectedAgentId();
                if (id.isEmpty() || last.column() < AgentsModel::QueueColumn)
                    return;
                const int row = model_.rowOf(id);
                if (row >= first.row() && row <= last.row())
                    onSelectionChanged();
            });
    connect(&session_.agent(), &crm::AgentSession::stateChanged, this,
            &AgentGridView::onSelectionChanged);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(proxy_, signal, this, &AgentGridView::updateCount);
    connect(proxy_, &QAbstractItemModel::modelReset, this, &AgentGridView::updateCount);
    connect(proxy_, &QAbstractItemModel::layoutChanged, this, &AgentGridView::updateCount);
    retranslate();
}

AgentGridView::~AgentGridView() = default;

QString AgentGridView::selectedAgentId() const {
    const QModelIndex current = table_->selectionModel()->currentIndex();
    return current.isValid() ? current.data(AgentsModel::AgentIdRole).toString() : QString();
}

void AgentGridView::onSelectionChanged() {
    const AgentsModel::Row* row = model_.find(selectedAgentId());
    bar_->setAgent(row ? std::optional<AgentsModel::Row>(*row) : std::nullopt);
}

void AgentGridView::showAgent(const QString& agentId) {
    const int sourceRow = model_.rowOf(agentId);
    if (sourceRow < 0)
        return;
    QModelIndex index = proxy_->mapFromSource(model_.index(sourceRow, 0));
    if (!index.isValid()) {
        filter_->clear();
        stateFilter_->setCurrentIndex(0);
        const AgentsModel::Row* row = model_.find(agentId);
        if (row && row->agent.isSupervisor())
            supervisors_->setChecked(true);
        index = proxy_->mapFromSource(model_.index(sourceRow, 0));
    }
    if (!index.isValid())
        return;
    table_->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table_->scrollTo(index, QAbstractItemView::PositionAtCenter);
    table_->setFocus();
}

void AgentGridView::setLongAcwSec(int seconds) {
    longAcw_->setValue(seconds);
}

void AgentGridView::setLongNotReadySec(int seconds) {
    longNotReady_->setValue(std::max(1, seconds / 60));
}

void AgentGridView::updateCount() {
    count_->setText(
        tr("%1 of %n agents", "shown of all", model_.rowCount()).arg(proxy_->rowCount()));
}

void AgentGridView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void AgentGridView::fitColumns() {
    // Wide enough for typical contents and for the (translated) header, whichever is wider;
    // measured once per language, not per row (200 agents).
    const int em = table_->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int widths[AgentsModel::ColumnCount] = {10, 13, 7, 7, 9, 10, 8, 8, 12};
    QHeaderView* header = table_->horizontalHeader();
    for (int c = 0; c < AgentsModel::ColumnCount; ++c)
        table_->setColumnWidth(c, std::max(widths[c] * em, header->sectionSizeHint(c) + em));
}

void AgentGridView::retranslate() {
    filter_->setPlaceholderText(tr("Filter by name, extension or customer"));
    filter_->setAccessibleName(tr("Filter agents"));
    filter_->setAccessibleDescription(filter_->placeholderText());
    table_->setAccessibleName(tr("Agents"));
    fitColumns();
    const int current = stateFilter_->currentIndex();
    {
        const QSignalBlocker block(stateFilter_);
        stateFilter_->clear();
        stateFilter_->addItem(tr("All states"), AgentGridProxy::kAllStates);
        for (AgentState s :
             {AgentState::Ready, AgentState::Ringing, AgentState::OnCall, AgentState::AfterCallWork,
              AgentState::NotReady, AgentState::LoggedOut}) {
            stateFilter_->addItem(SoftphoneTexts::agentState(s), static_cast<int>(s));
        }
        stateFilter_->addItem(tr("Needs attention", "long after-call work or long not ready"),
                              AgentGridProxy::kNeedsAttention);
        stateFilter_->setCurrentIndex(std::max(0, current));
    }
    supervisors_->setText(tr("Show leads and trainers"));
    acwLabel_->setText(tr("Long ACW after", "후처리 longer than this is highlighted"));
    longAcw_->setSuffix(tr(" s", "seconds unit after a number"));
    notReadyLabel_->setText(tr("Long not ready after", "이석 longer than this is highlighted"));
    longNotReady_->setSuffix(tr(" min", "minutes unit after a number"));
    proxy_->retranslate();
    updateCount();
}

}  // namespace agentdesk::widgets
