#include "widgets/supervisor/queue_card.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

#include "widgets/softphone/softphone_texts.h"
#include "widgets/supervisor/monitor_texts.h"

namespace agentdesk::widgets {

namespace {
void repolish(QWidget* w) {
    w->style()->unpolish(w);
    w->style()->polish(w);
    w->update();
}
}  // namespace

QueueCard::QueueCard(const QString& queueId, QWidget* parent)
    : QFrame(parent), queueId_(queueId), name_(new QLabel(this)), target_(new QLabel(this)) {
    setObjectName(QStringLiteral("queueCard_") + queueId);
    setProperty("monitorCard", true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    name_->setObjectName(QStringLiteral("queueName_") + queueId);
    target_->setObjectName(QStringLiteral("slTarget_") + queueId);
    target_->setProperty("tileCaption", true);
    target_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* title = new QHBoxLayout;
    title->addWidget(name_, 1);
    title->addWidget(target_);

    auto* grid = new QGridLayout;
    grid->setSpacing(6);
    addTile(QStringLiteral("waiting"), 0, 0, grid);
    addTile(QStringLiteral("longestWait"), 0, 1, grid);
    addTile(QStringLiteral("ewt"), 0, 2, grid);
    addTile(QStringLiteral("serviceLevel"), 0, 3, grid);
    addTile(QStringLiteral("abandonRate"), 1, 0, grid);
    addTile(QStringLiteral("asa"), 1, 1, grid);
    addTile(QStringLiteral("aht"), 1, 2, grid);
    addTile(QStringLiteral("answered"), 1, 3, grid);
    for (int c = 0; c < 4; ++c)
        grid->setColumnStretch(c, 1);

    auto* agents = new QHBoxLayout;
    agents->setSpacing(14);
    addAgentCount(QStringLiteral("Ready"), QStringLiteral("#2e7d32"), agents);
    addAgentCount(QStringLiteral("OnCall"), QStringLiteral("#1565c0"), agents);
    addAgentCount(QStringLiteral("Acw"), QStringLiteral("#ef6c00"), agents);
    addAgentCount(QStringLiteral("NotReady"), QStringLiteral("#757575"), agents);
    agents->addStretch(1);

    auto* box = new QVBoxLayout(this);
    box->setContentsMargins(12, 10, 12, 10);
    box->setSpacing(8);
    box->addLayout(title);
    box->addLayout(grid);
    box->addLayout(agents);

    applyFonts();
    retranslate();
}

QueueCard::Tile& QueueCard::addTile(const QString& key, int row, int column, QGridLayout* grid) {
    Tile tile;
    tile.frame = new QFrame(this);
    tile.frame->setObjectName(QStringLiteral("tile_%1_%2").arg(key, queueId_));
    tile.frame->setProperty("tile", true);
    tile.frame->setProperty("level", levelName(AlertLevel::Normal));
    tile.caption = new QLabel(tile.frame);
    tile.caption->setProperty("tileCaption", true);
    tile.value = new QLabel(QStringLiteral("—"), tile.frame);
    tile.value->setObjectName(QStringLiteral("%1_%2").arg(key, queueId_));
    tile.value->setProperty("tileValue", true);
    tile.value->setProperty("level", levelName(AlertLevel::Normal));
    auto* layout = new QVBoxLayout(tile.frame);
    layout->setContentsMargins(8, 5, 8, 5);
    layout->setSpacing(0);
    layout->addWidget(tile.caption);
    layout->addWidget(tile.value);
    grid->addWidget(tile.frame, row, column);
    return *tiles_.insert(key, tile);
}

QLabel* QueueCard::addAgentCount(const QString& key, const QString& color, QHBoxLayout* box) {
    auto* dot = new QLabel(QStringLiteral("●"), this);
    dot->setStyleSheet(QStringLiteral("color: %1;").arg(color));
    auto* caption = new QLabel(this);
    caption->setProperty("tileCaption", true);
    auto* count = new QLabel(QStringLiteral("0"), this);
    count->setObjectName(QStringLiteral("agents%1_%2").arg(key, queueId_));
    QFont bold = count->font();
    bold.setBold(true);
    count->setFont(bold);
    auto* chip = new QHBoxLayout;
    chip->setSpacing(4);
    chip->addWidget(dot);
    chip->addWidget(caption);
    chip->addWidget(count);
    box->addLayout(chip);
    agentCaptions_.insert(key, caption);
    agentCounts_.insert(key, count);
    return count;
}

void QueueCard::setStats(const crm::QueueStats& stats, const MonitorThresholds& thresholds) {
    stats_ = stats;
    hasStats_ = true;
    name_->setText(MonitorTexts::queueName(stats));
    target_->setText(tr("SL: answered within %1 s",
                        "service level (서비스 레벨) definition: answered within T seconds")
                         .arg(stats.slThresholdSec));
    tiles_[QStringLiteral("waiting")].value->setText(QString::number(stats.waiting));
    tiles_[QStringLiteral("longestWait")].value->setText(
        MonitorTexts::seconds(stats.waiting > 0 ? stats.longestWaitSec : 0));
    tiles_[QStringLiteral("ewt")].value->setText(MonitorTexts::ewt(stats.ewtSec));
    tiles_[QStringLiteral("serviceLevel")].value->setText(
        MonitorTexts::percent(stats.serviceLevelPct));
    tiles_[QStringLiteral("abandonRate")].value->setText(
        MonitorTexts::percent(stats.abandonRatePct));
    tiles_[QStringLiteral("asa")].value->setText(MonitorTexts::seconds(stats.asaSec));
    tiles_[QStringLiteral("aht")].value->setText(MonitorTexts::seconds(stats.ahtSec));
    tiles_[QStringLiteral("answered")].value->setText(
        QStringLiteral("%1 / %2").arg(stats.answered).arg(stats.offered));
    agentCounts_[QStringLiteral("Ready")]->setText(QString::number(stats.agentsReady));
    agentCounts_[QStringLiteral("OnCall")]->setText(QString::number(stats.agentsOnCall));
    agentCounts_[QStringLiteral("Acw")]->setText(QString::number(stats.agentsAcw));
    agentCounts_[QStringLiteral("NotReady")]->setText(QString::number(stats.agentsNotReady));
    setThresholds(thresholds);
}

void QueueCard::setThresholds(const MonitorThresholds& t) {
    if (!hasStats_)
        return;
    setLevel(tiles_[QStringLiteral("waiting")], waitingLevel(t, stats_.waiting));
    setLevel(tiles_[QStringLiteral("longestWait")],
             longestWaitLevel(t, stats_.waiting > 0 ? stats_.longestWaitSec : 0));
    setLevel(tiles_[QStringLiteral("serviceLevel")], serviceLevelLevel(t, stats_.serviceLevelPct));
    setLevel(tiles_[QStringLiteral("abandonRate")], abandonRateLevel(t, stats_.abandonRatePct));
}

// Re-polishing is the costly part of a style sheet: only when the level really changes.
void QueueCard::setLevel(Tile& tile, AlertLevel level) {
    if (tile.level == level)
        return;
    tile.level = level;
    tile.frame->setProperty("level", levelName(level));
    tile.value->setProperty("level", levelName(level));
    repolish(tile.frame);
    repolish(tile.value);
}

void QueueCard::applyFonts() {
    QFont title = font();
    title.setPointSizeF(font().pointSizeF() * 1.25);
    title.setBold(true);
    name_->setFont(title);
    QFont value = font();
    value.setPointSizeF(font().pointSizeF() * 1.7);
    value.setBold(true);
    for (Tile& tile : tiles_)
        tile.value->setFont(value);
}

void QueueCard::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::FontChange)
        applyFonts();
    QFrame::changeEvent(event);
}

