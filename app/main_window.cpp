#include "app/main_window.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

#include "common/logging.h"
#include "widgets/assist/assist_panel.h"
#include "widgets/common/connection_banner.h"
#include "widgets/customer/customer360_view.h"
#include "widgets/knowledge/knowledge_panel.h"
#include "widgets/notes/note_editor.h"
#include "widgets/softphone/softphone_bar.h"

namespace agentdesk::app {

namespace {
// How long the window's repaint may wait for a ringing caller's 360 (three frames at 60 Hz);
// the answer takes a few milliseconds on a healthy server.
constexpr int kPopFrameHoldMs = 50;

qint64 monotonicNs() {
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.nsecsElapsed();
}
}  // namespace

MainWindow::MainWindow(crm::ClientSession& session, crm::DraftAutosaver& autosaver, QWidget* parent)
    : QMainWindow(parent),
      session_(session),
      softphone_(new widgets::SoftphoneBar(session, this)),
      banner_(new widgets::ConnectionBanner(this)),
      customer_(new widgets::Customer360View(session, this)),
      assist_(new widgets::AssistPanel(session.assist(), this)),
      knowledge_(new widgets::KnowledgePanel(session.knowledge(), this)),
      notes_(new widgets::NoteEditor(session, autosaver, this)),
      indicator_(new widgets::ConnectionIndicator(this)),
      outboxLabel_(new QLabel(this)),
      userLabel_(new QLabel(this)),
      columns_(new QSplitter(Qt::Horizontal, this)),
      right_(new QSplitter(Qt::Vertical, this)) {
    setObjectName(QStringLiteral("mainWindow"));
    outboxLabel_->setObjectName(QStringLiteral("outboxStatus"));
    userLabel_->setObjectName(QStringLiteral("userStatus"));
    columns_->setObjectName(QStringLiteral("columns"));
    right_->setObjectName(QStringLiteral("rightColumn"));

    right_->addWidget(knowledge_);
    right_->addWidget(notes_);
    right_->setStretchFactor(0, 5);
    right_->setStretchFactor(1, 4);
    right_->setChildrenCollapsible(false);
    columns_->addWidget(customer_);
    columns_->addWidget(assist_);
    columns_->addWidget(right_);
    columns_->setStretchFactor(0, 9);
    columns_->setStretchFactor(1, 5);
    columns_->setStretchFactor(2, 7);
    columns_->setChildrenCollapsible(false);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(softphone_);
    layout->addWidget(banner_);
    layout->addWidget(columns_, 1);
    setCentralWidget(central);

    statusBar()->addWidget(indicator_);
    statusBar()->addWidget(outboxLabel_);
    statusBar()->addPermanentWidget(userLabel_);

    buildMenus();

    // Screen pop: the 360 and the intent's articles start loading while the phone rings.
    connect(&session_.call(), &crm::CallSession::offered, this, &MainWindow::onOffered);
    connect(&session_.customer(), &crm::Customer360Model::loaded, this,
            [this](const crm::Customer360& customer, bool) {
                if (pendingPopCallId_.isEmpty() || session_.call().callId() != pendingPopCallId_ ||
                    customer.customer.id != session_.call().call().customerId)
                    return;
                // The view updated itself from the same signal (connected first); the figure
                // ends when the window's next paint, the one the counselor sees, is done
                // (event()).
                popAwaitingPaint_ = true;
                releasePopFrame();
            });
    connect(&session_.customer(), &crm::Customer360Model::failed, this,
            &MainWindow::releasePopFrame);
    popFrameHold_ = new QTimer(this);
    popFrameHold_->setSingleShot(true);
    popFrameHold_->setInterval(kPopFrameHoldMs);
    connect(popFrameHold_, &QTimer::timeout, this, &MainWindow::releasePopFrame);
    // The intent's suggestions serve the call and its note; they go when wrap-up is done.
    connect(notes_, &widgets::NoteEditor::wrapUpFinished, knowledge_,
            [this] { knowledge_->suggestForIntent({}, {}); });
    connect(customer_, &widgets::Customer360View::customerShown, notes_,
            &widgets::NoteEditor::setCustomer);
    connect(customer_, &widgets::Customer360View::editNoteRequested, notes_,
            &widgets::NoteEditor::editExistingNote);
    // Assist: a suggestion opens in the knowledge panel; the abuse prompt plays the warning
    // through the softphone's own action (the same key, the same procedure).
    connect(assist_, &widgets::AssistPanel::articleRequested, knowledge_,
            &widgets::KnowledgePanel::openArticle);
    if (QAction* warning = softphone_->action(QStringLiteral("abuseWarning"))) {
        connect(assist_, &widgets::AssistPanel::warningRequested, warning, &QAction::trigger);
        connect(warning, &QAction::changed, assist_,
                [this, warning] { assist_->setWarningShortcut(warning->shortcut()); });
        assist_->setWarningShortcut(warning->shortcut());
    }
    connect(knowledge_, &widgets::KnowledgePanel::insertIntoNote, notes_,
            &widgets::NoteEditor::insertText);
    connect(banner_, &widgets::ConnectionBanner::loginAgainRequested, this,
            &MainWindow::loginAgainRequested);
    connect(&session_, &crm::ClientSession::connectionStatusChanged, this,
            &MainWindow::onConnectionStatus);
    if (auto* outbox = session_.outbox())
        connect(outbox, &crm::Outbox::pendingCountChanged, this, &MainWindow::updateOutboxLabel);

    onConnectionStatus(session_.events().status());
    retranslate();
    setMinimumSize(1024, 640);
}

MainWindow::~MainWindow() = default;

bool MainWindow::event(QEvent* event) {
    // The backing store's repaint of the whole window (Qt posts one per round of changes); held
    // back while a screen pop's data is due, then asked for again by releasePopFrame().
    if (event->type() == QEvent::UpdateRequest && popFrameHold_->isActive()) {
        paintHeld_ = true;
        return true;
    }
    const bool handled = QMainWindow::event(event);
    // The window's dirty parts painted and flushed: with the 360's new data, if it was in.
    if (event->type() == QEvent::UpdateRequest && popAwaitingPaint_) {
        popAwaitingPaint_ = false;
        recordScreenPop();
    }
    return handled;
}

void MainWindow::releasePopFrame() {
    popFrameHold_->stop();
    if (paintHeld_) {
        paintHeld_ = false;
        QCoreApplication::postEvent(this, new QEvent(QEvent::UpdateRequest), Qt::LowEventPriority);
    }
}

void MainWindow::recordScreenPop() {
    if (pendingPopCallId_.isEmpty())
        return;
    const double ms = double(monotonicNs() - pendingPopStartNs_) / 1e6;
    popTimings_.append({pendingPopCallId_, ms});
    if (popTimings_.size() > 1000)
        popTimings_.removeFirst();
    logging::get("ui")->debug("screen pop painted in {:.1f} ms", ms);
    pendingPopCallId_.clear();
}

void MainWindow::buildMenus() {
    fileMenu_ = menuBar()->addMenu(QString());
    settingsAction_ = fileMenu_->addAction(QString(), this, &MainWindow::settingsRequested);
    settingsAction_->setObjectName(QStringLiteral("settings"));
    settingsAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    logoutAction_ = fileMenu_->addAction(QString(), this, &MainWindow::logoutRequested);
    logoutAction_->setObjectName(QStringLiteral("logout"));
    fileMenu_->addSeparator();
    quitAction_ = fileMenu_->addAction(QString(), this, &QWidget::close);
    quitAction_->setObjectName(QStringLiteral("quit"));

    // Focus shortcuts (keys from the shortcut table, applied by AppController).
    customerSearch_ = new QAction(this);
    customerSearch_->setObjectName(QStringLiteral("customerSearch"));
    connect(customerSearch_, &QAction::triggered, customer_,
            &widgets::Customer360View::focusSearch);
    knowledgeSearch_ = new QAction(this);
    knowledgeSearch_->setObjectName(QStringLiteral("knowledgeSearch"));
    connect(knowledgeSearch_, &QAction::triggered, knowledge_,
            &widgets::KnowledgePanel::focusSearch);
    // "Go to the note" (focusNote) is the note editor's own action.
    addActions({customerSearch_, knowledgeSearch_});
}

void MainWindow::onOffered(const crm::Call& call) {
    pendingPopCallId_ = call.customerId.isEmpty() ? QString() : call.id;
    popAwaitingPaint_ = false;
    pendingPopStartNs_ = monotonicNs();
    if (!pendingPopCallId_.isEmpty())
        popFrameHold_->start();
    customer_->popFor(call);
    knowledge_->suggestForIntent(call.intent, call.intentLabel);
    emit ringing(call);
}

void MainWindow::onConnectionStatus(crm::ConnectionStatus status) {
    const bool online = widgets::isOnline(status);
    banner_->setStatus(status);
    indicator_->setStatus(status);
    softphone_->setOnline(online);
    customer_->setOnline(online);
    knowledge_->setOnline(online);
    notes_->setOnline(online);
}

void MainWindow::updateOutboxLabel() {
    const int pending = session_.outbox() ? session_.outbox()->pendingCount() : 0;
    outboxLabel_->setText(pending > 0 ? tr("Notes waiting to be sent: %1").arg(pending)
                                      : tr("All notes sent"));
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate() {
    const crm::Agent& agent = session_.agent().agent();
    setWindowTitle(tr("AgentDesk — %1").arg(agent.name));
    fileMenu_->setTitle(tr("&AgentDesk"));
    settingsAction_->setText(tr("Settings…"));
    logoutAction_->setText(tr("Log out"));
    quitAction_->setText(tr("Quit"));
    customerSearch_->setText(tr("Search customers"));
    knowledgeSearch_->setText(tr("Search knowledge"));
    userLabel_->setText(
        tr("%1 (%2) · extension %3")
            .arg(agent.name, agent.id,
                 agent.extension.isEmpty() ? QStringLiteral("—") : agent.extension));
    updateOutboxLabel();
}

}  // namespace agentdesk::app
