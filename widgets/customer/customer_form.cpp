#include "widgets/customer/customer_form.h"

#include <algorithm>

#include <QComboBox>
#include <QDate>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QVBoxLayout>

#include "common/phone.h"
#include "widgets/common/format.h"
#include "widgets/common/relative_font.h"
#include "widgets/common/tone.h"
#include "widgets/customer/customer_texts.h"
#include "widgets/customer/layout_util.h"

namespace agentdesk::widgets {

namespace {

constexpr int kMaxPhones = 5;
const char* const kPhoneLabels[] = {"mobile", "home", "work", "other"};

// The server's rule (docs/api.md 7.3): local@domain.tld, no spaces or angle brackets.
bool emailShapeOk(const QString& email) {
    static const QRegularExpression shape(QStringLiteral("^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+$"));
    return shape.match(email).hasMatch() && email.size() <= 120;
}

bool birthDateOk(const QString& text) {
    const QDate date = QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
    return text.size() == 10 && date.isValid() && date.year() >= 1900 &&
           date <= QDate::currentDate();
}

QString e164Of(const QString& number) {
    const auto e164 = phone::toE164(number.trimmed().toStdString());
    return e164 ? QString::fromStdString(*e164) : QString();
}

}  // namespace

QLabel* CustomerForm::makeErrorLabel(const QString& objectName, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(toneStyle(Tone::Error));
    label->hide();
    return label;
}

CustomerForm::CustomerForm(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("customerForm"));
    auto* root = new QVBoxLayout(this);
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("customerFormTitle"));
    title_->setWordWrap(true);
    setRelativeFont(title_, 1.2, true);
    root->addWidget(title_);
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    hint_->setStyleSheet(toneStyle(Tone::Hint));
    root->addWidget(hint_);
    formError_ = makeErrorLabel(QStringLiteral("customerFormError"), this);
    root->addWidget(formError_);

    form_ = new QFormLayout;
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form_->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form_->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    auto addField = [this](QLabel*& title, QLineEdit*& edit, QLabel*& error, const char* name) {
        title = new QLabel(this);
        edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("%1Edit").arg(QLatin1String(name)));
        title->setBuddy(edit);
        error = makeErrorLabel(QStringLiteral("%1Error").arg(QLatin1String(name)), this);
        auto* box = new QVBoxLayout;
        box->setSpacing(2);
        box->addWidget(edit);
        box->addWidget(error);
        form_->addRow(title, box);
        connect(edit, &QLineEdit::returnPressed, this, &CustomerForm::submit);
    };
    addField(nameTitle_, name_, nameError_, "name");
    name_->setMaxLength(60);
    addField(nameEnTitle_, nameEn_, nameEnError_, "nameEn");
    nameEn_->setMaxLength(80);

    phonesTitle_ = new QLabel(this);
    auto* phonesBox = new QVBoxLayout;
    phonesBox->setSpacing(3);
    phoneRows_ = new QVBoxLayout;
    phoneRows_->setSpacing(3);
    phonesBox->addLayout(phoneRows_);
    phonesError_ = makeErrorLabel(QStringLiteral("phonesError"), this);
    phonesBox->addWidget(phonesError_);
    auto* phoneFoot = new QHBoxLayout;
    phonesHint_ = new QLabel(this);
    phonesHint_->setWordWrap(true);
    phonesHint_->setStyleSheet(toneStyle(Tone::Hint));
    phoneFoot->addWidget(phonesHint_, 1);
    addPhone_ = new QPushButton(this);
    addPhone_->setObjectName(QStringLiteral("addPhoneButton"));
    connect(addPhone_, &QPushButton::clicked, this, [this] {
        addPhoneRow({}, QStringLiteral("mobile"));
        phones_.last().number->setFocus();
    });
    phoneFoot->addWidget(addPhone_, 0, Qt::AlignTop);
    phonesBox->addLayout(phoneFoot);
    form_->addRow(phonesTitle_, phonesBox);

    addField(emailTitle_, email_, emailError_, "email");
    email_->setMaxLength(120);
    addField(birthDateTitle_, birthDate_, birthDateError_, "birthDate");
    birthDate_->setPlaceholderText(QStringLiteral("YYYY-MM-DD"));
    birthDate_->setMaxLength(10);
    addField(addressTitle_, address_, addressError_, "address");
    address_->setMaxLength(200);

    languageTitle_ = new QLabel(this);
    language_ = new QComboBox(this);
    language_->setObjectName(QStringLiteral("languageCombo"));
    language_->addItem(QString(), QStringLiteral("ko"));
    language_->addItem(QString(), QStringLiteral("en"));
    languageTitle_->setBuddy(language_);
    languageError_ = makeErrorLabel(QStringLiteral("preferredLangError"), this);
    auto* langBox = new QVBoxLayout;
    langBox->setSpacing(2);
    langBox->addWidget(language_, 0, Qt::AlignLeft);
    langBox->addWidget(languageError_);
    form_->addRow(languageTitle_, langBox);
    root->addLayout(form_);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    cancel_ = new QPushButton(this);
    cancel_->setObjectName(QStringLiteral("cancelCustomerButton"));
    connect(cancel_, &QPushButton::clicked, this, &CustomerForm::cancelled);
    buttons->addWidget(cancel_);
    save_ = new QPushButton(this);
    save_->setObjectName(QStringLiteral("saveCustomerButton"));
    save_->setDefault(true);
    connect(save_, &QPushButton::clicked, this, &CustomerForm::submit);
    buttons->addWidget(save_);
    root->addLayout(buttons);
    root->addStretch(1);

    startCreate({});
    retranslate();
}