void QueueCard::retranslate() {
    tiles_[QStringLiteral("waiting")].caption->setText(
        tr("Waiting calls", "대기 호: calls waiting in the queue"));
    tiles_[QStringLiteral("longestWait")].caption->setText(
        tr("Longest wait", "최장 대기시간: age of the oldest waiting call"));
    tiles_[QStringLiteral("ewt")].caption->setText(
        tr("Expected wait", "예상 대기시간 (EWT) for a new caller"));
    tiles_[QStringLiteral("serviceLevel")].caption->setText(
        tr("Service level", "서비스 레벨 (% answered within the threshold)"));
    tiles_[QStringLiteral("abandonRate")].caption->setText(
        tr("Abandon rate", "포기율: abandoned ÷ offered"));
    tiles_[QStringLiteral("asa")].caption->setText(
        tr("ASA", "평균 응답 속도 (average speed of answer); keep short"));
    tiles_[QStringLiteral("aht")].caption->setText(
        tr("AHT", "평균 처리 시간 (average handle time); keep short"));
    tiles_[QStringLiteral("answered")].caption->setText(
        tr("Answered / offered", "응답 호 / 인입 호 today"));
    tiles_[QStringLiteral("asa")].frame->setToolTip(
        tr("Average speed of answer: mean wait of answered calls today"));
    tiles_[QStringLiteral("aht")].frame->setToolTip(
        tr("Average handle time: mean talk + hold + after-call work today"));
    agentCaptions_[QStringLiteral("Ready")]->setText(
        SoftphoneTexts::agentState(crm::AgentState::Ready));
    agentCaptions_[QStringLiteral("OnCall")]->setText(
        SoftphoneTexts::agentState(crm::AgentState::OnCall));
    agentCaptions_[QStringLiteral("Acw")]->setText(
        SoftphoneTexts::agentState(crm::AgentState::AfterCallWork));
    agentCaptions_[QStringLiteral("NotReady")]->setText(
        SoftphoneTexts::agentState(crm::AgentState::NotReady));
    if (hasStats_) {
        name_->setText(MonitorTexts::queueName(stats_));
        tiles_[QStringLiteral("ewt")].value->setText(MonitorTexts::ewt(stats_.ewtSec));
        target_->setText(tr("SL: answered within %1 s",
                            "service level (서비스 레벨) definition: answered within T seconds")
                             .arg(stats_.slThresholdSec));
    } else {
        name_->setText(queueId_);
    }
}

}  // namespace agentdesk::widgets
