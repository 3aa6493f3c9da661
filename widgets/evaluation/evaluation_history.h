#pragma once
// One trainee's evaluation history: a table (date, call, the five scores, average, grade,
// evaluator, comment), the averages per dimension and the trend chart, with an export button.
#include <QHash>
#include <QList>
#include <QWidget>

#include "crm/model/training.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace agentdesk::widgets {

class TrendChart;

class EvaluationHistory : public QWidget {
    Q_OBJECT
public:
    explicit EvaluationHistory(QWidget* parent = nullptr);

    // Newest first; `names` maps agent ids to names (the evaluator column).
    void setEvaluations(const QList<crm::Evaluation>& evaluations,
                        const QHash<QString, QString>& names);
    void setTraineeName(const QString& name);
    // A line over the table ("Loading…", an error); empty hides it.
    void setStatus(const QString& text, bool error);

    QTableWidget* table() const { return table_; }
    TrendChart* trendChart() const { return chart_; }

signals:
    void exportRequested();
    void reloadRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    enum Column {
        Date,
        Call,
        FirstScore,
        Average = FirstScore + 5,
        Grade,
        Evaluator,
        Comment,
        Count
    };

    void retranslate();
    void fillAverages();

    QList<crm::Evaluation> evaluations_;
    QString traineeName_;
    QLabel* title_;
    QLabel* status_;
    QLabel* count_;
    QTableWidget* table_;
    QHash<QString, QLabel*> averageNames_;
    QHash<QString, QLabel*> averageValues_;
    QLabel* averagesTitle_;
    TrendChart* chart_;
    QPushButton* export_;
    QPushButton* reload_;
};

}  // namespace agentdesk::widgets