void CustomerForm::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CustomerForm::retranslate() {
    if (mode_ == Mode::Create) {
        title_->setText(tr("New customer"));
        hint_->setText(
            tr("No customer has this number yet. Ask for the name and save to "
               "register the caller."));
    } else {
        title_->setText(tr("Edit %1").arg(customerDisplayName(original_.customer.name)));
        hint_->setText(tr("Only the fields you change are saved."));
    }
    nameTitle_->setText(tr("&Name"));
    name_->setPlaceholderText(tr("Family name first, e.g. 김민준"));
    nameEnTitle_->setText(tr("English name"));
    phonesTitle_->setText(tr("Phones"));
    phonesHint_->setText(phonesLocked_
                             ? tr("Numbers are masked for you: they can be changed while you "
                                  "handle this customer's call.")
                             : tr("The first number is the primary one."));
    addPhone_->setText(tr("Add number"));
    emailTitle_->setText(tr("E-mail"));
    email_->setPlaceholderText(tr("name@example.com"));
    birthDateTitle_->setText(tr("Birth date"));
    addressTitle_->setText(tr("Address"));
    languageTitle_->setText(tr("Language"));
    language_->setItemText(0, CustomerTexts::language(QStringLiteral("ko")));
    language_->setItemText(1, CustomerTexts::language(QStringLiteral("en")));
    cancel_->setText(tr("Cancel"));
    save_->setText(busy_ ? tr("Saving…")
                         : (mode_ == Mode::Create ? tr("Create customer") : tr("Save")));
    for (PhoneRow& row : phones_)
        retranslatePhoneRow(row);
}

void CustomerForm::retranslatePhoneRow(PhoneRow& row) {
    for (int i = 0; i < row.label->count(); ++i)
        row.label->setItemText(i, CustomerTexts::phoneLabel(row.label->itemData(i).toString()));
    row.number->setPlaceholderText(tr("010-1234-5678"));
    row.remove->setToolTip(tr("Remove this number"));
}

