#include "widgets/evaluation/evaluation_history.h"

#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "crm/session/evaluations_model.h"
#include "widgets/common/format.h"
#include "widgets/common/relative_font.h"
#include "widgets/common/tone.h"
#include "widgets/evaluation/evaluation_texts.h"
#include "widgets/evaluation/trend_chart.h"

namespace agentdesk::widgets {

namespace {

// The figures under the table: the five dimensions, then the overall average and service.
const char* const kSummaryKeys[] = {"greeting", "attitude", "handling", "closing",
                                    "empathy",  "average",  "service"};

QTableWidgetItem* numberItem(double value, int decimals) {
    auto* item = new QTableWidgetItem;
    if (value >= 0) {
        item->setData(Qt::DisplayRole, decimals ? QString::number(value, 'f', decimals)
                                                : QString::number(static_cast<int>(value)));
        item->setData(Qt::UserRole, value);
    }
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

}  // namespace

EvaluationHistory::EvaluationHistory(QWidget* parent) : QWidget(parent) {
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("historyTitle"));
    setRelativeFont(title_, 1.2, true);
    count_ = new QLabel(this);
    count_->setObjectName(QStringLiteral("evaluationCount"));
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("historyStatus"));
    status_->setWordWrap(true);
    status_->hide();
    reload_ = new QPushButton(this);
    reload_->setObjectName(QStringLiteral("reloadEvaluations"));
    export_ = new QPushButton(this);
    export_->setObjectName(QStringLiteral("exportCsv"));

