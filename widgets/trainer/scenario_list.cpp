#include "widgets/trainer/scenario_list.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "crm/session/demo_controller.h"
#include "widgets/common/format.h"
#include "widgets/common/tone.h"
#include "widgets/trainer/scenario_delegate.h"
#include "widgets/trainer/trainer_texts.h"

namespace agentdesk::widgets {

using crm::DemoController;

namespace {
enum ScenarioColumn { TitleColumn, CallsColumn, LengthColumn, StateColumn, ScenarioColumnCount };
constexpr int kScenarioIdRole = Qt::UserRole + 1;
}  // namespace

ScenarioList::ScenarioList(DemoController& controller, QWidget* parent)
    : QGroupBox(parent), controller_(controller) {
    setObjectName(QStringLiteral("scenarioBox"));
    list_ = new QTreeWidget(this);
    list_->setObjectName(QStringLiteral("scenarioList"));
    list_->setColumnCount(ScenarioColumnCount);
    list_->setRootIsDecorated(false);
    list_->setUniformRowHeights(true);
    list_->setItemDelegateForColumn(TitleColumn, new ScenarioDelegate(list_));
    list_->setAllColumnsShowFocus(true);
    list_->setTextElideMode(Qt::ElideRight);
    list_->header()->setStretchLastSection(false);
    list_->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    for (int c : {CallsColumn, LengthColumn, StateColumn})
        list_->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);

    description_ = new QLabel(this);
    description_->setObjectName(QStringLiteral("scenarioDescription"));
    description_->setWordWrap(true);
    description_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    description_->setMinimumHeight(description_->fontMetrics().lineSpacing() * 3);
    description_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    running_ = new QLabel(this);
    running_->setObjectName(QStringLiteral("scenarioRunning"));
    unavailable_ = new QLabel(this);
    unavailable_->setObjectName(QStringLiteral("scenariosUnavailable"));
    unavailable_->setWordWrap(true);
    unavailable_->hide();

    start_ = new QPushButton(this);
    start_->setObjectName(QStringLiteral("startScenario"));
    stop_ = new QPushButton(this);
    stop_->setObjectName(QStringLiteral("stopDemo"));
    refresh_ = new QPushButton(this);
    refresh_->setObjectName(QStringLiteral("refreshScenarios"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(start_);
    buttons->addWidget(stop_);
    buttons->addStretch(1);
    buttons->addWidget(refresh_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(running_);
    layout->addWidget(unavailable_);
    layout->addWidget(list_, 1);
    layout->addWidget(description_);
    layout->addLayout(buttons);

    connect(list_, &QTreeWidget::currentItemChanged, this, &ScenarioList::updateState);
    connect(list_, &QTreeWidget::itemActivated, this, &ScenarioList::startSelected);
    connect(start_, &QPushButton::clicked, this, &ScenarioList::startSelected);
    connect(stop_, &QPushButton::clicked, this, &ScenarioList::stop);
    connect(refresh_, &QPushButton::clicked, &controller_, &DemoController::refresh);
    connect(&controller_, &DemoController::scenariosChanged, this, &ScenarioList::rebuild);
    connect(&controller_, &DemoController::statusChanged, this, &ScenarioList::rebuild);
    connect(
        &controller_, &DemoController::busyChanged, this,
        [this](DemoController::Action action, bool busy) {
            if (action == DemoController::Action::Start || action == DemoController::Action::Stop) {
                busy_ = busy;
                updateState();
            }
        });
    connect(&controller_, &DemoController::failed, this,
            [this](DemoController::Action action, const crm::ApiError&) {
                if (action == DemoController::Action::LoadScenarios)
                    rebuild();
            });
    retranslate();
}

QString ScenarioList::selectedScenario() const {
    const QTreeWidgetItem* item = list_->currentItem();
    return item ? item->data(TitleColumn, kScenarioIdRole).toString() : QString();
}

void ScenarioList::selectScenario(const QString& id) {
    for (int i = 0; i < list_->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = list_->topLevelItem(i);
        if (item->data(TitleColumn, kScenarioIdRole).toString() == id)
            list_->setCurrentItem(item);
    }
}

void ScenarioList::startSelected() {
    const QString id = selectedScenario();
    if (!id.isEmpty() && !busy_)
        controller_.startScenario(id);
}

void ScenarioList::stop() {
    if (!busy_)
        controller_.stop();
}

void ScenarioList::rebuild() {
    const QString selected = selectedScenario();
    const QString lang = trainer::uiLanguage();
    const QString runningId = controller_.runningScenario();
    list_->clear();
    for (const crm::DemoScenario& s : controller_.scenarios()) {
        auto* item = new QTreeWidgetItem(list_);
        item->setData(TitleColumn, kScenarioIdRole, s.id);
        item->setText(TitleColumn, s.title(lang));
        item->setToolTip(TitleColumn, s.description(lang));
        item->setData(TitleColumn, ScenarioDelegate::kDescriptionRole, s.description(lang));
        item->setText(CallsColumn, s.calls > 0 ? QString::number(s.calls) : QString());
        item->setText(LengthColumn, s.durationSec > 0 ? formatDuration(s.durationSec) : QString());
        for (int c = CallsColumn; c < ScenarioColumnCount; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignTop);
        const bool running = s.running || s.id == runningId;
        item->setText(StateColumn, running ? tr("Running", "demo scenario is running") : QString());
        if (running) {
            QFont bold = item->font(TitleColumn);
            bold.setBold(true);
            for (int c = 0; c < ScenarioColumnCount; ++c)
                item->setFont(c, bold);
            item->setForeground(StateColumn, QColor(0x2e, 0x7d, 0x32));
        }
    }
    if (!selected.isEmpty())
        selectScenario(selected);
    if (!list_->currentItem() && list_->topLevelItemCount() > 0)
        list_->setCurrentItem(list_->topLevelItem(0));
    updateState();
}

void ScenarioList::updateState() {
    const QString lang = trainer::uiLanguage();
    const crm::DemoScenario* s = controller_.scenario(selectedScenario());
    description_->setText(s ? s->description(lang) : QString());
    const QString runningId = controller_.runningScenario();
    const crm::DemoScenario* running = controller_.scenario(runningId);
    if (!runningId.isEmpty()) {
        running_->setText(tr("Running: %1", "%1 = scenario title")
                              .arg(running ? running->title(lang) : runningId));
        running_->setStyleSheet(toneStyle(Tone::Success, true));
    } else {
        running_->setText(tr("No scenario is running."));
        running_->setStyleSheet(toneStyle(Tone::Hint));
    }
    const bool none = controller_.scenarios().isEmpty();
    unavailable_->setVisible(none);
    unavailable_->setText(controller_.scenariosAvailable()
                              ? tr("The server has no demo scenarios.")
                              : tr("The scenarios could not be loaded from the server."));
    start_->setEnabled(!busy_ && s != nullptr);
    stop_->setEnabled(!busy_);
}

void ScenarioList::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void ScenarioList::retranslate() {
    setTitle(tr("Scenarios", "demo scenarios for training (시나리오)"));
    list_->setHeaderLabels({tr("Scenario"), tr("Calls"), tr("Length"), tr("State")});
    list_->setAccessibleName(title());
    start_->setText(tr("&Start scenario"));
    start_->setToolTip(tr("Start the selected scenario: its calls arrive on the server's clock"));
    stop_->setText(tr("S&top demo"));
    stop_->setToolTip(tr("Stop the running scenario and the call generator"));
    refresh_->setText(tr("Refresh"));
    // Titles and descriptions come in both languages from the server.
    rebuild();
}

}  // namespace agentdesk::widgets