void CustomerForm::addPhoneRow(const QString& number, const QString& label) {
    const int index = phones_.size();
    PhoneRow row;
    row.widget = new QWidget(this);
    auto* box = new QVBoxLayout(row.widget);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(2);
    auto* line = new QHBoxLayout;
    row.number = new QLineEdit(number, row.widget);
    row.number->setObjectName(QStringLiteral("phoneEdit_%1").arg(index));
    connect(row.number, &QLineEdit::returnPressed, this, &CustomerForm::submit);
    line->addWidget(row.number, 1);
    row.label = new QComboBox(row.widget);
    row.label->setObjectName(QStringLiteral("phoneLabelCombo_%1").arg(index));
    for (const char* l : kPhoneLabels)
        row.label->addItem(QString(), QLatin1String(l));
    row.label->setCurrentIndex(qMax(0, row.label->findData(label)));
    line->addWidget(row.label);
    row.remove = new QPushButton(QStringLiteral("✕"), row.widget);
    row.remove->setObjectName(QStringLiteral("removePhoneButton_%1").arg(index));
    row.remove->setFixedWidth(row.remove->fontMetrics().height() * 2);
    QWidget* rowWidget = row.widget;
    connect(row.remove, &QPushButton::clicked, this,
            [this, rowWidget] { removePhoneRow(rowWidget); });
    line->addWidget(row.remove);
    box->addLayout(line);
    row.error = makeErrorLabel(QStringLiteral("phoneError_%1").arg(index), row.widget);
    box->addWidget(row.error);
    retranslatePhoneRow(row);
    phoneRows_->addWidget(row.widget);
    phones_.append(row);
    updateButtons();
}

void CustomerForm::removePhoneRow(QWidget* rowWidget) {
    for (int i = 0; i < phones_.size(); ++i) {
        if (phones_[i].widget == rowWidget) {
            phones_.removeAt(i);
            retireWidget(rowWidget);
            break;
        }
    }
    // Keep object names in step with the rows on screen (tests and error keys use them).
    for (int i = 0; i < phones_.size(); ++i) {
        phones_[i].number->setObjectName(QStringLiteral("phoneEdit_%1").arg(i));
        phones_[i].label->setObjectName(QStringLiteral("phoneLabelCombo_%1").arg(i));
        phones_[i].remove->setObjectName(QStringLiteral("removePhoneButton_%1").arg(i));
        phones_[i].error->setObjectName(QStringLiteral("phoneError_%1").arg(i));
    }
    updateButtons();
}

void CustomerForm::clearPhoneRows() {
    for (PhoneRow& row : phones_)
        retireWidget(row.widget);
    phones_.clear();
}

void CustomerForm::updateButtons() {
    const bool editable = !phonesLocked_ && !busy_;
    addPhone_->setEnabled(editable && phones_.size() < kMaxPhones);
    addPhone_->setVisible(!phonesLocked_);
    for (PhoneRow& row : phones_) {
        row.number->setReadOnly(phonesLocked_);
        row.label->setEnabled(!phonesLocked_);
        row.remove->setVisible(!phonesLocked_);
        row.remove->setEnabled(editable && phones_.size() > 1);
    }
    save_->setEnabled(!busy_ && online_);
    save_->setToolTip(online_ ? QString() : tr("Not possible while offline"));
}

void CustomerForm::startCreate(const QString& phone) {
    mode_ = Mode::Create;
    original_ = crm::Customer360{};
    phonesLocked_ = false;
    busy_ = false;
    name_->clear();
    nameEn_->clear();
    email_->clear();
    birthDate_->clear();
    address_->clear();
    language_->setCurrentIndex(0);
    clearPhoneRows();
    addPhoneRow(phone.isEmpty() ? QString() : formatPhone(phone), QStringLiteral("mobile"));
    clearErrors();
    retranslate();
    updateButtons();
    name_->setFocus();
}

void CustomerForm::startEdit(const crm::Customer360& customer) {
    mode_ = Mode::Edit;
    original_ = customer;
    busy_ = false;
    const crm::CustomerProfile& p = customer.customer;
    phonesLocked_ = std::any_of(p.phones.cbegin(), p.phones.cend(),
                                [](const crm::CustomerPhone& ph) { return ph.masked; });
    name_->setText(p.name);
    nameEn_->setText(p.nameEn);
    email_->setText(p.email);
    birthDate_->setText(p.birthDate);
    address_->setText(p.address);
    language_->setCurrentIndex(qMax(0, language_->findData(p.preferredLang)));
    clearPhoneRows();
    for (const crm::CustomerPhone& ph : p.phones)
        addPhoneRow(ph.masked ? maskPhone(ph.number) : formatPhone(ph.number), ph.label);
    if (p.phones.isEmpty())
        addPhoneRow({}, QStringLiteral("mobile"));
    clearErrors();
    retranslate();
    updateButtons();
    name_->setFocus();
}

