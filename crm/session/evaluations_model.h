#pragma once
// Call evaluations per trainee for the trainer's form and history (issue 6): loads the agents
// and one trainee's evaluations, saves new ones, and the pure figures the history shows
// (per-dimension averages, the KSQI "service" score and grade, the CSV export).
//
// Threads: one thread (the GUI thread in the app); results arrive through ApiClient.
#include <optional>

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include "crm/api/api_client.h"
#include "crm/model/agent.h"
#include "crm/model/training.h"

namespace agentdesk::crm {

// The four KSQI service dimensions (everything but empathy, which is scored separately).
inline const char* const kServiceDimensions[] = {"greeting", "attitude", "handling", "closing"};

// Mean of greeting, attitude, handling and closing; -1 when one of them is missing.
double serviceScore(const Evaluation& evaluation);
// docs/user-guide.md ("Evaluation"): service >= 92 and empathy >= 80 is "excellent" (우수).
bool isExcellent(const Evaluation& evaluation);
// Mean per dimension over the evaluations that have it (key: dimension name), plus
// "average" (mean of the evaluations' averages) and "service" (mean of the service scores).
QMap<QString, double> dimensionAverages(const QList<Evaluation>& evaluations);

// The evaluations as CSV for a spreadsheet: RFC 4180 (every line ends in CRLF; a field with a
// comma, quote, CR or LF is quoted, quotes doubled), with a UTF-8 byte order mark (U+FEFF as the
// first character, so Excel on a Korean Windows opens Hangul as UTF-8 instead of CP949). The
// header row is fixed English column names (stable for scripts whatever the UI language):
//   createdAt,evaluationId,callId,agentId,agentName,evaluatorId,evaluatorName,greeting,attitude,
//   handling,closing,empathy,average,service,excellent,comment
// createdAt is local time "yyyy-MM-dd HH:mm:ss" (Excel reads it as a date); average and service
// have one decimal; excellent is 1 or 0. Names come from `names` (agent id → name) when given.
// Text that a spreadsheet would run as a formula (starting with = + - @ or a tab) gets a leading
// apostrophe (OWASP "CSV injection"). Rows keep the list's order.
QString evaluationsCsv(const QList<Evaluation>& evaluations,
                       const QHash<QString, QString>& names = {});

class EvaluationsModel : public QObject {
    Q_OBJECT
public:
    explicit EvaluationsModel(ApiClient& api, QObject* parent = nullptr);
    ~EvaluationsModel() override;

    // GET /agents: every user (for evaluator names); trainees() are the counselors.
    void loadAgents();
    const QList<Agent>& agents() const { return agents_; }
    QList<Agent> trainees() const;
    std::optional<Agent> agentById(const QString& agentId) const;
    // The agent's name, or the id when the agent is not known.
    QString nameOf(const QString& agentId) const;
    QHash<QString, QString> names() const;

    // Selects the trainee whose history is shown and loads it (empty: none).
    void setAgentId(const QString& agentId);
    QString agentId() const { return agentId_; }
    void reload();
    // Newest first, as the server sends them.
    const QList<Evaluation>& evaluations() const { return evaluations_; }
    bool loading() const { return loadRequest_ != 0; }

    // POST /evaluations. On 201 the evaluation joins the history (when it is the shown trainee).
    void save(const QString& agentId, const QString& callId, const QMap<QString, int>& scores,
              const QString& comment);
    bool saving() const { return saveRequest_ != 0; }

signals:
    void agentsChanged();
    void agentsFailed(const agentdesk::crm::ApiError& error);
    void evaluationsChanged();
    void loadFailed(const agentdesk::crm::ApiError& error);
    void saved(const agentdesk::crm::Evaluation& evaluation);
    void saveFailed(const agentdesk::crm::ApiError& error);
    void busyChanged();

private:
    ApiClient& api_;
    QList<Agent> agents_;
    QString agentId_;
    QList<Evaluation> evaluations_;
    ApiClient::RequestId agentsRequest_ = 0;
    ApiClient::RequestId loadRequest_ = 0;
    ApiClient::RequestId saveRequest_ = 0;
};

}  // namespace agentdesk::crm
