#include "widgets/evaluation/evaluation_texts.h"

#include <QCoreApplication>

#include "crm/session/evaluations_model.h"

namespace agentdesk::widgets {

namespace {
// A translation context without a QObject, so lupdate files these strings under EvaluationTexts.
class EvaluationTexts {
    Q_DECLARE_TR_FUNCTIONS(EvaluationTexts)
public:
    static QString label(const QString& dimension);
    static QString hint(const QString& dimension);
    static QString rule();
    static QString excellent();
};

QString EvaluationTexts::label(const QString& d) {
    if (d == QLatin1String("greeting"))
        return tr("Greeting", "KSQI dimension, Korean: 맞이인사");
    if (d == QLatin1String("attitude"))
        return tr("Attitude", "KSQI dimension, Korean: 상담태도");
    if (d == QLatin1String("handling"))
        return tr("Handling", "KSQI dimension (handling/resolution), Korean: 업무처리");
    if (d == QLatin1String("closing"))
        return tr("Closing", "KSQI dimension, Korean: 종료태도");
    if (d == QLatin1String("empathy"))
        return tr("Empathy", "KSQI dimension, Korean: 공감");
    if (d == QLatin1String("average"))
        return tr("Average", "mean of the five evaluation scores");
    if (d == QLatin1String("service"))
        return tr("Service", "KSQI service score: mean of greeting, attitude, handling, closing");
    return d;
}

QString EvaluationTexts::hint(const QString& d) {
    if (d == QLatin1String("greeting"))
        return tr("Opening: greeting, introducing oneself, identifying the customer.");
    if (d == QLatin1String("attitude"))
        return tr("Tone, courtesy and listening during the call.");
    if (d == QLatin1String("handling"))
        return tr("Understanding the request and resolving it correctly.");
    if (d == QLatin1String("closing"))
        return tr("Summary, further help offered, closing greeting.");
    if (d == QLatin1String("empathy"))
        return tr("Recognising and responding to the customer's feelings (scored separately).");
    return {};
}

QString EvaluationTexts::rule() {
    return tr(
        "Service = mean of greeting, attitude, handling and closing.\n"
        "Excellent: service ≥ 92 and empathy ≥ 80 (KSQI).",
        "KSQI grade rule; Excellent = 우수");
}

QString EvaluationTexts::excellent() {
    return tr("Excellent", "KSQI grade, Korean: 우수");
}
}  // namespace

QString dimensionLabel(const QString& dimension) {
    return EvaluationTexts::label(dimension);
}

QString dimensionHint(const QString& dimension) {
    return EvaluationTexts::hint(dimension);
}

QString gradeRuleHint() {
    return EvaluationTexts::rule();
}

QString gradeText(const crm::Evaluation& evaluation) {
    return crm::isExcellent(evaluation) ? EvaluationTexts::excellent() : QString();
}

}  // namespace agentdesk::widgets