    table_ = new QTableWidget(0, Count, this);
    table_->setObjectName(QStringLiteral("historyTable"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->setTextElideMode(Qt::ElideRight);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(Comment, QHeaderView::Stretch);
    table_->horizontalHeader()->setMinimumSectionSize(48);

    averagesTitle_ = new QLabel(this);
    QFont bold = averagesTitle_->font();
    bold.setBold(true);
    averagesTitle_->setFont(bold);
    auto* averages = new QFrame(this);
    averages->setObjectName(QStringLiteral("averages"));
    averages->setFrameShape(QFrame::StyledPanel);
    auto* grid = new QGridLayout(averages);
    grid->setContentsMargins(8, 4, 8, 4);
    grid->addWidget(averagesTitle_, 0, 0, 2, 1, Qt::AlignVCenter);
    int column = 1;
    for (const char* key : kSummaryKeys) {
        auto* name = new QLabel(averages);
        auto* value = new QLabel(averages);
        value->setObjectName(QStringLiteral("average_") + QLatin1String(key));
        setRelativeFont(value, 1.3, true);
        name->setAlignment(Qt::AlignHCenter);
        value->setAlignment(Qt::AlignHCenter);
        grid->addWidget(name, 0, column);
        grid->addWidget(value, 1, column);
        grid->setColumnStretch(column, 1);
        averageNames_.insert(QLatin1String(key), name);
        averageValues_.insert(QLatin1String(key), value);
        ++column;
    }

    chart_ = new TrendChart(this);

    auto* header = new QHBoxLayout;
    header->addWidget(title_);
    header->addWidget(count_);
    header->addStretch(1);
    header->addWidget(reload_);
    header->addWidget(export_);

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(header);
    topLayout->addWidget(status_);
    topLayout->addWidget(table_, 1);
    topLayout->addWidget(averages);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("historySplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(top);
    split->addWidget(chart_);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(export_, &QPushButton::clicked, this, &EvaluationHistory::exportRequested);
    connect(reload_, &QPushButton::clicked, this, &EvaluationHistory::reloadRequested);
    retranslate();
    setEvaluations({}, {});
}

void EvaluationHistory::setEvaluations(const QList<crm::Evaluation>& evaluations,
                                       const QHash<QString, QString>& names) {
    evaluations_ = evaluations;
    table_->setSortingEnabled(false);
    table_->setRowCount(static_cast<int>(evaluations.size()));
    for (int row = 0; row < evaluations.size(); ++row) {
        const crm::Evaluation& e = evaluations.at(row);
        auto* date = new QTableWidgetItem(formatDateTime(e.createdAt));
        date->setData(Qt::UserRole, e.createdAt);
        date->setToolTip(QLocale().toString(e.createdAt.toLocalTime(), QLocale::LongFormat));
        table_->setItem(row, Date, date);
        table_->setItem(row, Call, new QTableWidgetItem(e.callId));
        int column = FirstScore;
        for (const char* dim : crm::kEvaluationDimensions) {
            const auto it = e.scores.constFind(QLatin1String(dim));
            table_->setItem(row, column++, numberItem(it == e.scores.constEnd() ? -1 : *it, 0));
        }
        auto* average = numberItem(e.scores.isEmpty() ? -1 : e.average(), 1);
        QFont bold = average->font();
        bold.setBold(true);
        average->setFont(bold);
        table_->setItem(row, Average, average);
        auto* grade = new QTableWidgetItem(gradeText(e));
        grade->setForeground(QColor(0x1b, 0x7f, 0x3b));
        grade->setFont(bold);
        const double service = crm::serviceScore(e);
        grade->setToolTip(
            tr("Service %1")
                .arg(service < 0 ? QStringLiteral("—") : QString::number(service, 'f', 1)) +
            QLatin1Char('\n') + gradeRuleHint());
        table_->setItem(row, Grade, grade);
        const QString evaluator = names.value(e.evaluatorId, e.evaluatorId);
        table_->setItem(row, Evaluator, new QTableWidgetItem(evaluator));
        auto* comment = new QTableWidgetItem(QString(e.comment).replace(QLatin1Char('\n'), u' '));
        comment->setToolTip(e.comment);
        table_->setItem(row, Comment, comment);
    }
    chart_->setEvaluations(evaluations);
    fillAverages();
    retranslate();
}

void EvaluationHistory::fillAverages() {
    const QMap<QString, double> averages = crm::dimensionAverages(evaluations_);
    for (auto it = averageValues_.cbegin(); it != averageValues_.cend(); ++it) {
        const auto found = averages.constFind(it.key());
        it.value()->setText(found == averages.constEnd() ? QStringLiteral("—")
                                                         : QString::number(*found, 'f', 1));
    }
}

void EvaluationHistory::setTraineeName(const QString& name) {
    traineeName_ = name;
    retranslate();
}

void EvaluationHistory::setStatus(const QString& text, bool error) {
    status_->setText(text);
    status_->setStyleSheet(error ? toneStyle(Tone::Error) : QString());
    status_->setVisible(!text.isEmpty());
}

void EvaluationHistory::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void EvaluationHistory::retranslate() {
    title_->setText(
        traineeName_.isEmpty()
            ? tr("Evaluation history")
            : tr("Evaluation history: %1", "%1 is the counselor's name").arg(traineeName_));
    table_->setAccessibleName(title_->text());
    count_->setText(tr("%n evaluation(s)", "", static_cast<int>(evaluations_.size())));
    reload_->setText(tr("Reload"));
    export_->setText(tr("Export CSV…"));
    export_->setToolTip(tr("Save this history as a CSV file (UTF-8, opens in Excel)."));
    export_->setEnabled(!evaluations_.isEmpty());
    QStringList headers{tr("Date"), tr("Call")};
    for (const char* dim : crm::kEvaluationDimensions)
        headers << dimensionLabel(QLatin1String(dim));
    headers << dimensionLabel(QStringLiteral("average")) << tr("Grade", "KSQI grade; 등급")
            << tr("Evaluator", "who scored the call; 평가자") << tr("Comment");
    table_->setHorizontalHeaderLabels(headers);
    for (int i = 0; i < 5; ++i) {
        if (QTableWidgetItem* h = table_->horizontalHeaderItem(FirstScore + i))
            h->setToolTip(dimensionHint(QLatin1String(crm::kEvaluationDimensions[i])));
    }
    if (QTableWidgetItem* h = table_->horizontalHeaderItem(Grade))
        h->setToolTip(gradeRuleHint());
    averagesTitle_->setText(tr("Averages"));
    for (auto it = averageNames_.cbegin(); it != averageNames_.cend(); ++it) {
        it.value()->setText(dimensionLabel(it.key()));
        const QString hint =
            it.key() == QLatin1String("service") ? gradeRuleHint() : dimensionHint(it.key());
        it.value()->setToolTip(hint);
        averageValues_.value(it.key())->setToolTip(hint);
    }
}

}  // namespace agentdesk::widgets
