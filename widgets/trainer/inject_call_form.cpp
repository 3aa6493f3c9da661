#include "widgets/trainer/inject_call_form.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "common/phone.h"
#include "crm/model/customer.h"
#include "crm/session/client_session.h"
#include "crm/session/demo_controller.h"
#include "widgets/common/format.h"
#include "widgets/common/tone.h"
#include "widgets/trainer/trainer_texts.h"
#include "widgets/trainer/transcript_lines.h"

namespace agentdesk::widgets {

using crm::DemoController;

namespace {
constexpr int kCustomerIdRole = Qt::UserRole + 1;
constexpr int kSearchDelayMs = 250;

std::optional<std::string> callerE164(const QString& text) {
    return phone::toE164(text.trimmed().toStdString());
}

QLabel* makeInjectLabel(const char* name, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    return label;
}
}  // namespace

InjectCallForm::InjectCallForm(DemoController& controller, QWidget* parent)
    : QGroupBox(parent), controller_(controller) {
    setObjectName(QStringLiteral("injectCallBox"));

    customerMode_ = new QRadioButton(this);
    customerMode_->setObjectName(QStringLiteral("callerIsCustomer"));
    customerMode_->setChecked(true);
    phoneMode_ = new QRadioButton(this);
    phoneMode_->setObjectName(QStringLiteral("callerIsNumber"));
    modes_ = new QButtonGroup(this);
    modes_->addButton(customerMode_, 0);
    modes_->addButton(phoneMode_, 1);
    auto* modeRow = new QHBoxLayout;
    modeRow->addWidget(customerMode_);
    modeRow->addWidget(phoneMode_);
    modeRow->addStretch(1);

    auto* customerPage = new QWidget(this);
    search_ = new QLineEdit(customerPage);
    search_->setObjectName(QStringLiteral("customerSearch"));
    search_->setClearButtonEnabled(true);
    results_ = new QListWidget(customerPage);
    results_->setObjectName(QStringLiteral("customerResults"));
    results_->setUniformItemSizes(true);
    results_->setTextElideMode(Qt::ElideRight);
    const int rowHeight = results_->fontMetrics().height() + 6;
    results_->setMinimumHeight(rowHeight * 3);
    results_->setMaximumHeight(rowHeight * 5 + 4);
    auto* customerLayout = new QVBoxLayout(customerPage);
    customerLayout->setContentsMargins(0, 0, 0, 0);
    customerLayout->addWidget(search_);
    customerLayout->addWidget(results_);

    auto* phonePage = new QWidget(this);
    phone_ = new QLineEdit(phonePage);
    phone_->setObjectName(QStringLiteral("phoneInput"));
    phone_->setClearButtonEnabled(true);
    phone_->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    phoneHint_ = makeInjectLabel("phoneHint", phonePage);
    auto* phoneLayout = new QVBoxLayout(phonePage);
    phoneLayout->setContentsMargins(0, 0, 0, 0);
    phoneLayout->addWidget(phone_);
    phoneLayout->addWidget(phoneHint_);
    phoneLayout->addStretch(1);

    callerStack_ = new QStackedWidget(this);
    callerStack_->addWidget(customerPage);
    callerStack_->addWidget(phonePage);
    // Extra height goes to the transcript box, not around the search field.
    callerStack_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    queue_ = new QComboBox(this);
    queue_->setObjectName(QStringLiteral("queueCombo"));
    intent_ = new QComboBox(this);
    intent_->setObjectName(QStringLiteral("intentCombo"));
    transcript_ = new QPlainTextEdit(this);
    transcript_->setObjectName(QStringLiteral("transcriptInput"));
    transcript_->setTabChangesFocus(true);
    transcript_->setMinimumHeight(transcript_->fontMetrics().lineSpacing() * 4 + 12);
    transcript_->setMaximumHeight(transcript_->fontMetrics().lineSpacing() * 12 + 12);
    transcriptHint_ = makeInjectLabel("transcriptHint", this);
    transcriptHint_->setWordWrap(true);
    transcriptHint_->setStyleSheet(toneStyle(Tone::Hint));

    inject_ = new QPushButton(this);
    inject_->setObjectName(QStringLiteral("injectCall"));
    result_ = makeInjectLabel("injectResult", this);
    result_->setWordWrap(true);

    callerLabel_ = makeInjectLabel("callerLabel", this);
    whoLabel_ = makeInjectLabel("whoLabel", this);
    queueLabel_ = makeInjectLabel("queueLabel", this);
    queueLabel_->setBuddy(queue_);
    intentLabel_ = makeInjectLabel("intentLabel", this);
    intentLabel_->setBuddy(intent_);
    transcriptLabel_ = makeInjectLabel("transcriptLabel", this);
    transcriptLabel_->setBuddy(transcript_);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(callerLabel_, modeRow);
    form->addRow(whoLabel_, callerStack_);
    form->addRow(queueLabel_, queue_);
    form->addRow(intentLabel_, intent_);
    form->addRow(transcriptLabel_, transcript_);
    form->addRow(QString(), transcriptHint_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(inject_);
    buttons->addWidget(result_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addStretch(1);

    searchDelay_ = new QTimer(this);
    searchDelay_->setSingleShot(true);
    searchDelay_->setInterval(kSearchDelayMs);
    connect(search_, &QLineEdit::textEdited, searchDelay_, qOverload<>(&QTimer::start));
    connect(search_, &QLineEdit::returnPressed, this, [this] {
        searchDelay_->stop();
        controller_.searchCustomers(search_->text());
    });
    connect(searchDelay_, &QTimer::timeout, this,
            [this] { controller_.searchCustomers(search_->text()); });
    connect(&controller_, &DemoController::customersFound, this, &InjectCallForm::onCustomers);
    connect(results_, &QListWidget::currentRowChanged, this, &InjectCallForm::updateState);
    connect(modes_, &QButtonGroup::idClicked, this, [this](int id) {
        callerStack_->setCurrentIndex(id);
        (id == 0 ? static_cast<QWidget*>(search_) : phone_)->setFocus();
        updateState();
    });
    connect(phone_, &QLineEdit::textChanged, this, &InjectCallForm::updateState);
    connect(queue_, &QComboBox::currentIndexChanged, this, [this] {
        reloadIntents();
        updateState();
    });
    connect(inject_, &QPushButton::clicked, this, &InjectCallForm::inject);
    connect(&controller_, &DemoController::busyChanged, this,
            [this](DemoController::Action action, bool busy) {
                if (action != DemoController::Action::Inject)
                    return;
                busy_ = busy;
                if (busy)
                    result_->clear();
                updateState();
            });
    connect(&controller_, &DemoController::succeeded, this, [this](DemoController::Action action) {
        if (action != DemoController::Action::Inject)
            return;
        result_->setStyleSheet(toneStyle(Tone::Success));
        result_->setText(
            tr("Call injected into %1.", "%1 = queue name").arg(queue_->currentText()));
    });

    reloadQueues();
    retranslate();
}

void InjectCallForm::reloadQueues() {
    const QString lang = trainer::uiLanguage();
    const QString current = queue_->currentData().toString();
    const QSignalBlocker block(queue_);
    queue_->clear();
    for (const crm::QueueConfig& q : controller_.session().capabilities().queues) {
        const QString name = lang == QLatin1String("en") && !q.nameEn.isEmpty() ? q.nameEn : q.name;
        queue_->addItem(name, q.id);
    }
    const int i = queue_->findData(current);
    queue_->setCurrentIndex(i >= 0 ? i : 0);
    reloadIntents();
}

void InjectCallForm::reloadIntents() {
    const QString lang = trainer::uiLanguage();
    const QString current = intent_->currentData().toString();
    intent_->clear();
    intent_->addItem(tr("(no intent)", "the caller chose nothing in the IVR"), QString());
    const QString queueId = queue_->currentData().toString();
    for (const crm::QueueConfig& q : controller_.session().capabilities().queues) {
        if (q.id != queueId)
            continue;
        for (const crm::LabeledCode& intent : q.intents)
            intent_->addItem(intent.label(lang), intent.code);
    }
    const int i = intent_->findData(current);
    intent_->setCurrentIndex(i >= 0 ? i : (intent_->count() > 1 ? 1 : 0));
}

void InjectCallForm::onCustomers(const QString& query, const QList<crm::CustomerListItem>& list) {
    if (query != search_->text())
        return;
    const QString selected = results_->currentItem()
                                 ? results_->currentItem()->data(kCustomerIdRole).toString()
                                 : QString();
    const QString lang = trainer::uiLanguage();
    results_->clear();
    for (const crm::CustomerListItem& c : list) {
        const QString name = lang == QLatin1String("en") && !c.nameEn.isEmpty() ? c.nameEn : c.name;
        QStringList parts{name, c.customerNo.isEmpty() ? c.id : c.customerNo};
        if (!c.phones.isEmpty()) {
            const crm::CustomerPhone& p = c.phones.first();
            parts << maskPhone(p.e164.isEmpty() ? p.number : p.e164);
        }
        if (c.vip)
            parts << QStringLiteral("VIP");
        auto* item = new QListWidgetItem(parts.join(QStringLiteral("  ·  ")), results_);
        item->setData(kCustomerIdRole, c.id);
        if (c.id == selected)
            results_->setCurrentItem(item);
    }
    if (!results_->currentItem() && results_->count() > 0)
        results_->setCurrentRow(0);
    if (results_->count() == 0 && !query.trimmed().isEmpty()) {
        auto* none = new QListWidgetItem(tr("No customer matches."), results_);
        none->setFlags(Qt::NoItemFlags);
    }
    updateState();
}

std::optional<crm::InjectCallRequest> InjectCallForm::request(QString* why) const {
    crm::InjectCallRequest call;
    auto fail = [&](const QString& reason) -> std::optional<crm::InjectCallRequest> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    if (customerMode_->isChecked()) {
        const QListWidgetItem* item = results_->currentItem();
        call.customerId = item ? item->data(kCustomerIdRole).toString() : QString();
        if (call.customerId.isEmpty())
            return fail(tr("Search for a customer and pick one."));
    } else {
        const auto e164 = callerE164(phone_->text());
        if (!e164)
            return fail(tr("Type a Korean phone number, e.g. 010-1234-5678."));
        call.phone = QString::fromStdString(*e164);
    }
    call.queue = queue_->currentData().toString();
    if (call.queue.isEmpty())
        return fail(tr("Pick a queue."));
    call.intent = intent_->currentData().toString();
    call.transcript = parseTranscript(transcript_->toPlainText());
    return call;
}

void InjectCallForm::inject() {
    QString why;
    const std::optional<crm::InjectCallRequest> call = request(&why);
    if (!call) {
        result_->setStyleSheet(toneStyle(Tone::Error));
        result_->setText(why);
        return;
    }
    if (!busy_)
        controller_.injectCall(*call);
}

void InjectCallForm::updateState() {
    whoLabel_->setText(customerMode_->isChecked() ? tr("Customer:") : tr("Number:"));
    if (phone_->text().trimmed().isEmpty()) {
        phoneHint_->setStyleSheet(toneStyle(Tone::Hint));
        phoneHint_->setText(tr("Mobile, landline or a 15xx number."));
    } else if (const auto e164 = callerE164(phone_->text())) {
        phoneHint_->setStyleSheet(toneStyle(Tone::Success));
        phoneHint_->setText(
            tr("Calls as %1", "%1 = phone number").arg(formatPhone(QString::fromStdString(*e164))));
    } else {
        phoneHint_->setStyleSheet(toneStyle(Tone::Error));
        phoneHint_->setText(tr("Not a Korean phone number."));
    }
    inject_->setEnabled(!busy_ && request().has_value());
}

void InjectCallForm::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void InjectCallForm::retranslate() {
    setTitle(tr("Inject a call", "put a demo call into a queue"));
    callerLabel_->setText(tr("Caller:"));
    customerMode_->setText(tr("&Customer"));
    phoneMode_->setText(tr("Phone &number"));
    search_->setPlaceholderText(tr("Search by name, customer number or phone"));
    search_->setAccessibleName(tr("Search the caller"));
    search_->setAccessibleDescription(search_->placeholderText());
    results_->setAccessibleName(tr("Matching customers"));
    phone_->setPlaceholderText(tr("010-1234-5678"));
    queueLabel_->setText(tr("&Queue:", "대기열"));
    intentLabel_->setText(tr("&Intent:", "the caller's IVR choice (문의 유형)"));
    transcriptLabel_->setText(tr("&Transcript:", "scripted lines of the call (대화 내용)"));
    transcript_->setPlaceholderText(
        tr("One line each, optional:\ncustomer: Hello, I lost my card.\nagent: I will block it "
           "right away."));
    transcriptHint_->setText(
        tr("Start a line with \"고객:\" or \"customer:\" for the caller, \"상담사:\" or \"agent:\" "
           "for the counselor. Lines without a prefix are the caller's."));
    inject_->setText(tr("In&ject call"));
    reloadQueues();
    updateState();
}

}  // namespace agentdesk::widgets