QLineEdit* CustomerForm::phoneEdit(int row) const {
    return row >= 0 && row < phones_.size() ? phones_[row].number : nullptr;
}

QList<crm::CustomerPhoneDraft> CustomerForm::phoneDrafts(QList<int>* rowOfSent) const {
    QList<crm::CustomerPhoneDraft> out;
    for (int i = 0; i < phones_.size(); ++i) {
        const QString number = phones_[i].number->text().trimmed();
        if (number.isEmpty())
            continue;
        out.append({number, phones_[i].label->currentData().toString(), out.isEmpty()});
        if (rowOfSent)
            rowOfSent->append(i);
    }
    return out;
}

FieldErrors CustomerForm::validate() {
    FieldErrors errors;
    if (name_->text().trimmed().isEmpty())
        errors.insert(QStringLiteral("name"), QStringLiteral("is required"));
    if (!phonesLocked_) {
        QSet<QString> seen;
        int filled = 0;
        for (int i = 0; i < phones_.size(); ++i) {
            const QString number = phones_[i].number->text().trimmed();
            if (number.isEmpty())
                continue;
            ++filled;
            const QString e164 = e164Of(number);
            const QString key = QStringLiteral("row:%1").arg(i);
            if (e164.isEmpty())
                errors.insert(key, QStringLiteral("is not a Korean phone number"));
            else if (seen.contains(e164))
                errors.insert(key, QStringLiteral("is listed twice"));
            seen.insert(e164);
        }
        if (filled == 0)
            errors.insert(QStringLiteral("phones"), QStringLiteral("must hold 1 to 5 numbers"));
    }
    const QString email = email_->text().trimmed();
    if (!email.isEmpty() && !emailShapeOk(email))
        errors.insert(QStringLiteral("email"), QStringLiteral("is not an e-mail address"));
    const QString birth = birthDate_->text().trimmed();
    if (!birth.isEmpty() && !birthDateOk(birth))
        errors.insert(QStringLiteral("birthDate"),
                      QStringLiteral("must be a past date as YYYY-MM-DD"));
    clearErrors();
    sentPhoneRows_.clear();
    // Client checks key phone rows directly ("row:N"); show them through the same path.
    FieldErrors shown;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it) {
        if (it.key().startsWith(QLatin1String("row:"))) {
            const int row = it.key().mid(4).toInt();
            phones_[row].error->setText(CustomerTexts::fieldMessage(it.value()));
            phones_[row].error->show();
        } else {
            shown.insert(it.key(), it.value());
        }
    }
    if (!shown.isEmpty())
        showErrors(shown, {});
    if (!errors.isEmpty()) {
        formError_->setText(tr("Please correct the marked fields."));
        formError_->show();
    }
    return errors;
}

crm::CustomerDraft CustomerForm::draft() const {
    crm::CustomerDraft out;
    const crm::CustomerProfile& p = original_.customer;
    const bool create = mode_ == Mode::Create;
    auto text = [&](crm::DraftText& field, QLineEdit* edit, const QString& before, bool clearable) {
        const QString now = edit->text().trimmed();
        if (create) {
            if (!now.isEmpty())
                field = crm::DraftText::of(now);
            return;
        }
        if (now == before.trimmed())
            return;
        if (now.isEmpty() && clearable)
            field = crm::DraftText::cleared();
        else
            field = crm::DraftText::of(now);
    };
    text(out.name, name_, p.name, false);
    text(out.nameEn, nameEn_, p.nameEn, true);
    text(out.email, email_, p.email, true);
    text(out.birthDate, birthDate_, p.birthDate, true);
    text(out.address, address_, p.address, true);
    const QString lang = language_->currentData().toString();
    if (create || lang != p.preferredLang)
        out.preferredLang = crm::DraftText::of(lang);
    if (!phonesLocked_) {
        const QList<crm::CustomerPhoneDraft> phones = phoneDrafts();
        bool changed = create || phones.size() != p.phones.size();
        for (int i = 0; !changed && i < phones.size(); ++i) {
            changed = e164Of(phones[i].number) != p.phones[i].e164 ||
                      phones[i].label != p.phones[i].label ||
                      phones[i].primary != p.phones[i].primary;
        }
        if (changed)
            out.phones = phones;
    }
    return out;
}

