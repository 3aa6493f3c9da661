#pragma once
// Names of the KSQI evaluation dimensions and grade as the trainer reads them (docs/user-guide.md
// "Evaluation"), shared by the form, the history table and the chart.
#include <QString>

namespace agentdesk::crm {
struct Evaluation;
}

namespace agentdesk::widgets {

// "greeting" → "Greeting" (맞이인사 in Korean); unknown names are returned as is.
QString dimensionLabel(const QString& dimension);
// What the dimension covers, for a tooltip.
QString dimensionHint(const QString& dimension);
// How "service" and "excellent" are worked out, for tooltips.
QString gradeRuleHint();
// "Excellent" (우수) or empty.
QString gradeText(const crm::Evaluation& evaluation);

}  // namespace agentdesk::widgets
