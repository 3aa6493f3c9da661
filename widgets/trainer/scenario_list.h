#pragma once
// The demo console's scenario list: every bundled scenario with its title and description in
// the UI language, its number of calls and length, which one runs; Start and Stop.
#include <QGroupBox>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace agentdesk::crm {
class DemoController;
}

namespace agentdesk::widgets {

class ScenarioList : public QGroupBox {
    Q_OBJECT
public:
    explicit ScenarioList(crm::DemoController& controller, QWidget* parent = nullptr);

    QString selectedScenario() const;
    void selectScenario(const QString& id);

public slots:
    void startSelected();
    void stop();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void rebuild();
    void updateState();

    crm::DemoController& controller_;
    QTreeWidget* list_;
    QLabel* description_;
    QLabel* running_;
    QLabel* unavailable_;
    QPushButton* start_;
    QPushButton* stop_;
    QPushButton* refresh_;
    bool busy_ = false;
};

}  // namespace agentdesk::widgets