QLabel* CustomerForm::errorLabelFor(const QString& field) const {
    if (field == QLatin1String("name"))
        return nameError_;
    if (field == QLatin1String("nameEn"))
        return nameEnError_;
    if (field == QLatin1String("email"))
        return emailError_;
    if (field == QLatin1String("birthDate"))
        return birthDateError_;
    if (field == QLatin1String("address"))
        return addressError_;
    if (field == QLatin1String("preferredLang"))
        return languageError_;
    if (field == QLatin1String("phones"))
        return phonesError_;
    static const QRegularExpression phoneKey(QStringLiteral("^phones\\[(\\d+)\\]"));
    const QRegularExpressionMatch m = phoneKey.match(field);
    if (m.hasMatch()) {
        // The server counts the numbers it was sent; blank rows were not sent. Before a send
        // (client checks) the index is the row on screen.
        const int sent = m.captured(1).toInt();
        const int row = sent < sentPhoneRows_.size() ? sentPhoneRows_[sent] : sent;
        return row < phones_.size() ? phones_[row].error : phonesError_;
    }
    return nullptr;
}

QString CustomerForm::errorFor(const QString& field) const {
    QLabel* label = errorLabelFor(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void CustomerForm::showErrors(const FieldErrors& errors, const QString& message) {
    QStringList unplaced;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it) {
        QLabel* label = errorLabelFor(it.key());
        const QString text = CustomerTexts::fieldMessage(it.value());
        if (!label) {
            unplaced << QStringLiteral("%1: %2").arg(it.key(), text);
            continue;
        }
        label->setText(label->isHidden() ? text : label->text() + QLatin1Char(' ') + text);
        label->show();
    }
    QStringList general;
    if (!message.isEmpty())
        general << message;
    general << unplaced;
    if (!general.isEmpty()) {
        formError_->setText(general.join(QLatin1Char('\n')));
        formError_->show();
    }
    // Put the counselor where the first problem is.
    for (QLabel* l : {nameError_, emailError_, birthDateError_}) {
        if (!l->isHidden()) {
            if (l == nameError_)
                name_->setFocus();
            else if (l == emailError_)
                email_->setFocus();
            else
                birthDate_->setFocus();
            break;
        }
    }
}

void CustomerForm::clearErrors() {
    for (QLabel* l : {formError_, nameError_, nameEnError_, phonesError_, emailError_,
                      birthDateError_, addressError_, languageError_}) {
        l->clear();
        l->hide();
    }
    for (PhoneRow& row : phones_) {
        row.error->clear();
        row.error->hide();
    }
}

void CustomerForm::setBusy(bool busy) {
    busy_ = busy;
    for (QLineEdit* e : {name_, nameEn_, email_, birthDate_, address_})
        e->setReadOnly(busy);
    retranslate();
    updateButtons();
}

void CustomerForm::setOnline(bool online) {
    online_ = online;
    updateButtons();
}

void CustomerForm::submit() {
    if (busy_ || !online_)
        return;
    if (!validate().isEmpty())
        return;
    sentPhoneRows_.clear();
    phoneDrafts(&sentPhoneRows_);
    const crm::CustomerDraft changes = draft();
    if (mode_ == Mode::Edit && changes.isEmpty()) {
        emit cancelled();  // nothing changed: nothing to save
        return;
    }
    emit submitted(changes);
}

}  // namespace agentdesk::widgets
